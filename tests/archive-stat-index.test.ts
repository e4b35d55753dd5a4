/** The stat index: an unchanged file keeps its key unread; the index is written again only when it changed. */
import { readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { StatIndex } from "../src/archive/stat-index.ts";
import { tempDir } from "./helpers/temp.ts";

const KEY_A = "a".repeat(64);
const KEY_B = "b".repeat(64);

/** A folder with an article file last modified an hour ago (outside the racy window). */
function setUp(): { dir: string; file: string; indexFile: string } {
  const dir = tempDir("stat-index-");
  const file = join(dir, "article.txt");
  writeFileSync(file, "text");
  const hourAgo = new Date(Date.now() - 3_600_000);
  utimesSync(file, hourAgo, hourAgo);
  return { dir, file, indexFile: join(dir, "parse-stat-index.json") };
}

/** Marks the index file (an extra field, which reading ignores): a written index loses the mark. */
function mark(indexFile: string): void {
  writeFileSync(indexFile, JSON.stringify({ ...(JSON.parse(readFileSync(indexFile, "utf8")) as object), marked: true }));
}

function isMarked(indexFile: string): boolean {
  return (JSON.parse(readFileSync(indexFile, "utf8")) as { marked?: boolean }).marked === true;
}

/** One build's use of the index: the key it knows, and the key remembered (the known one, or `key`). */
function build(dir: string, file: string, key: string, fingerprint = "p1"): string | undefined {
  const index = new StatIndex(dir, fingerprint);
  const known = index.knownKey(file);
  index.remember(file, known.stats, known.key ?? key);
  index.write();
  return known.key;
}

describe("StatIndex", () => {
  it("should give an unchanged file's key from the index, and none once the file changed", () => {
    const { dir, file } = setUp();
    expect(build(dir, file, KEY_A)).toBeUndefined();
    expect(build(dir, file, KEY_B)).toBe(KEY_A);
    writeFileSync(file, "other text");
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(file, hourAgo, new Date(Date.now() - 1_800_000));
    expect(build(dir, file, KEY_B)).toBeUndefined();
    expect(build(dir, file, KEY_A)).toBe(KEY_B);
    expect(build(dir, file, KEY_A, "another parser")).toBeUndefined();
  });

  it("should not write the index again when nothing changed, and write it when a file changed or went", () => {
    const { dir, file, indexFile } = setUp();
    build(dir, file, KEY_A);
    mark(indexFile);
    expect(build(dir, file, KEY_B)).toBe(KEY_A);
    expect(isMarked(indexFile)).toBe(true);
    const halfHourAgo = new Date(Date.now() - 1_800_000);
    utimesSync(file, halfHourAgo, halfHourAgo);
    expect(build(dir, file, KEY_B)).toBeUndefined();
    expect(isMarked(indexFile)).toBe(false);
    mark(indexFile);
    const other = join(dir, "other.txt");
    writeFileSync(other, "x");
    utimesSync(other, halfHourAgo, halfHourAgo);
    const index = new StatIndex(dir, "p1");
    index.remember(other, index.knownKey(other).stats, KEY_A);
    index.write();
    expect(isMarked(indexFile)).toBe(false);
    // The index now holds only other.txt: article.txt, gone from this build, is unknown again.
    expect(build(dir, file, KEY_B)).toBeUndefined();
  });

  it("should write the index again while a file is racy (modified just before the index was written)", () => {
    const { dir, file, indexFile } = setUp();
    const now = new Date();
    utimesSync(file, now, now);
    build(dir, file, KEY_A);
    mark(indexFile);
    // Too recent to trust: read and hashed again, and the index written again so that a later build may trust it.
    expect(build(dir, file, KEY_A)).toBeUndefined();
    expect(isMarked(indexFile)).toBe(false);
  });
});
