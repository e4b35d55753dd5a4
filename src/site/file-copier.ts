/**
 * Copies and writes files in a background thread, so that the page cache's file work (tens of thousands of small
 * files) runs on the second core while the main thread makes keys, writes JSON or renders with Eleventy.
 */
import { Worker } from "node:worker_threads";

/** A copy to make: source file, destination file. */
export type CopyJob = readonly [from: string, to: string];

/** A text to write: to a file as it is (or null), and to a cache entry through a temporary file (or null). */
export type WriteJob = readonly [text: string, file: string | null, entry: string | null];

/**
 * The worker's code, as plain JavaScript: a worker started from a `.ts` file would need the TypeScript loader again.
 * `copy` lists the indexes of the copies whose source was missing; `write` writes a cache entry through a temporary
 * file and a rename, so that no reader ever sees half an entry, and fails only when the file itself cannot be written.
 */
const WORKER = `
const { parentPort } = require("node:worker_threads");
const { constants, copyFileSync, mkdirSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { dirname } = require("node:path");
const made = new Set();
const folder = (file) => {
  const dir = dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
};
const atomically = (entry, write) => {
  folder(entry);
  const temporary = entry + ".tmp-" + process.pid;
  try {
    write(temporary);
    renameSync(temporary, entry);
  } catch (failure) {
    rmSync(temporary, { force: true });
    throw failure;
  }
};
parentPort.on("message", ({ id, kind, jobs }) => {
  const missing = [];
  let error = null;
  for (let i = 0; i < jobs.length && error === null; i += 1) {
    try {
      if (kind === "write") {
        const [text, file, entry] = jobs[i];
        if (file !== null) {
          folder(file);
          writeFileSync(file, text);
        }
        if (entry !== null) {
          try {
            atomically(entry, (temporary) => writeFileSync(temporary, text));
          } catch {
            // A cache entry that cannot be written (disk full, a read-only cache) is only made again next time.
          }
        }
      } else {
        const [from, to] = jobs[i];
        folder(to);
        copyFileSync(from, to, constants.COPYFILE_FICLONE);
      }
    } catch (failure) {
      if (failure.code === "ENOENT" && kind === "copy") missing.push(i);
      else error = String(failure.message);
    }
  }
  parentPort.postMessage({ id, missing, error });
});
`;

/** A background thread copying and writing files; `close` ends it. */
export class FileCopier {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (missing: number[]) => void; reject: (error: Error) => void }>();
  #next = 0;

  constructor() {
    this.#worker = new Worker(WORKER, { eval: true });
    // The thread keeps the process alive only while work is under way: a build that fails halfway still exits.
    this.#worker.unref();
    this.#worker.on("message", ({ id, missing, error }: { id: number; missing: number[]; error: string | null }) => {
      const waiting = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (this.#waiting.size === 0) this.#worker.unref();
      if (error === null) waiting?.resolve(missing);
      else waiting?.reject(new Error(error));
    });
    this.#worker.on("error", (error) => {
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
      this.#worker.unref();
    });
  }

  /**
   * Copies files, creating the destination folders; resolves with the indexes of the jobs whose source is missing.
   * @param jobs source and destination of each copy
   */
  copy(jobs: readonly CopyJob[]): Promise<number[]> {
    return this.#post("copy", jobs);
  }

  /**
   * Writes texts to files and cache entries, creating the folders.
   * @param jobs text, file and entry of each write
   */
  async write(jobs: readonly WriteJob[]): Promise<void> {
    await this.#post("write", jobs);
  }

  /** Ends the thread. */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }

  #post(kind: "copy" | "write", jobs: readonly (CopyJob | WriteJob)[]): Promise<number[]> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      if (this.#waiting.size === 0) this.#worker.ref();
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, kind, jobs });
    });
  }
}
