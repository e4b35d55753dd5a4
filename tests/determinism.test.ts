/**
 * Two builds of the same articles are byte-identical, whatever the folder, time zone or clock: `news-archive diff`
 * depends on it. Each build runs the real command (`news-archive build`) in its own copy of the project, as two clones
 * on two machines would.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSites, listSite } from "../src/cli/diff-sites.ts";
import type { SiteListing } from "../src/cli/diff-sites.ts";
import { copyProject, newsArchive } from "./helpers/project-copy.ts";

// Loaded before the build with `node --import`: every `new Date()` and `Date.now()` in the build reads ten years ahead.
const SHIFTED_CLOCK = `
const RealDate = Date;
const shift = 10 * 365 * 24 * 3600 * 1000 + 12345;
class ShiftedDate extends RealDate {
  constructor(...args) { if (args.length === 0) super(RealDate.now() + shift); else super(...args); }
  static now() { return RealDate.now() + shift; }
}
globalThis.Date = ShiftedDate;
`;

let root: string;
let first: SiteListing;
let second: SiteListing;

async function build(dir: string, env: NodeJS.ProcessEnv, nodeArgs: string[]): Promise<SiteListing> {
  const result = await newsArchive(dir, ["build"], env, nodeArgs);
  expect(result.code, result.stderr).toBe(0);
  return listSite(join(dir, "_site"));
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "news-determinism-"));
  const clock = join(root, "shifted-clock.mjs");
  await writeFile(clock, SHIFTED_CLOCK);
  // One snapshot of the code, copied: both builds run the same code even while the project is being edited.
  await copyProject(join(root, "first"));
  await cp(join(root, "first"), join(root, "second"), { recursive: true, verbatimSymlinks: true });
  first = await build(join(root, "first"), { TZ: "Asia/Tokyo", LANG: "ja_JP.UTF-8" }, ["--import", clock]);
  second = await build(join(root, "second"), { TZ: "America/New_York", LANG: "en_US.UTF-8" }, []);
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("build determinism", () => {
  it("should build the demo archive into a site with pages", () => {
    expect(first.size).toBeGreaterThan(500);
    expect(first.has("index.html")).toBe(true);
  });

  it("should give byte-identical sites from two folders, two time zones and two clocks", () => {
    expect(diffSites(first, second)).toEqual({ added: [], changed: [], removed: [], searchIndexChanged: false });
    expect([...second.keys()]).toEqual([...first.keys()]);
  });
});
