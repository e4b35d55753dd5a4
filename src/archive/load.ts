/** Reads an articles folder into records: from the parse cache where the file is unchanged, parsed otherwise. */
import { readFileSync } from "node:fs";
import type { ArticleRecord } from "../parse/schema.ts";
import { cacheKey, parseCache, parserFingerprint } from "./cache.ts";
import { listArticleFiles } from "./files.ts";
import { StatIndex } from "./stat-index.ts";
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

/**
 * Loads every article file of a folder.
 * @param dir the articles folder
 * @param options cache folder and parallelism
 */
export async function loadRecords(dir: string, options: LoadOptions = {}): Promise<LoadedRecords> {
  const cacheDir = options.cacheDir ?? null;
  const files = await listArticleFiles(dir);
  const fingerprint = parserFingerprint();
  const cache = cacheDir === null ? null : parseCache(cacheDir);
  const records = new Array<ArticleRecord | null>(files.length).fill(null);
  const cold: { index: number; job: ParseJob }[] = [];
  // Synchronous reads: small files from the page cache come faster one after the other than through the thread
  // pool's four threads (four round trips each), above all on a loaded machine.
  const index = cacheDir === null ? null : new StatIndex(cacheDir, fingerprint);
  files.forEach((path, at) => {
    // A file whose stat is unchanged since the last build keeps its key unread; any other is read and hashed.
    const known = index?.knownKey(path);
    if (cache !== null && known?.key !== undefined) {
      const hit = cache.get(known.key) as ArticleRecord | undefined;
      if (hit !== undefined && hit.file === path) {
        records[at] = hit;
        index?.remember(path, known.stats, known.key);
        return;
      }
    }
    const bytes = readFileSync(path);
    const key = cacheKey(fingerprint, path, bytes);
    index?.remember(path, known?.stats, key);
    const hit = cache === null ? undefined : (cache.get(key) as ArticleRecord | undefined);
    if (hit !== undefined && hit.file === path) records[at] = hit;
    else cold.push({ index: at, job: { path, key, bytes } });
  });
  const parseOptions = {
    cache,
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.workerThreshold === undefined ? {} : { threshold: options.workerThreshold }),
  };
  const parsed = await parseMany(cold.map((entry) => entry.job), parseOptions);
  cache?.flush();
  index?.write();
  cold.forEach((entry, i) => (records[entry.index] = parsed[i] ?? null));
  return { records: records.filter((record): record is ArticleRecord => record !== null), cached: files.length - cold.length, parsed: cold.length };
}
