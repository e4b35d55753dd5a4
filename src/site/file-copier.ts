/**
 * Copies, links and writes files in background threads, so that the page cache's file work (tens of thousands of
 * small files) runs on the second core while the main thread makes keys, writes JSON or renders with Eleventy.
 */
import { Worker } from "node:worker_threads";


/** A text to write: to a file as it is (or null), and to a cache entry through a temporary file (or null). */
export type WriteJob = readonly [text: string, file: string | null, entry: string | null];

/** A file already written, to store as a cache entry: the file, the entry. */
export type StoreJob = readonly [file: string, entry: string];

/**
 * The worker's code, as plain JavaScript: a worker started from a `.ts` file would need the TypeScript loader again.
 * `copy` takes its sources and destinations in one text (one after the other, joined by NUL, which no path holds: one
 * string is cheaper to pass to the thread than a list of pairs), and lists the indexes of the copies whose source was
 * missing; `write` takes the texts already encoded, in one buffer handed over to the thread (transferred, not copied),
 * with the file, entry, offset and length of each one after the other, writes each file, and makes each cache entry
 * so that no reader ever sees half an entry (see `store`); it fails only when the file itself cannot be written;
 * `store` makes an entry of a file already written, and never fails. With `link`, a copy is a hard link and an entry is
 * a hard link to the file written, made at once (a link appears whole), each falling back to a real copy where linking
 * fails (another file system, one that has no links, too many links to one file); after a failure other than too many
 * links, the thread stops trying. A copy or a write is made under a temporary name, then renamed.
 */
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const { constants, copyFileSync, linkSync, mkdirSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { dirname } = require("node:path");
let linking = workerData.link === true;
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
// Links "to" to "from", or copies "from" where that fails; a missing "from" throws ENOENT either way.
const linkOrCopy = (from, to) => {
  if (linking) {
    try {
      linkSync(from, to);
      return;
    } catch (failure) {
      if (failure.code === "ENOENT") throw failure;
      if (failure.code === "EEXIST") {
        // Never copy onto the existing file: it may itself be a link, and the copy would write through it.
        rmSync(to, { force: true });
        return linkOrCopy(from, to);
      }
      if (failure.code !== "EMLINK") linking = false;
    }
  }
  copyFileSync(from, to, constants.COPYFILE_FICLONE);
};
// Makes an entry of a written file: a link straight under the entry's name where it can (no temporary name needed),
// else through a temporary file (an entry already there is replaced, a copy is not seen half made).
const storeFile = (file, entry) => {
  if (linking) {
    folder(entry);
    try {
      linkSync(file, entry);
      return;
    } catch (failure) {
      if (failure.code === "ENOENT") throw failure;
    }
  }
  atomically(entry, (temporary) => linkOrCopy(file, temporary));
};
const write = ({ bytes, places }) => {
  const all = new Uint8Array(bytes);
  for (let i = 0; i < places.length; i += 4) {
    const [file, entry, offset, length] = places.slice(i, i + 4);
    const text = all.subarray(offset, offset + length);
    if (file !== null) {
      folder(file);
      writeFileSync(file, text);
    }
    if (entry === null) continue;
    try {
      if (linking && file !== null) storeFile(file, entry);
      else atomically(entry, (temporary) => writeFileSync(temporary, text));
    } catch {
      // A cache entry that cannot be written (disk full, a read-only cache) is only made again next time.
    }
  }
};
const store = (jobs) => {
  for (const [file, entry] of jobs) {
    try {
      storeFile(file, entry);
    } catch {
      // As above; a file that is missing is not stored.
    }
  }
};
const copy = (posted) => {
  const jobs = posted === "" ? [] : posted.split("\\0");
  const missing = [];
  for (let i = 0; i < jobs.length; i += 2) {
    const to = jobs[i + 1];
    try {
      folder(to);
      linkOrCopy(jobs[i], to);
    } catch (failure) {
      if (failure.code !== "ENOENT") throw failure;
      missing.push(i / 2);
    }
  }
  return missing;
};
parentPort.on("message", ({ id, kind, jobs }) => {
  let missing = [];
  let error = null;
  try {
    if (kind === "copy") missing = copy(jobs);
    else if (kind === "write") write(jobs);
    else store(jobs);
  } catch (failure) {
    error = String(failure.message);
  }
  parentPort.postMessage({ id, missing, error });
});
`;

/** Texts to write, encoded in one buffer: file, entry, byte offset and byte length of each, one after the other. */
interface EncodedWrites {
  readonly bytes: ArrayBuffer;
  readonly places: readonly (string | number | null)[];
}

/** Threads copying: with the main thread idle once the keys are made, a second one halves the wait for the links. */
const COPY_THREADS = 2;

/** Background threads copying (or linking) and writing files; `close` ends them. */
export class FileCopier {
  readonly #threads: CopyThread[];
  /** The thread the next copy goes to (copies take turns; writes and stores all go to the first). */
  #turn = 0;

  /**
   * @param options.link hard-link instead of copying, and store written files as cache entries by hard link (default
   *   false; see `linkPages` in build.ts for when that is safe)
   */
  constructor(options: { readonly link?: boolean } = {}) {
    this.#threads = Array.from({ length: COPY_THREADS }, () => new CopyThread(options.link === true));
  }

  /**
   * Copies files, creating the destination folders; resolves with the indexes of the jobs whose source is missing.
   * @param pairs source and destination of each copy, one after the other
   */
  copy(pairs: readonly string[]): Promise<number[]> {
    if (pairs.length === 0) return Promise.resolve([]);
    const thread = this.#threads[this.#turn] as CopyThread;
    this.#turn = (this.#turn + 1) % this.#threads.length;
    return thread.post("copy", pairs.join("\0"));
  }

  /**
   * Writes texts to files and cache entries, creating the folders.
   * @param jobs text, file and entry of each write
   */
  async write(jobs: readonly WriteJob[]): Promise<void> {
    // Encoded here into one buffer that the thread takes over: the texts themselves would be copied into the thread,
    // and encoded there again to be written.
    const lengths = jobs.map(([text]) => Buffer.byteLength(text));
    const bytes = Buffer.allocUnsafeSlow(lengths.reduce((sum, length) => sum + length, 0));
    const places: (string | number | null)[] = [];
    let offset = 0;
    jobs.forEach(([text, file, entry], i) => {
      const length = lengths[i] as number;
      bytes.write(text, offset, length);
      places.push(file, entry, offset, length);
      offset += length;
    });
    await (this.#threads[0] as CopyThread).post("write", { bytes: bytes.buffer, places }, [bytes.buffer]);
  }

  /**
   * Stores files already written as cache entries (a hard link with `link`, else a copy); never fails.
   * @param jobs file and entry of each store
   */
  async store(jobs: readonly StoreJob[]): Promise<void> {
    await (this.#threads[0] as CopyThread).post("store", jobs);
  }

  /** Ends the threads. */
  async close(): Promise<void> {
    await Promise.all(this.#threads.map((thread) => thread.close()));
  }
}

/** One worker thread running WORKER, and the lists of jobs it has not answered yet. */
class CopyThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (missing: number[]) => void; reject: (error: Error) => void }>();
  #next = 0;

  constructor(link: boolean) {
    this.#worker = new Worker(WORKER, { eval: true, workerData: { link } });
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

  post(kind: "copy" | "write" | "store", jobs: string | EncodedWrites | readonly StoreJob[], transfer: readonly ArrayBuffer[] = []): Promise<number[]> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      if (this.#waiting.size === 0) this.#worker.ref();
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, kind, jobs }, transfer);
    });
  }

  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}
