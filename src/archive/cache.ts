/**
 * The on-disk parse cache: one JSON file per parsed record, keyed by a hash of the parser's own source, the
 * file's path and its bytes. An unchanged article is never parsed twice; a changed parser invalidates everything.
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArticleRecord } from "../parse/schema.ts";

/** Bump when the cache's file format changes. */
const FORMAT = "news-archive-parse-cache-1";

/** The cache key of one article file. */
export function cacheKey(fingerprint: string, path: string, bytes: Uint8Array): string {
  return createHash("sha256").update(fingerprint).update("\0").update(path).update("\0").update(bytes).digest("hex");
}

/** Where a key's record lives under the cache folder. */
export function cacheFile(cacheDir: string, key: string): string {
  return join(cacheDir, "parse", key.slice(0, 2), `${key}.json`);
}

/** Reads a cached record, or null when there is none (or it cannot be read: the file is then parsed again). */
export async function readCached(cacheDir: string, key: string): Promise<ArticleRecord | null> {
  try {
    return JSON.parse(await readFile(cacheFile(cacheDir, key), "utf8")) as ArticleRecord;
  } catch {
    return null;
  }
}

/** Writes a record atomically (temporary file, then rename), so a crash never leaves half a record. */
export async function writeCached(cacheDir: string, key: string, record: ArticleRecord): Promise<void> {
  const file = cacheFile(cacheDir, key);
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temporary, JSON.stringify(record));
  await rename(temporary, file);
}

let fingerprintPromise: Promise<string> | undefined;

/** A hash of every source file of the parser (src/parse/), computed once per process. */
export function parserFingerprint(): Promise<string> {
  fingerprintPromise ??= (async () => {
    const parseDir = fileURLToPath(new URL("../parse/", import.meta.url));
    const entries = await readdir(parseDir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    const hash = createHash("sha256").update(FORMAT);
    for (const file of files) hash.update(file.slice(parseDir.length)).update("\0").update(await readFile(file));
    return hash.digest("hex");
  })();
  return fingerprintPromise;
}
