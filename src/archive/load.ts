/**
 * Reads an articles folder into records: from the parse cache where the file is unchanged, parsed otherwise. A record
 * from the cache reads its body from the cache only when asked for (see lazy-record.ts); every record carries its
 * parse cache key (SOURCE_KEY).
 */
import { readFileSync, type Stats } from "node:fs";
import type { ArticleRecord } from "../parse/schema.ts";
import type { ExtractionCache } from "../topics/index.ts";
import type { EncodedExtractionCache } from "./extraction-store.ts";
import { cacheKey, parseCache, parserFingerprint, type ParseCache } from "./cache.ts";
import { listArticleFiles } from "./files.ts";
import { ArchiveError, lazyRecord, withSourceKey, type BodySource, type RecordBody } from "./lazy-record.ts";
import { parseChecked } from "./parse-one.ts";
import { StatIndex } from "./stat-index.ts";
import { inWorkers, parseMany, type ParseJob } from "./parse-pool.ts";

/** Options of `loadRecords`. */
export interface LoadOptions {
  /** Cache folder (`.cache/` of the project); null disables the cache. Default null. */
  readonly cacheDir?: string | null;
  /** Worker threads for cold files (default 2). */
  readonly workers?: number;
  /** Cold files below which parsing stays in the main thread (default 400). */
  readonly workerThreshold?: number;
  /**
   * Where the topic extraction of each parsed file is put (by the parse workers, right after parsing it), under the
   * key `assignTopics` looks it up by with `sourceKeyOf` as its source key. Default none: nothing is extracted, and
   * parsed records are full. When given with a cache folder, parsed records are lazy, as cached ones: the topics
   * need nothing of their bodies any more.
   */
  readonly extractions?: ExtractionCache | EncodedExtractionCache | null;
}

/** What loading found: records in file order, how many came from the cache, and where bodies are read. */
export interface LoadedRecords {
  readonly records: readonly ArticleRecord[];
  readonly cached: number;
  readonly parsed: number;
  /** Where a record's body is read by its source key, once loading is over (null without a cache). */
  readonly bodies: BodySource | null;
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
  const source = cache === null ? null : bodySource(cache, fingerprint);
  const hit = (key: string, path: string): ArticleRecord | undefined => {
    const head = cache?.head(key);
    return head === undefined || head.file !== path || source === null ? undefined : lazyRecord(head, key, source);
  };
  const records = new Array<ArticleRecord | null>(files.length).fill(null);
  const cold: { index: number; job: { -readonly [K in keyof ParseJob]: ParseJob[K] }; stats?: Stats | undefined }[] = [];
  const parallel = {
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.workerThreshold === undefined ? {} : { threshold: options.workerThreshold }),
  };
  const index = cacheDir === null ? null : new StatIndex(cacheDir, fingerprint);
  // Every file cold (no cache, or one that holds no record) and parsed in worker threads: each worker reads and hashes
  // its files itself, and the main thread only notes their stats (10,000 files: about a CPU-second less here).
  const allCold = (cache === null || cache.isEmpty()) && inWorkers(files.length, parallel);
  // Synchronous reads: small files from the page cache come faster one after the other than through the thread
  // pool's four threads (four round trips each), above all on a loaded machine.
  files.forEach((path, at) => {
    if (allCold) {
      cold.push({ index: at, job: { path }, stats: index?.knownKey(path).stats });
      return;
    }
    // A file whose stat is unchanged since the last build keeps its key unread; any other is read and hashed.
    const known = index?.knownKey(path);
    if (known?.key !== undefined) {
      const record = hit(known.key, path);
      if (record !== undefined) {
        records[at] = record;
        index?.remember(path, known.stats, known.key);
        return;
      }
    }
    const bytes = readFileSync(path);
    const key = cacheKey(fingerprint, path, bytes);
    index?.remember(path, known?.stats, key);
    const record = hit(key, path);
    if (record !== undefined) {
      records[at] = record;
      return;
    }
    cold.push({ index: at, job: { path, key, bytes } });
    // Worker threads read their files themselves: the bytes are not held (50,000 files: some 225 MB) until parsed.
    if (inWorkers(cold.length, parallel)) for (let i = cold.length - 1; i >= 0 && cold[i]!.job.bytes !== undefined; i -= 1) delete cold[i]!.job.bytes;
  });
  const extractions = options.extractions ?? null;
  const parseOptions = {
    cache,
    extractions,
    bodies: extractions === null ? null : source,
    fingerprint,
    ...parallel,
  };
  const parsed = await parseMany(cold.map((entry) => entry.job), parseOptions);
  cold.forEach((entry, i) => {
    const file = parsed[i];
    if (file === undefined) return;
    records[entry.index] = withSourceKey(file.record, file.key);
    if (entry.job.key === undefined) index?.remember(entry.job.path, entry.stats, file.key);
  });
  cache?.flush();
  index?.write();
  return { records: records.filter((record): record is ArticleRecord => record !== null), cached: files.length - cold.length, parsed: cold.length, bodies: source };
}

/**
 * Reads bodies from the cache; a body the cache no longer holds (its file damaged or removed since the head was read)
 * is parsed again from the article file, which must still be what the build read. The last body read is kept, for
 * the next access to the same record (serialising a record asks for its `body`, then for its `html`). A page asks for
 * the `html` alone, which is read without the body's blocks.
 */
function bodySource(cache: ParseCache, fingerprint: string): BodySource {
  let last: { readonly key: string; readonly body: RecordBody } | undefined;
  const read = (key: string, file: string): RecordBody => {
    if (last?.key === key) return last.body;
    const stored = cache.body(key);
    if (stored !== undefined) {
      last = { key, body: stored };
      return stored;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new ArchiveError(`The body of ${file} is missing from the parse cache, and the file could not be read again (${error instanceof Error ? error.message : String(error)}). Was it removed during the build? Build again.`, { cause: error });
    }
    if (cacheKey(fingerprint, file, bytes) !== key) {
      throw new ArchiveError(`The body of ${file} is missing from the parse cache, and the file has changed since the build read it. Build again.`);
    }
    const { body, html } = parseChecked(file, bytes);
    return { body, html };
  };
  return {
    read,
    readHtml: (key, file) => (last?.key === key ? last.body.html : (cache.html(key) ?? read(key, file).html)),
    readJson: (key) => cache.bodyJson(key),
  };
}
