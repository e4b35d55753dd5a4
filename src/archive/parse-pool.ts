/** Parses the files missing from the cache: in the main thread when they are few, in worker threads when many. */
import { Worker } from "node:worker_threads";
import type { ArticleRecord } from "../parse/schema.ts";
import type { ParseCache } from "./cache.ts";
import { joinRecord, splitRecord, type RecordBody, type RecordHead } from "./lazy-record.ts";
import { parseChecked } from "./parse-one.ts";

/** One file for a worker to parse. */
export interface ParseJob {
  readonly path: string;
  readonly key: string;
  /** The bytes already read by the main thread, when parsing in the main thread. */
  readonly bytes?: Uint8Array;
}

/**
 * A worker's answer to one batch: each record as two JSON texts, head and body (see `splitRecord`), which the main
 * thread both caches as they are and parses (a string crosses threads faster than an object, and a cold record is
 * then exactly what a warm build reads).
 */
export interface ParseReply {
  readonly heads: readonly string[];
  readonly bodies: readonly string[];
}

/** Options of `parseMany`. */
export interface ParseManyOptions {
  /** Worker threads to use when there are many files (default 2, the machine's two cores). */
  readonly workers?: number;
  /** Below this many files, parse in the main thread: starting workers costs more (default 400). */
  readonly threshold?: number;
  /** Where each new record is cached (default none). */
  readonly cache?: ParseCache | null;
}

const BATCH = 64;

/**
 * Parses files and puts each record in the cache; returns the records in the order of `jobs`.
 * @param jobs files to parse, with their cache keys
 * @param options worker count and threshold
 */
export async function parseMany(jobs: readonly ParseJob[], options: ParseManyOptions = {}): Promise<ArticleRecord[]> {
  const workers = options.workers ?? 2;
  const cache = options.cache ?? null;
  if (jobs.length < (options.threshold ?? 400) || workers < 1) return parseInline(jobs, cache);
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
        worker.postMessage(jobs.slice(start, next).map(({ path, key }) => ({ path, key })));
      };
      worker.on("message", (reply: ParseReply) => {
        reply.heads.forEach((head, i) => {
          const job = jobs[start + i] as ParseJob;
          const body = reply.bodies[i] as string;
          results[start + i] = fromJson(head, body);
          cache?.set(job.key, head, body);
        });
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

function parseInline(jobs: readonly ParseJob[], cache: ParseCache | null): ArticleRecord[] {
  const records: ArticleRecord[] = [];
  for (const job of jobs) {
    // Through JSON, so that a record parsed now is the very value a warm build reads from the cache.
    const { head, body } = splitRecord(parseChecked(job.path, job.bytes ?? new Uint8Array()));
    cache?.set(job.key, head, body);
    records.push(fromJson(head, body));
  }
  return records;
}

function fromJson(head: string, body: string): ArticleRecord {
  return joinRecord(JSON.parse(head) as RecordHead, JSON.parse(body) as RecordBody);
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
