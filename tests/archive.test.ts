import { cp, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheKey, parserFingerprint } from "../src/archive/cache.ts";
import { buildArchive, formatDiagnostic, listArticleFiles, loadArchive, loadRecords, sourceKeyOf } from "../src/archive/index.ts";
import { makeRecord, subject } from "./fixtures/site/records.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "site", "articles");

describe("buildArchive", () => {
  it("should order articles newest first and index them by URL, topic and date", () => {
    const archive = buildArchive([
      makeRecord({ title: "Old", date: "2020-01-01", topics: [subject("T")] }),
      makeRecord({ title: "New", date: "2021-05-02", topics: [subject("T")] }),
      makeRecord({ title: "Mid", date: "2020-06-30" }),
    ]);
    expect(archive.articles.map((a) => a.title)).toEqual(["New", "Mid", "Old"]);
    expect(archive.byUrl.get("/2020/06/30/mid/")?.title).toBe("Mid");
    expect(archive.byTopic.get("t")?.map((a) => a.title)).toEqual(["New", "Old"]);
    expect(archive.byDate.get("2020")?.map((a) => a.title)).toEqual(["Mid", "Old"]);
    expect(archive.byDate.get("2020-06-30")?.map((a) => a.title)).toEqual(["Mid"]);
    expect(archive.errorCount).toBe(0);
  });

  it("should not publish drafts", () => {
    const archive = buildArchive([makeRecord({ title: "Public", date: "2020-01-01" }), makeRecord({ title: "Secret", date: "2020-01-02", draft: true })]);
    expect(archive.articles.map((a) => a.title)).toEqual(["Public"]);
    expect(archive.drafts).toBe(1);
  });

  it("should make an article without a date an error, since it cannot be published", () => {
    const archive = buildArchive([makeRecord({ title: "Undated", date: null })]);
    expect(archive.articles).toEqual([]);
    expect(archive.errorCount).toBe(1);
    expect(archive.diagnostics[0]?.rule).toBe("archive/no-date");
    expect(formatDiagnostic(archive.diagnostics[0]!)).toMatch(/^articles\/undated-undated\.txt:1:1 {2}error {2}This article has no date.* {2}archive\/no-date$/u);
  });

  it("should report two articles with the same URL on both files, naming the other", () => {
    const a = makeRecord({ title: "Same", date: "2020-01-01" });
    const b = { ...makeRecord({ title: "Same", date: "2020-01-01" }), file: "articles/other.txt" };
    const archive = buildArchive([a, b]);
    expect(archive.articles).toHaveLength(1);
    const clashes = archive.diagnostics.filter((d) => d.rule === "archive/duplicate-url");
    expect(clashes.map((d) => d.file).sort()).toEqual([a.file, "articles/other.txt"].sort());
    expect(clashes.find((d) => d.file === a.file)?.message).toContain("articles/other.txt");
  });

  it("should keep the parser's error diagnostics and not publish those articles", () => {
    const bad = makeRecord({ title: "Bad", date: "2020-01-01", diagnostics: [{ severity: "error", line: 3, column: 2, message: "Broken.", rule: "x/broken" }] });
    const archive = buildArchive([bad]);
    expect(archive.articles).toEqual([]);
    expect(archive.diagnostics.map(formatDiagnostic)).toEqual([`${bad.file}:3:2  error  Broken.  x/broken`]);
  });
});

describe("loadArchive", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "news-archive-archive-"));
    await cp(FIXTURES, join(dir, "articles"), { recursive: true });
    await writeFile(join(dir, "articles", "README.md"), "# Not an article\n");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("should list article files but not the folder's README", async () => {
    const files = await listArticleFiles(join(dir, "articles"));
    expect(files.length).toBeGreaterThan(5);
    expect(files.some((f) => f.endsWith("README.md"))).toBe(false);
    expect([...files].sort()).toEqual(files);
  });

  it("should parse cold files, then take unchanged ones from the cache and re-parse only a changed one", async () => {
    const input = join(dir, "articles");
    const cacheDir = join(dir, "cache");
    const cold = await loadArchive(input, { cacheDir });
    expect(cold.parsed).toBe(cold.files);
    expect(cold.errorCount).toBe(0);
    const warm = await loadArchive(input, { cacheDir });
    expect(warm.cached).toBe(cold.files);
    expect(warm.parsed).toBe(0);
    expect(warm.articles.map((a) => a.url)).toEqual(cold.articles.map((a) => a.url));
    await writeFile(join(input, "2023", "05", "2023-05-01-russian-article.txt"), "Changed headline\n\n2023-05-01\n\nChanged text.\n");
    const changed = await loadArchive(input, { cacheDir });
    expect(changed.parsed).toBe(1);
    expect(changed.articles.some((a) => a.title === "Changed headline")).toBe(true);
  });

  it("should take a file whose size, time and inode are unchanged from the cache by its stat alone, and re-read one whose stat changed", async () => {
    const input = join(dir, "stat-articles");
    const cacheDir = join(dir, "stat-cache");
    await cp(FIXTURES, input, { recursive: true });
    const files = await listArticleFiles(input);
    const target = files.find((f) => f.endsWith(".txt")) as string;
    const past = new Date(Date.now() - 3_600_000);
    for (const file of files) await utimes(file, past, past);
    const cold = await loadRecords(input, { cacheDir });
    expect(cold.parsed).toBe(files.length);
    const original = await readFile(target, "utf8");
    // Same size, same time, same inode: the shortcut takes the cached record without reading the file.
    const sameSize = original.replace(/[a-z]/u, (c) => (c === "a" ? "b" : "a"));
    await writeFile(target, sameSize);
    await utimes(target, past, past);
    const warm = await loadRecords(input, { cacheDir });
    expect(warm.parsed).toBe(0);
    expect(warm.cached).toBe(files.length);
    // Another modification time: read, hashed and parsed again.
    const later = new Date(past.getTime() + 60_000);
    await utimes(target, later, later);
    const changed = await loadRecords(input, { cacheDir });
    expect(changed.parsed).toBe(1);
    expect(changed.records.find((r) => r.file === target)).not.toEqual(cold.records.find((r) => r.file === target));
    // A file modified just now (within the index's racy window) is always read: its original bytes give its
    // original record back (from the cache).
    await writeFile(target, original);
    const recent = await loadRecords(input, { cacheDir });
    expect(recent.records.find((r) => r.file === target)).toEqual(cold.records.find((r) => r.file === target));
  });

  it("should let worker threads hash the files of an empty cache, under the keys the main thread gives them", async () => {
    const input = join(dir, "articles");
    const cacheDir = join(dir, "worker-keys");
    const files = await listArticleFiles(input);
    const past = new Date(Date.now() - 3_600_000);
    for (const file of files) await utimes(file, past, past);
    const cold = await loadRecords(input, { cacheDir, workerThreshold: 0, workers: 2 });
    expect(cold.parsed).toBe(files.length);
    const fingerprint = parserFingerprint();
    for (const record of cold.records) expect(sourceKeyOf(record), record.file).toBe(cacheKey(fingerprint, record.file, await readFile(record.file)));
    // Found again by hashing each file (no stat index) and by the stat index alone.
    await rm(join(cacheDir, "parse-stat-index.json"));
    const hashed = await loadRecords(input, { cacheDir, workerThreshold: 0, workers: 2 });
    const byStats = await loadRecords(input, { cacheDir, workerThreshold: 0, workers: 2 });
    for (const warm of [hashed, byStats]) {
      expect(warm.cached).toBe(files.length);
      expect(warm.records.map((r) => JSON.stringify(r))).toEqual(cold.records.map((r) => JSON.stringify(r)));
    }
  });

  it("should give the same records when parsing in worker threads", async () => {
    const input = join(dir, "articles");
    const inline = await loadArchive(input, { cacheDir: null, workerThreshold: 1_000_000 });
    const threaded = await loadArchive(input, { cacheDir: null, workerThreshold: 0, workers: 2 });
    expect(threaded.articles).toEqual(inline.articles);
  });
});
