/**
 * The whole demo site built for a pull-request preview served under `/pr-42/`: every internal link and asset
 * must stay under the prefix and reach a file.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../src/config.ts";
import { buildDemoSite, type TempBuild } from "./helpers/build.ts";
import { checkAtom } from "./helpers/formats.ts";
import { findBrokenReferences, listFiles } from "./helpers/site.ts";

const PREFIX = "/pr-42/";
let site: TempBuild;

beforeAll(async () => {
  site = await buildDemoSite(PREFIX);
}, 300_000);

afterAll(async () => {
  await site?.remove();
});

describe("the demo site built under the path prefix /pr-42/", () => {
  it("should build the same pages as at the root, not nested under the prefix folder", async () => {
    const files = await listFiles(site.dir);
    expect(files).toContain("index.html");
    expect(files.some((file) => file.startsWith("pr-42/"))).toBe(false);
  });

  it("should have no broken internal link, asset or fragment, and none outside the prefix", async () => {
    const problems = await findBrokenReferences(site.dir, PREFIX, config.baseUrl);
    expect(problems.slice(0, 50), `${problems.length} broken references`).toEqual([]);
  }, 300_000);

  it("should point the Atom feed's self link and entries under the prefix", async () => {
    const xml = await readFile(path.join(site.dir, "feed.xml"), "utf8");
    const atom = checkAtom(xml, "feed.xml");
    expect(atom.problems).toEqual([]);
    expect(atom.entryLinks.length).toBeGreaterThan(0);
    expect(atom.entryLinks.filter((link) => !new URL(link).pathname.startsWith(PREFIX))).toEqual([]);
  });
});
