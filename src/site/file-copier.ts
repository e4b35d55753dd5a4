/**
 * Copies files in a background thread, so that the page cache's copies (tens of thousands of small files) run on the
 * second core while the main thread writes `article.json` files or Eleventy renders.
 */
import { Worker } from "node:worker_threads";

/** A copy to make: source file, destination file. */
export type CopyJob = readonly [from: string, to: string];

/**
 * The worker's code, as plain JavaScript: a worker started from a `.ts` file would need the TypeScript loader again.
 * Each message is a list of copies; the reply lists the indexes of those that failed because the source was missing.
 * With `atomic`, each copy goes through a temporary file and a rename, so no reader ever sees half a file.
 */
const WORKER = `
const { parentPort } = require("node:worker_threads");
const { constants, copyFileSync, mkdirSync, renameSync, rmSync } = require("node:fs");
const { dirname } = require("node:path");
const made = new Set();
parentPort.on("message", ({ id, jobs, atomic }) => {
  const missing = [];
  let error = null;
  for (let i = 0; i < jobs.length && error === null; i += 1) {
    const [from, to] = jobs[i];
    const dir = dirname(to);
    try {
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      if (atomic) {
        const temporary = to + ".tmp-" + process.pid;
        try {
          copyFileSync(from, temporary);
          renameSync(temporary, to);
        } catch (failure) {
          rmSync(temporary, { force: true });
          throw failure;
        }
      } else {
        copyFileSync(from, to, constants.COPYFILE_FICLONE);
      }
    } catch (failure) {
      if (failure.code === "ENOENT" && !atomic) missing.push(i);
      else error = String(failure.message);
    }
  }
  parentPort.postMessage({ id, missing, error });
});
`;

/** A background thread copying files; `close` ends it. */
export class FileCopier {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (missing: number[]) => void; reject: (error: Error) => void }>();
  #next = 0;

  constructor() {
    this.#worker = new Worker(WORKER, { eval: true });
    // The thread keeps the process alive only while copies are under way: a build that fails halfway still exits.
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
   * Copies files, creating the destination folders. Resolves with the indexes of the jobs whose source did not exist.
   * @param jobs source and destination of each copy
   * @param options atomic: write through a temporary file and a rename, and fail on a missing source (default false)
   */
  copy(jobs: readonly CopyJob[], options: { readonly atomic?: boolean } = {}): Promise<number[]> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      if (this.#waiting.size === 0) this.#worker.ref();
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, jobs, atomic: options.atomic ?? false });
    });
  }

  /** Ends the thread. */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
