import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyReads } from "../src/archive/body-store.ts";
import { ArchiveError, loadArchive, loadRecords, sourceKeyOf } from "../src/archive/index.ts";
import type { ArticleRecord } from "../src/parse/index.ts";
import { buildSite, type BuildOptions, type BuildResult } from "../src/site/index.ts";
import { assignTopics, type CachedExtraction } from "../src/topics/index.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "site", "articles");

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "news-archive-lazy-"));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** A fresh copy of the fixture articles and an empty cache folder. */
async function workspace(name: string): Promise<{ input: string; cacheDir: string }> {
  const input = join(base, name, "articles");
  await cp(FIXTURES, input, { recursive: true });
  return { input, cacheDir: join(base, name, "cache") };
}

/** Every file of a built site with its bytes, by path relative to the site. */
async function readSite(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file))] as const)));
}

/** Bodies and shards the body store reads while `run` runs. */
async function counting(run: () => Promise<unknown>): Promise<{ bodies: number; shards: number }> {
  const before = { ...bodyReads };
  await run();
  return { bodies: bodyReads.bodies - before.bodies, shards: bodyReads.shards - before.shards };
}

describe("records with lazy bodies", () => {
  it("should read no body in a warm build but the main feeds' full content, and write the same site as a cold build", async () => {
    const { input, cacheDir } = await workspace("build");
    const results: BuildResult[] = [];
    const build = async (output: string): Promise<void> => {
      const options: BuildOptions = { input, output: join(base, "build", output), cacheDir, baseUrl: "https://news.example", pathPrefix: "/", search: false };
      results.push(await buildSite(options));
    };
    await build("cold");
    const warm = await counting(() => build("warm"));
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(results[1]!.cached).toBe(results[0]!.parsed);
    expect(results[1]!.pagesFromCache).toBeGreaterThan(results[0]!.articles);
    const cold = await readSite(join(base, "build", "cold"));
    const site = await readSite(join(base, "build", "warm"));
    expect([...site.keys()]).toEqual([...cold.keys()]);
    for (const [file, bytes] of cold) expect(site.get(file)?.equals(bytes), file).toBe(true);
    // The Atom and JSON feeds print each of their entries' HTML: the only bodies a warm build needs.
    const atomEntries = cold.get("feed.xml")!.toString("utf8").split("<entry>").length - 1;
    const jsonItems = (JSON.parse(cold.get("feed.json")!.toString("utf8")) as { items: unknown[] }).items.length;
    expect(atomEntries).toBeGreaterThan(0);
    expect(warm.bodies).toBe(atomEntries + jsonItems);
  });

  it("should give warm records the same fields, in the same order, as cold ones, each marked with its source key", async () => {
    const { input, cacheDir } = await workspace("fields");
    const cold = await loadRecords(input, { cacheDir, workers: 0 });
    const warm = await loadRecords(input, { cacheDir, workers: 0 });
    expect(warm.cached).toBe(cold.records.length);
    let reads = await counting(() => Promise.resolve(warm.records.map((r) => [r.title, r.topics, r.wordCount])));
    expect(reads.bodies).toBe(0);
    reads = await counting(() => Promise.resolve(expect(warm.records.map((r) => JSON.stringify(r))).toEqual(cold.records.map((r) => JSON.stringify(r)))));
    // Serialising a record asks for its body, then its HTML: one read, the source keeping the last body read.
    expect(reads.bodies).toBe(cold.records.length);
    expect(warm.records.map((r) => sourceKeyOf(r))).toEqual(cold.records.map((r) => sourceKeyOf(r)));
    expect(warm.records.every((r) => /^[0-9a-f]{64}$/u.test(sourceKeyOf(r) ?? ""))).toBe(true);
    expect(Object.keys(warm.records[0]!)).toEqual(Object.keys(cold.records[0]!));
  });

  it("should keep records parsed in a cold build lazy once their topics are assigned, reading no body while loading", async () => {
    const { input, cacheDir } = await workspace("cold-lazy");
    let cold: Awaited<ReturnType<typeof loadArchive>> | undefined;
    const reads = await counting(async () => {
      cold = await loadArchive(input, { cacheDir });
    });
    expect(cold?.parsed).toBe(cold?.files);
    expect(reads.bodies).toBe(0);
    const plain = await loadArchive(input);
    expect(cold!.articles.length).toBeGreaterThan(3);
    expect(cold!.articles.every((a) => Object.getOwnPropertyDescriptor(a, "body")?.get !== undefined)).toBe(true);
    expect(plain.articles.every((a) => Object.getOwnPropertyDescriptor(a, "body")?.get === undefined)).toBe(true);
    expect(cold!.articles.map((a) => JSON.stringify(a))).toEqual(plain.articles.map((a) => JSON.stringify(a)));
    expect(cold!.articles.map((a) => Object.keys(a))).toEqual(plain.articles.map((a) => Object.keys(a)));
  });

  it("should write the same site from a cold build with a cache (lazy records) as from one without a cache (full records)", async () => {
    const { input, cacheDir } = await workspace("cold-site");
    const build = async (output: string, cache: string | null): Promise<Map<string, Buffer>> => {
      const result = await buildSite({ input, output: join(base, "cold-site", output), cacheDir: cache, baseUrl: "https://news.example", pathPrefix: "/", search: false });
      expect(result.ok).toBe(true);
      return readSite(join(base, "cold-site", output));
    };
    const full = await build("full", null);
    const lazy = await build("lazy", cacheDir);
    expect([...lazy.keys()]).toEqual([...full.keys()]);
    for (const [file, bytes] of full) expect(lazy.get(file)?.equals(bytes), file).toBe(true);
  });

  it("should parse the article file again when its body can no longer be read from the cache", async () => {
    const { input, cacheDir } = await workspace("damaged");
    const cold = await loadRecords(input, { cacheDir, workers: 0 });
    const warm = await loadRecords(input, { cacheDir, workers: 0 });
    const bodies = join(cacheDir, "parse-body");
    for (const shard of await readdir(bodies)) await writeFile(join(bodies, shard), "damaged\n");
    expect(warm.records.map((r) => r.html)).toEqual(cold.records.map((r) => r.html));
    expect(warm.records.map((r) => r.body)).toEqual(cold.records.map((r) => r.body));
  });

  it("should raise a clear error when neither the cache nor the article file can give the body", async () => {
    const { input, cacheDir } = await workspace("removed");
    await loadRecords(input, { cacheDir, workers: 0 });
    const warm = await loadRecords(input, { cacheDir, workers: 0 });
    await rm(join(cacheDir, "parse-body"), { recursive: true });
    const [removed, changed] = warm.records as [ArticleRecord, ArticleRecord];
    await rm(removed.file);
    await writeFile(changed.file, `${await readFile(changed.file, "utf8")}\nOne more line.\n`);
    expect(() => removed.html).toThrow(ArchiveError);
    expect(() => removed.html).toThrow(/could not be read again.*Build again/u);
    expect(() => changed.body).toThrow(/has changed since the build read it/u);
  });

  it("should find a cached extraction by source key without reading the body, with the same topics and evidence", async () => {
    const { input, cacheDir } = await workspace("topics");
    await loadRecords(input, { cacheDir, workers: 0 });
    const { records } = await loadRecords(input, { cacheDir, workers: 0 });
    const cache = new Map<string, CachedExtraction>();
    const first = assignTopics(records, { cache, sourceKey: sourceKeyOf });
    expect(first.stats?.cached).toBe(0);
    const again = await counting(() => Promise.resolve(assignTopics(records, { cache, sourceKey: sourceKeyOf })));
    expect(again.bodies).toBe(0);
    const second = assignTopics(records, { cache, sourceKey: sourceKeyOf });
    expect(second.stats).toEqual({ extracted: 0, cached: records.length });
    expect(second.records.map((r) => r.topics)).toEqual(first.records.map((r) => r.topics));
    expect(second.scored).toEqual(first.scored);
    expect(second.records.map((r) => sourceKeyOf(r))).toEqual(records.map((r) => sourceKeyOf(r)));
    // Without source keys the text is hashed, as before.
    expect(assignTopics(records).scored).toEqual(first.scored);
  });
});
