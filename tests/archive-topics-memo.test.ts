import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { appendFile, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildArchive, loadArchive, loadRecords, sourceKeyOf, type Archive, type LoadedArchive } from "../src/archive/index.ts";
import { memoKey, topicsMemo, type MemoisedAssignment, type TopicsMemo } from "../src/archive/topics-memo.ts";
import { hashFolder } from "../src/fingerprint.ts";
import { gazetteerDataVersion, type CachedExtraction, type ExtractionCache } from "../src/topics/index.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "site", "articles");
const TOPICS_SOURCE = join(import.meta.dirname, "..", "src", "topics");

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "news-archive-memo-"));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A fresh copy of the fixture articles and an empty cache folder. */
async function workspace(name: string): Promise<{ input: string; cacheDir: string; memo: string; pack: string }> {
  const input = join(base, name, "articles");
  await cp(FIXTURES, input, { recursive: true });
  const cacheDir = join(base, name, "cache");
  return { input, cacheDir, memo: join(cacheDir, "topics-memo.json"), pack: join(cacheDir, "topics-pack") };
}

/** What an archive says about topics: each article's topics (by URL, in order) and the topic list. */
function topicsOf(archive: Archive): unknown {
  return {
    articles: archive.articles.map((a) => [a.url, a.topics]),
    topics: archive.topics,
    byTopic: [...archive.byTopic].map(([slug, list]) => [slug, list.map((a) => a.url)]),
  };
}

/**
 * Loads the archive again after removing the extraction store: when the memo answers, the store is never opened, so
 * nothing re-creates it; when the topics are assigned again, every extraction is stored anew.
 */
async function loadWithoutStore(input: string, cacheDir: string): Promise<{ archive: LoadedArchive; storeUsed: boolean }> {
  await rm(join(cacheDir, "topics-pack"), { recursive: true, force: true });
  const archive = await loadArchive(input, { cacheDir });
  return { archive, storeUsed: existsSync(join(cacheDir, "topics-pack")) };
}

/** An in-memory memo that counts its reads and writes. */
function memoryMemo(): TopicsMemo & { reads: number; writes: number } {
  const stored = new Map<string, MemoisedAssignment>();
  const memo = {
    reads: 0,
    writes: 0,
    read: (key: string): MemoisedAssignment | undefined => {
      memo.reads += 1;
      return stored.get(key);
    },
    write: (key: string, value: MemoisedAssignment): void => {
      memo.writes += 1;
      stored.set(key, value);
    },
  };
  return memo;
}

/** An in-memory extraction cache that counts every call. */
function countingCache(): ExtractionCache & { calls: number } {
  const map = new Map<string, CachedExtraction>();
  const cache = {
    calls: 0,
    get: (key: string): CachedExtraction | undefined => {
      cache.calls += 1;
      return map.get(key);
    },
    set: (key: string, value: CachedExtraction): void => {
      cache.calls += 1;
      map.set(key, value);
    },
  };
  return cache;
}

describe("the topics memo", () => {
  it("should give a warm build from the memo the same topics as assigning them, without opening the extraction store", async () => {
    const { input, cacheDir, memo } = await workspace("same");
    const cold = await loadArchive(input, { cacheDir });
    expect(cold.errorCount).toBe(0);
    expect(existsSync(memo)).toBe(true);
    const fromMemo = await loadWithoutStore(input, cacheDir);
    expect(fromMemo.storeUsed).toBe(false);
    expect(topicsOf(fromMemo.archive)).toEqual(topicsOf(cold));
    // Every field of every record, bodies included, as a build without the memo gives them.
    expect(fromMemo.archive.articles.map((a) => JSON.stringify(a))).toEqual(cold.articles.map((a) => JSON.stringify(a)));
    expect(fromMemo.archive.articles.every((a) => Object.isFrozen(a) && sourceKeyOf(a) !== undefined)).toBe(true);
    // A warm build that assigns again (no memo, no state to assign incrementally from) agrees too.
    await rm(memo);
    await rm(join(cacheDir, "topics-state.bin"));
    const warm = await loadWithoutStore(input, cacheDir);
    expect(warm.storeUsed).toBe(true);
    expect(topicsOf(warm.archive)).toEqual(topicsOf(fromMemo.archive));
  });

  it("should assign again when one article changes", async () => {
    const { input, cacheDir, memo } = await workspace("article");
    await loadArchive(input, { cacheDir });
    const before = await readFile(memo, "utf8");
    const file = join(input, "2020", "11", "2020-11-07-joe-biden-projected-us-president-elect.txt");
    await appendFile(file, "\nAngela Merkel congratulated Biden. Angela Merkel said the result was clear.\n");
    const changed = await loadWithoutStore(input, cacheDir);
    expect(changed.storeUsed).toBe(true);
    expect(changed.archive.parsed).toBe(1);
    expect(await readFile(memo, "utf8")).not.toBe(before);
    expect(existsSync(join(cacheDir, "topics-state.bin"))).toBe(true);
    // Assigned from the last build's state, the topics are those of a build without any cache.
    const uncached = await loadArchive(input, {});
    expect(topicsOf(changed.archive)).toEqual(topicsOf(uncached));
    // The memo now written answers the next build, with the same topics.
    const again = await loadWithoutStore(input, cacheDir);
    expect(again.storeUsed).toBe(false);
    expect(topicsOf(again.archive)).toEqual(topicsOf(changed.archive));
  });

  it("should assign again when the vocabulary changes, and apply it", async () => {
    const { input, cacheDir } = await workspace("vocabulary");
    const cold = await loadArchive(input, { cacheDir });
    const slug = cold.topics[0]!.slug;
    await writeFile(join(input, "topics.yml"), `suppress: [${JSON.stringify(cold.topics[0]!.name)}]\n`);
    const changed = await loadWithoutStore(input, cacheDir);
    expect(changed.storeUsed).toBe(true);
    expect(changed.archive.topics.some((t) => t.slug === slug)).toBe(false);
    expect(changed.archive.articles.some((a) => a.topics.some((t) => t.slug === slug))).toBe(false);
  });

  it("should key the memo by the topics layer's code and data: the hash of the gazetteer packages' versions and src/topics/ unless another is given", async () => {
    const { input } = await workspace("code");
    const { records } = await loadRecords(input, { workers: 0 });
    const folder = hashFolder(createHash("sha256").update(`${gazetteerDataVersion()}\0`), TOPICS_SOURCE).digest("hex");
    expect(memoKey(records, undefined, sourceKeyOf, hashFolder(createHash("sha256"), TOPICS_SOURCE).digest("hex"))).not.toBe(memoKey(records, undefined, sourceKeyOf));
    const key = memoKey(records, undefined, sourceKeyOf);
    expect(key).toMatch(/^[0-9a-f]{64}$/u);
    expect(memoKey(records, undefined, sourceKeyOf, folder)).toBe(key);
    expect(memoKey(records, undefined, sourceKeyOf, `${folder}x`)).not.toBe(key);
    expect(memoKey(records, { entries: [], suppress: ["NATO"] }, sourceKeyOf)).not.toBe(key);
    expect(memoKey(records.slice(1), undefined, sourceKeyOf)).not.toBe(key);
    expect(memoKey(records, undefined, (r) => (r === records[2] ? undefined : sourceKeyOf(r)))).toBeUndefined();
  });

  it("should take a damaged or foreign memo as missing, not fail", async () => {
    const { input, cacheDir, memo } = await workspace("damaged");
    const cold = await loadArchive(input, { cacheDir });
    const text = await readFile(memo, "utf8");
    const key = text.slice(0, text.indexOf("\n"));
    const damaged = [
      text.slice(0, Math.floor(text.length / 2)),
      `${key}\n{"refs":[["A","a","person"]],"records":[[5]],"topics":[]}`,
      `${key}\n{"refs":[["A","a","nonsense"]],"records":[],"topics":[]}`,
      `${key}\n[1,2,3]`,
      `${key}\n${JSON.stringify({ ...(JSON.parse(text.slice(key.length + 1)) as object), records: [] })}`,
      "",
      "\u0000\u0001binary",
    ];
    for (const content of damaged) {
      await writeFile(memo, content);
      // Without the incremental assignment's state, a memo that misses means a full assignment.
      await rm(join(cacheDir, "topics-state.bin"), { force: true });
      const loaded = await loadWithoutStore(input, cacheDir);
      expect(loaded.storeUsed, content.slice(0, 80)).toBe(true);
      expect(topicsOf(loaded.archive)).toEqual(topicsOf(cold));
    }
    // A damaged incremental state under its key is no state: the topics are assigned in full.
    const stateFile = join(cacheDir, "topics-state.bin");
    const state = await readFile(stateFile);
    const stateKey = state.subarray(0, state.indexOf(10)).toString("latin1");
    const outOfRange = Buffer.from(state);
    outOfRange.writeInt32LE(0x7fffffff, outOfRange.length - 4);
    for (const content of [
      state.subarray(0, Math.floor(state.length / 2)),
      state.subarray(0, state.length - 4),
      outOfRange,
      Buffer.from(`${stateKey}\n{"strings":[],"sources":["x"]}\n`),
      Buffer.from(`${stateKey}\n[1,2]\n`),
    ]) {
      await writeFile(stateFile, content);
      await rm(memo);
      const loaded = await loadWithoutStore(input, cacheDir);
      expect(loaded.storeUsed, content.subarray(0, 80).toString("latin1")).toBe(true);
      expect(topicsOf(loaded.archive)).toEqual(topicsOf(cold));
    }
    // Rewritten whole by the last of those builds.
    expect(await readFile(memo, "utf8")).toBe(text);
    expect(topicsMemo(join(base, "nowhere")).read(key)).toBeUndefined();
  });

  it("should not ask the extraction cache anything when the memo answers, and use no memo for records without a source key", async () => {
    const { input } = await workspace("unit");
    const { records } = await loadRecords(input, { workers: 0 });
    const memo = memoryMemo();
    const first = countingCache();
    const assigned = buildArchive(records, { topicsCache: first, topicsMemo: memo, sourceKey: sourceKeyOf });
    expect(first.calls).toBeGreaterThan(0);
    expect(memo.writes).toBe(1);
    const second = countingCache();
    const fromMemo = buildArchive(records, { topicsCache: second, topicsMemo: memo, sourceKey: sourceKeyOf });
    expect(second.calls).toBe(0);
    expect(topicsOf(fromMemo)).toEqual(topicsOf(assigned));
    const unkeyed = memoryMemo();
    buildArchive(records.map((r) => ({ ...r })), { topicsMemo: unkeyed, sourceKey: sourceKeyOf });
    expect(unkeyed.reads + unkeyed.writes).toBe(0);
  });
});
