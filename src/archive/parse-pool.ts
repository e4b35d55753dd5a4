/** Parses the files missing from the cache: in the main thread when they are few, in worker threads when many. */
import { Worker } from "node:worker_threads";
import type { ArticleRecord } from "../parse/schema.ts";
import { writeCached } from "./cache.ts";
import { parseChecked } from "./parse-one.ts";

/** One file for a worker to parse. */
export interface ParseJob {
  readonly path: string;
  readonly key: string;
  readonly cacheDir: string | null;
  /** The bytes already read by the main thread, when parsing in the main thread. */
  readonly bytes?: Uint8Array;
}

/** A worker's answer to one batch. */
export interface ParseReply {
  readonly records: readonly ArticleRecord[];
}

/** Options of `parseMany`. */
export interface ParseManyOptions {
  /** Worker threads to use when there are many files (default 2, the machine's two cores). */
  readonly workers?: number;
  /** Below this many files, parse in the main thread: starting workers costs more (default 400). */
  readonly threshold?: number;
}

const BATCH = 64;

/**
 * Parses files and writes each record to the cache; returns the records in the order of `jobs`.
 * @param jobs files to parse, with their cache keys
 * @param options worker count and threshold
 */
export async function parseMany(jobs: readonly ParseJob[], options: ParseManyOptions = {}): Promise<ArticleRecord[]> {
  const workers = options.workers ?? 2;
  if (jobs.length < (options.threshold ?? 400) || workers < 1) return parseInline(jobs);
  const results: ArticleRecord[] = new Array<ArticleRecord>(jobs.length);
  let next = 0;
  const threads = Array.from({ length: Math.min(workers, Math.ceil(jobs.length / BATCH)) }, () => startWorker());
  try {
    await Promise.all(threads.map((worker) => new Promise<void>((resolve, reject) => {
      let start = 0;
      const feed = (): void => {
        if (next >= jobs.length) {
          resolve();
          return;
        }
        start = next;
        next += BATCH;
        worker.postMessage(jobs.slice(start, next).map(({ path, key, cacheDir }) => ({ path, key, cacheDir })));
      };
      worker.on("message", (reply: ParseReply) => {
        reply.records.forEach((record, i) => (results[start + i] = record));
        feed();
      });
      worker.once("error", reject);
      feed();
    })));
  } finally {
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
  return results;
}

async function parseInline(jobs: readonly ParseJob[]): Promise<ArticleRecord[]> {
  const records: ArticleRecord[] = [];
  for (const job of jobs) {
    const record = parseChecked(job.path, job.bytes ?? new Uint8Array());
    if (job.cacheDir !== null) await writeCached(job.cacheDir, job.key, record);
    records.push(record);
  }
  return records;
}

/**
 * Workers do not inherit the tsx loader, so each one registers it before importing the TypeScript worker module.
 */
function startWorker(): Worker {
  const tsx = import.meta.resolve("tsx/esm/api");
  const module = new URL("./parse-worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(module)}); });`;
  return new Worker(boot, { eval: true });
}
