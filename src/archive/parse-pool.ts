/**
 * Parses the files missing from the cache: in the main thread when they are few, in worker threads when many. Where
 * asked, each file's topic extraction runs right after it is parsed (in the worker), so the main thread never needs a
 * new record's text again; with a cache, the workers then store the bodies themselves, so the main thread never holds
 * them either.
 */
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
/**
 * The JavaScript packages the parser and the topics import, loaded by each worker before the tsx loader is registered
 * (the same list bin/news-archive.js loads first in the main thread): then Node loads them itself, instead of resolving
 * and reading each of their modules through the loader's thread (starting two workers: about a CPU-second less). A
 * package missing from the list is only loaded the slower way. Not the unified family: the parser loads it on first
 * use (src/parse/render.ts), which a plain-text archive never has.
 */
import PRELOAD from "../preload.json" with { type: "json" };
import type { ArticleRecord } from "../parse/schema.ts";
import { COMPILED_ROOT, entryPoint } from "../runtime.ts";
import { extractRecord, gazetteer, sourceContentKey, type CachedExtraction, type ExtractionCache } from "../topics/index.ts";
import { cacheKey, type ParseCache } from "./cache.ts";
import { decodeExtraction, type EncodedExtractionCache } from "./extraction-store.ts";
import { ArchiveError, joinRecord, lazyRecord, splitRecord, type BodySource, type RecordBody, type RecordHead } from "./lazy-record.ts";
import { parseChecked } from "./parse-one.ts";

/** One file for a worker to parse. */
export interface ParseJob {
  readonly path: string;
  /** Its parse cache key; absent, it is computed from the bytes where the file is read (see `fingerprint`). */
  readonly key?: string;
  /** The bytes already read by the main thread; needed when parsing in the main thread (see `inWorkers`). */
  readonly bytes?: Uint8Array;
}

/**
 * What the main thread sends a worker: files to parse, and whether to extract their topics too, as the extraction's
 * own JSON ("plain") or as the extraction store keeps it ("encoded": the JSON of `encodeExtraction`).
 */
export interface ParseBatch {
  readonly jobs: readonly Omit<ParseJob, "bytes">[];
  readonly extract: "plain" | "encoded" | null;
}

/**
 * A worker's answer to one batch: each record as two JSON texts, head and body (see `splitRecord`), which the main
 * thread both caches as they are and parses (a string crosses threads faster than an object, and a cold record is
 * then exactly what a warm build reads); no bodies when the worker stored them (see `ParseWorkerData`); when asked,
 * the extraction of each record as JSON.
 */
export interface ParseReply {
  /** The parse cache key of each file (as given, or computed by the worker). */
  readonly keys: readonly string[];
  readonly heads: readonly string[];
  readonly bodies: readonly string[] | null;
  readonly extractions: readonly string[] | null;
}

/**
 * What a worker is started with: the body store it writes each body to itself (null: bodies come back in replies), and
 * the parser's fingerprint, for the keys of jobs without one.
 */
export interface ParseWorkerData {
  readonly bodyDir: string | null;
  readonly fingerprint: string;
}

/** A parsed file: its record and its parse cache key. */
export interface ParsedFile {
  readonly record: ArticleRecord;
  readonly key: string;
}

/** The last message to a worker that stores bodies: it writes what it buffered, and answers the same. */
export const DONE = "done";

/** Options of `parseMany`. */
export interface ParseManyOptions {
  /** Worker threads to use when there are many files (default 2, the machine's two cores). */
  readonly workers?: number;
  /** Below this many files, parse in the main thread: starting workers costs more (default 400). */
  readonly threshold?: number;
  /** The parser's fingerprint, needed for the key of a job without one (see `cacheKey`; default ""). */
  readonly fingerprint?: string;
  /** Where each new record is cached (default none). */
  readonly cache?: ParseCache | null;
  /**
   * Where each new record's topic extraction is put, under the key `assignTopics` looks it up by when given the
   * record's parse key as its source key (`sourceContentKey(key)`). Default none: nothing is extracted.
   */
  readonly extractions?: ExtractionCache | EncodedExtractionCache | null;
  /**
   * Where the body of a cached record can be read again (default none). With a cache, each new record is then
   * returned lazy (see `lazyRecord`): its body is not held, nor parsed again in the main thread.
   */
  readonly bodies?: BodySource | null;
}

const BATCH = 64;

/** Cold files from which parsing goes to worker threads, by default. */
const THRESHOLD = 400;

/**
 * Whether `parseMany` parses this many files in worker threads (which read the files themselves: the main thread
 * need not keep their bytes) rather than in the main thread.
 * @param count the number of files
 * @param options worker count and threshold, as given to `parseMany`
 */
export function inWorkers(count: number, options: Pick<ParseManyOptions, "workers" | "threshold"> = {}): boolean {
  return count >= (options.threshold ?? THRESHOLD) && (options.workers ?? 2) >= 1;
}

/** Batches a worker is given ahead, so that it parses the next while the main thread stores the last. */
const AHEAD = 2;

/**
 * Parses files and puts each record in the cache (and its extraction in the extraction cache, when given); returns
 * the records with their keys, in the order of `jobs`.
 * @param jobs files to parse, with their cache keys (or none: computed from the bytes read)
 * @param options worker count, threshold, fingerprint, caches and body source
 */
export async function parseMany(jobs: readonly ParseJob[], options: ParseManyOptions = {}): Promise<ParsedFile[]> {
  const workers = options.workers ?? 2;
  const store = storeOf(options);
  const fingerprint = options.fingerprint ?? "";
  if (!inWorkers(jobs.length, options)) return parseInline(jobs, store, fingerprint);
  const results: ParsedFile[] = new Array<ParsedFile>(jobs.length);
  const extract = store.extractions === null ? null : takesEncoded(store.extractions) ? "encoded" : "plain";
  const data: ParseWorkerData = { bodyDir: store.bodyDir, fingerprint };
  let next = 0;
  const threads = Array.from({ length: Math.min(workers, Math.ceil(jobs.length / BATCH)) }, () => startWorker(data));
  try {
    const done = Promise.all(threads.map((worker) => new Promise<void>((resolve, reject) => {
      // The first index of each batch sent and not yet answered (a worker answers in order).
      const starts: number[] = [];
      const feed = (): void => {
        while (starts.length < AHEAD && next < jobs.length) {
          starts.push(next);
          const batch = jobs.slice(next, next + BATCH).map(({ path, key }) => (key === undefined ? { path } : { path, key }));
          next += BATCH;
          worker.postMessage({ jobs: batch, extract } satisfies ParseBatch);
        }
        if (starts.length > 0) return;
        // A worker that stores bodies is done once it has written them all.
        if (data.bodyDir === null) resolve();
        else worker.postMessage(DONE);
      };
      worker.on("message", (reply: ParseReply | typeof DONE) => {
        if (reply === DONE) {
          resolve();
          return;
        }
        const start = starts.shift() as number;
        reply.heads.forEach((head, i) => {
          const key = reply.keys[i] as string;
          const extraction = reply.extractions?.[i];
          if (extraction !== undefined) store.keepExtraction(key, extraction, extract === "encoded");
          results[start + i] = { record: store.keep(key, head, reply.bodies?.[i] ?? null), key };
        });
        feed();
      });
      worker.once("error", reject);
      feed();
    })));
    if (extract !== null) warmTopics();
    await done;
  } finally {
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
  return results;
}

/** Where new records go, and the record the caller gets for each. */
interface Store {
  readonly extractions: ExtractionCache | EncodedExtractionCache | null;
  /** Where parse workers store the bodies themselves (with a cache, when records are returned lazy); else null. */
  readonly bodyDir: string | null;
  /** The record of a head and body as JSON; the body null when stored in `bodyDir` already. */
  keep(key: string, head: string, body: string | null): ArticleRecord;
  /** Puts an extraction, as JSON (in the store's encoding when `encoded`), in the extraction cache. */
  keepExtraction(key: string, json: string, encoded: boolean): void;
}

function storeOf(options: ParseManyOptions): Store {
  const cache = options.cache ?? null;
  const extractions = options.extractions ?? null;
  const bodies = cache === null ? null : (options.bodies ?? null);
  return {
    extractions,
    bodyDir: cache !== null && bodies !== null ? cache.bodyDir : null,
    keep(key, head, body) {
      if (body === null) cache?.setHead(key, head);
      else cache?.set(key, head, body);
      // Through JSON, so that a record parsed now is the very value a warm build reads from the cache.
      if (bodies !== null) return lazyRecord(JSON.parse(head) as RecordHead, key, bodies);
      if (body === null) throw new ArchiveError("A parse worker stored a body that no body source can read; this is a bug in the archive layer.");
      return fromJson(head, body);
    },
    keepExtraction(key, json, encoded) {
      if (extractions === null) return;
      const at = sourceContentKey(key);
      if (encoded && takesEncoded(extractions)) extractions.setEncoded(at, json);
      else {
        const value = encoded ? decodeExtraction(JSON.parse(json)) : (JSON.parse(json) as CachedExtraction);
        if (value !== undefined) extractions.set(at, value);
      }
    },
  };
}

function parseInline(jobs: readonly ParseJob[], store: Store, fingerprint: string): ParsedFile[] {
  return jobs.map((job) => {
    const bytes = job.bytes ?? (job.key === undefined ? readFileSync(job.path) : new Uint8Array());
    const key = job.key ?? cacheKey(fingerprint, job.path, bytes);
    const record = parseChecked(job.path, bytes);
    const { head, body } = splitRecord(record);
    if (store.extractions !== null) store.extractions.set(sourceContentKey(key), extractRecord(record));
    return { record: store.keep(key, head, body), key };
  });
}

/**
 * Builds this thread's gazetteer, which the topics' assignment of the extracted records needs once the last reply is
 * in (a few tenths of a second in which the other core would be idle), while the workers start instead (a second or
 * so in which this thread only waits). A failure here is met again, and reported, by the assignment.
 */
function warmTopics(): void {
  try {
    gazetteer();
  } catch {
    // See above.
  }
}

function takesEncoded(cache: ExtractionCache | EncodedExtractionCache): cache is EncodedExtractionCache {
  return typeof (cache as Partial<EncodedExtractionCache>).setEncoded === "function";
}

function fromJson(head: string, body: string): ArticleRecord {
  return joinRecord(JSON.parse(head) as RecordHead, JSON.parse(body) as RecordBody);
}


/**
 * The young generation of a parse worker, in MB (V8's default here: 48, two semi-spaces of 16). A worker keeps little
 * of what it allocates, but allocates fast: twice the room halves its scavenges (126-134 to 69-76 per worker in a cold
 * 10,000-article build, --trace-gc) for at most 48 MB more per worker, during the load, before the render's peak.
 */
const PARSE_YOUNG_GENERATION_MB = 96;

/**
 * Workers do not inherit the tsx loader: run from the sources, each one registers it before importing the TypeScript
 * worker module; compiled (see src/runtime.ts), each imports the compiled worker module as it is.
 */
function startWorker(data: ParseWorkerData): Worker {
  const module = entryPoint(new URL("./parse-worker.ts", import.meta.url).href);
  const preload = PRELOAD.flatMap((name) => {
    try {
      return [import.meta.resolve(name)];
    } catch {
      return [];
    }
  });
  // A package that fails to load here fails again, with its real error, when the worker module imports it.
  const start = COMPILED_ROOT === null
    ? `import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}).then((api) => { api.register(); return import(${JSON.stringify(module)}); })`
    : `import(${JSON.stringify(module)})`;
  const boot = `Promise.all(${JSON.stringify(preload)}.map((url) => import(url).catch(() => undefined))).then(() => ${start});`;
  return new Worker(boot, { eval: true, workerData: data, resourceLimits: { maxYoungGenerationSizeMb: PARSE_YOUNG_GENERATION_MB } });
}
