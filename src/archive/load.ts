/** Reads an articles folder into records: from the parse cache where the file is unchanged, parsed otherwise. */
import { readFile } from "node:fs/promises";
import type { ArticleRecord } from "../parse/schema.ts";
import { cacheKey, parserFingerprint, readCached } from "./cache.ts";
import { listArticleFiles } from "./files.ts";
import { parseMany, type ParseJob } from "./parse-pool.ts";

/** Options of `loadRecords`. */
export interface LoadOptions {
  /** Cache folder (`.cache/` of the project); null disables the cache. Default null. */
  readonly cacheDir?: string | null;
  /** Worker threads for cold files (default 2). */
  readonly workers?: number;
  /** Cold files below which parsing stays in the main thread (default 400). */
  readonly workerThreshold?: number;
}

/** What loading found: records in file order, and how many came from the cache. */
export interface LoadedRecords {
  readonly records: readonly ArticleRecord[];
  readonly cached: number;
  readonly parsed: number;
}

const IO_CONCURRENCY = 64;

/**
 * Loads every article file of a folder.
 * @param dir the articles folder
 * @param options cache folder and parallelism
 */
export async function loadRecords(dir: string, options: LoadOptions = {}): Promise<LoadedRecords> {
  const cacheDir = options.cacheDir ?? null;
  const files = await listArticleFiles(dir);
  const fingerprint = await parserFingerprint();
  const records = new Array<ArticleRecord | null>(files.length).fill(null);
  const cold: { index: number; job: ParseJob }[] = [];
  await forEachLimited(files, IO_CONCURRENCY, async (path, index) => {
    const bytes = await readFile(path);
    const key = cacheKey(fingerprint, path, bytes);
    const hit = cacheDir === null ? null : await readCached(cacheDir, key);
    if (hit !== null && hit.file === path) records[index] = hit;
    else cold.push({ index, job: { path, key, cacheDir, bytes } });
  });
  cold.sort((a, b) => a.index - b.index);
  const parseOptions = {
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.workerThreshold === undefined ? {} : { threshold: options.workerThreshold }),
  };
  const parsed = await parseMany(cold.map((entry) => entry.job), parseOptions);
  cold.forEach((entry, i) => (records[entry.index] = parsed[i] ?? null));
  return { records: records.filter((record): record is ArticleRecord => record !== null), cached: files.length - cold.length, parsed: cold.length };
}

async function forEachLimited<T>(items: readonly T[], limit: number, run: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      await run(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
