import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyReads } from "../src/archive/body-store.ts";
import { ParseCache } from "../src/archive/cache.ts";
import { decodeExtraction, type EncodedExtractionCache } from "../src/archive/extraction-store.ts";
import { buildArchive, loadArchive, loadRecords, sourceKeyOf } from "../src/archive/index.ts";
import type { ArticleRecord } from "../src/parse/index.ts";
import { assignTopics, loadVocabulary, sourceContentKey, type CachedExtraction } from "../src/topics/index.ts";

/** The demo archive (296 TASS and Wikinews articles) and the site fixtures. */
const DEMO = join(import.meta.dirname, "..", "articles");
const FIXTURES = join(import.meta.dirname, "fixtures", "site", "articles");

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "news-archive-cold-extraction-"));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** The demo archive built from records loaded without extraction: every extraction runs in `assignTopics`. */
async function plainDemo(records: readonly ArticleRecord[]): Promise<ReturnType<typeof buildArchive>> {
  const path = join(DEMO, "topics.yml");
  const vocabulary = loadVocabulary(await readFile(path, "utf8"), path).vocabulary;
  return buildArchive(records, { vocabulary });
}

/** What the main thread extracts and caches for each record, by the key `assignTopics` looks it up by. */
function mainThreadExtractions(records: readonly ArticleRecord[]): { cache: Map<string, CachedExtraction>; extracted: number } {
  const cache = new Map<string, CachedExtraction>();
  const { stats } = assignTopics(records, { cache, sourceKey: sourceKeyOf });
  return { cache, extracted: stats?.extracted ?? -1 };
}

/** The records of a folder as loaded without extraction, and their extractions as the main thread computes them. */
async function reference(dir: string): Promise<{ records: readonly ArticleRecord[]; cache: Map<string, CachedExtraction> }> {
  const { records } = await loadRecords(dir, { cacheDir: null, workers: 0 });
  const { cache, extracted } = mainThreadExtractions(records);
  expect(extracted).toBe(records.length);
  return { records, cache };
}

describe("extraction of cold files while loading", () => {
  it.each([
    ["worker threads", { workerThreshold: 0, workers: 2 }],
    ["the main thread", { workerThreshold: 1_000_000 }],
  ])("should give every cold file of the demo archive, parsed in %s, exactly the main thread's extraction", async (_, parallel) => {
    const expected = await reference(DEMO);
    const extractions = new Map<string, CachedExtraction>();
    const { records } = await loadRecords(DEMO, { cacheDir: null, extractions, ...parallel });
    expect(records.length).toBe(expected.records.length);
    expect(records.length).toBeGreaterThan(250);
    expect(extractions.size).toBe(records.length);
    for (const record of records) {
      const key = sourceContentKey(sourceKeyOf(record) as string);
      const got = extractions.get(key);
      const want = expected.cache.get(key);
      expect(want, record.file).toBeDefined();
      expect(got, record.file).toEqual(want);
      expect(JSON.stringify(got), record.file).toBe(JSON.stringify(want));
    }
    expect(records.some((r) => (extractions.get(sourceContentKey(sourceKeyOf(r) as string))?.entities.length ?? 0) > 0)).toBe(true);
  });

  it("should leave assignTopics no extraction to run in the main thread for files parsed in worker threads", async () => {
    const extractions = new Map<string, CachedExtraction>();
    const { records } = await loadRecords(DEMO, { cacheDir: null, extractions, workerThreshold: 0, workers: 2 });
    const { stats } = assignTopics(records, { cache: extractions, sourceKey: sourceKeyOf });
    expect(stats).toEqual({ extracted: 0, cached: records.length });
  });

  it("should return cold records lazy when extracting with a cache folder, and their topics need no body", async () => {
    const cacheDir = join(base, "lazy");
    const extractions = new Map<string, CachedExtraction>();
    const { records, parsed } = await loadRecords(FIXTURES, { cacheDir, extractions, workerThreshold: 0, workers: 2 });
    expect(parsed).toBe(records.length);
    expect(records.every((r) => Object.getOwnPropertyDescriptor(r, "body")?.get !== undefined)).toBe(true);
    const before = bodyReads.bodies;
    const { stats } = assignTopics(records, { cache: extractions, sourceKey: sourceKeyOf });
    expect(bodyReads.bodies - before).toBe(0);
    expect(stats?.extracted).toBe(0);
    const expected = await reference(FIXTURES);
    expect(records.map((r) => JSON.stringify(r))).toEqual(expected.records.map((r) => JSON.stringify(r)));
  });

  it("should have worker threads store cold bodies themselves and hand each extraction in the store's encoding", async () => {
    const cacheDir = join(base, "encoded");
    const plain = new Map<string, CachedExtraction>();
    const encoded = new Map<string, string>();
    const extractions: EncodedExtractionCache = {
      get: (key) => plain.get(key),
      set: (key, value) => plain.set(key, value),
      setEncoded: (key, json) => encoded.set(key, json),
    };
    const { records } = await loadRecords(FIXTURES, { cacheDir, extractions, workerThreshold: 0, workers: 2 });
    const expected = await reference(FIXTURES);
    expect(plain.size).toBe(0);
    expect(encoded.size).toBe(records.length);
    const cache = new ParseCache(cacheDir);
    records.forEach((record, i) => {
      const key = sourceKeyOf(record) as string;
      const full = expected.records[i] as ArticleRecord;
      expect(decodeExtraction(JSON.parse(encoded.get(sourceContentKey(key)) as string)), record.file).toStrictEqual(expected.cache.get(sourceContentKey(key)));
      expect(cache.body(key), record.file).toStrictEqual({ body: full.body, html: full.html });
    });
  });

  it("should keep cold records full and extract nothing when no extraction cache is given", async () => {
    const { records } = await loadRecords(FIXTURES, { cacheDir: join(base, "full"), workerThreshold: 0, workers: 2 });
    expect(records.length).toBeGreaterThan(3);
    expect(records.every((r) => Object.getOwnPropertyDescriptor(r, "body")?.get === undefined)).toBe(true);
  });

  it("should build the same archive without a cache folder (--no-cache) as the main thread's extraction gives", async () => {
    const { records } = await reference(DEMO);
    const plain = await plainDemo(records);
    const archive = await loadArchive(DEMO, { cacheDir: null, workerThreshold: 0, workers: 2 });
    expect(archive.parsed).toBe(records.length);
    expect(archive.topics).toEqual(plain.topics);
    expect(archive.articles.map((a) => JSON.stringify(a))).toEqual(plain.articles.map((a) => JSON.stringify(a)));
  });

  it("should build the same archive cold with a cache folder, then warm, as the main thread's extraction gives", async () => {
    const cacheDir = join(base, "archive");
    const { records } = await reference(DEMO);
    const plain = await plainDemo(records);
    const cold = await loadArchive(DEMO, { cacheDir, workerThreshold: 0, workers: 2 });
    const warm = await loadArchive(DEMO, { cacheDir });
    expect(cold.parsed).toBe(records.length);
    expect(warm.cached).toBe(records.length);
    for (const archive of [cold, warm]) {
      expect(archive.topics).toEqual(plain.topics);
      expect(archive.articles.map((a) => JSON.stringify(a))).toEqual(plain.articles.map((a) => JSON.stringify(a)));
    }
  });
});
