/**
 * Copies, links and writes files in background threads, so that the page cache's file work (tens of thousands of
 * small files) runs on the second core while the main thread makes keys, writes JSON or renders with Eleventy.
 */
import { Worker } from "node:worker_threads";


/**
 * Texts to write, each encoded into one growing buffer as it is added, so that the text itself is garbage at once: a
 * text kept until a list of them is posted outlives a young-generation collection or two and is moved to the old
 * generation, where tens of thousands of them (the JSON files of a 50,000-article build) piled up as a gigabyte of
 * garbage until the next full collection. Each text goes to a file as it is (or null), and to a cache entry through a
 * temporary file (or null).
 */
export class TextBatch {
  #bytes: Buffer = Buffer.allocUnsafeSlow(0);
  #length = 0;
  #places: (string | number | null)[] = [];

  /** Texts added since the batch was last taken. */
  get size(): number {
    return this.#places.length / 4;
  }

  /**
   * Adds a text.
   * @param text the text, or its bytes (copied)
   * @param file the file it is written to, or null
   * @param entry the cache entry it is stored as, or null
   */
  add(text: string | Uint8Array, file: string | null, entry: string | null): void {
    const length = typeof text === "string" ? Buffer.byteLength(text) : text.byteLength;
    if (this.#length + length > this.#bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(2 * this.#bytes.length, this.#length + length, INITIAL_BATCH_BYTES));
      this.#bytes.copy(grown, 0, 0, this.#length);
      this.#bytes = grown;
    }
    if (typeof text === "string") this.#bytes.write(text, this.#length, length);
    else this.#bytes.set(text, this.#length);
    this.#places.push(file, entry, this.#length, length);
    this.#length += length;
  }

  /** The batch's bytes and places, to hand to the thread; the batch is empty afterwards. */
  take(): EncodedWrites {
    // An unpooled buffer (allocUnsafeSlow) owns its ArrayBuffer, which is never shared.
    const taken = { bytes: this.#bytes.buffer as ArrayBuffer, places: this.#places };
    this.#bytes = Buffer.allocUnsafeSlow(0);
    this.#length = 0;
    this.#places = [];
    return taken;
  }
}

/** A batch's first buffer: a chunk of the page cache's JSON files takes a few megabytes. */
const INITIAL_BATCH_BYTES = 1 << 20;

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
   * @param batch the texts, already encoded, with the file and entry of each (the batch is emptied: its buffer is
   *   handed over to the thread)
   */
  async write(batch: TextBatch): Promise<void> {
    // Transferred, not copied: the thread takes the buffer over.
    const encoded = batch.take();
    await (this.#threads[0] as CopyThread).post("write", encoded, [encoded.bytes]);
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
