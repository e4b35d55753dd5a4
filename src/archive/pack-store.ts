/**
 * A cache of JSON values keyed by hex hashes, kept in 256 append-only shard files (`<dir>/<2 hex>.jsonl`, one
 * `<key>\t<json>` line per value) instead of one file per value: a warm 50,000-article build reads 256 files, not
 * 100,000, and each shard is read once, when its first key is asked for.
 *
 * Safe by construction rather than by locking: a line that cannot be read (a crash halfway through an append, two
 * builds appending at once) is a miss, and the value is computed again. A shard that holds more lines than twice the
 * keys used in this run (the parser changed, articles were removed) is rewritten with only those keys, through a
 * temporary file and a rename.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const KEY = /^[0-9a-f]{64}$/u;

/**
 * Bytes buffered per shard before they are appended to its file. Small: with 256 shards, a larger buffer held most of
 * a cold 50,000-article build's cache (about 0.75 GB of JSON) in memory until the end of the load.
 */
const FLUSH_BYTES = 64 << 10;

/** Read state of one shard file. */
interface Shard {
  /**
   * The values not yet asked for, by key (the last line of a key wins). Parsed when the shard is read: every key of
   * a shard is asked for in the same build, and holding parsed values instead of the shard's text means a large
   * cache never sits in memory twice (text and values).
   */
  readonly unread: Map<string, unknown>;
  /** Lines in the file when it was read. */
  readonly lines: number;
  /** Distinct keys in the file when it was read. */
  readonly keys: number;
  /** Keys asked for or set in this run. */
  readonly used: Set<string>;
  /** Lines waiting to be appended. */
  pending: string[];
  pendingBytes: number;
}

/** A packed cache in one folder; `get` and `set` are synchronous, `flush` writes what `set` buffered. */
export class PackStore {
  readonly #dir: string;
  readonly #keepRead: boolean;
  readonly #partial: boolean;
  readonly #onCompact: ((name: string, used: ReadonlySet<string>) => void) | undefined;
  readonly #shards = new Map<string, Shard>();

  /**
   * @param dir the folder of the shard files (created when the first value is written)
   * @param options keepRead: keep a value after it was read, for keys asked for more than once (the same object is
   *   then returned each time: callers must not change it; default false: large values, read once per run, are
   *   dropped by the store as the build goes); onCompact: called with a shard's name (two hex digits) and the keys
   *   kept when `flush` rewrites it (default none); partial: runs may ask for only some of the values (the topics
   *   of a build that assigns only what changed), so a shard is rewritten only when this run asked for at least
   *   half of the keys it holds, never dropping the values a partial run did not need (default false)
   */
  constructor(dir: string, options: { readonly keepRead?: boolean; readonly partial?: boolean; readonly onCompact?: (name: string, used: ReadonlySet<string>) => void } = {}) {
    this.#dir = dir;
    this.#keepRead = options.keepRead ?? false;
    this.#partial = options.partial ?? false;
    this.#onCompact = options.onCompact;
  }

  /** The value of a key, or undefined when it is not stored or cannot be read. */
  get(key: string): unknown {
    const shard = this.#shard(key);
    shard.used.add(key);
    const value = shard.unread.get(key);
    if (!this.#keepRead) shard.unread.delete(key);
    return value;
  }

  /** Stores a value (written by the next `flush`, or sooner when many lines wait). */
  set(key: string, value: unknown): void {
    this.setJson(key, JSON.stringify(value));
  }

  /** Stores a value already serialised as JSON (as parse workers send it). */
  setJson(key: string, json: string): void {
    if (!KEY.test(key) || json.includes("\n")) return;
    const shard = this.#shard(key);
    shard.used.add(key);
    shard.pending.push(`${key}\t${json}\n`);
    shard.pendingBytes += json.length + 66;
    if (shard.pendingBytes >= FLUSH_BYTES) this.#append(key.slice(0, 2), shard);
  }

  /** Appends every buffered line, and rewrites shards that are mostly stale. */
  flush(): void {
    for (const [name, shard] of this.#shards) {
      if (shard.pending.length > 0) this.#append(name, shard);
      if (shard.lines > 2 * shard.used.size + 16 && !(this.#partial && 2 * shard.used.size < shard.keys)) {
        this.#compact(name, shard);
        this.#onCompact?.(name, shard.used);
      }
    }
  }

  #shard(key: string): Shard {
    const name = key.slice(0, 2);
    let shard = this.#shards.get(name);
    if (shard === undefined) {
      shard = { ...readShard(this.#file(name)), used: new Set(), pending: [], pendingBytes: 0 };
      this.#shards.set(name, shard);
    }
    return shard;
  }

  #file(name: string): string {
    return join(this.#dir, `${name}.jsonl`);
  }

  #append(name: string, shard: Shard): void {
    mkdirSync(this.#dir, { recursive: true });
    appendFileSync(this.#file(name), shard.pending.join(""));
    shard.pending = [];
    shard.pendingBytes = 0;
  }

  /** Keeps the last line of each key used in this run. */
  #compact(name: string, shard: Shard): void {
    const file = this.#file(name);
    const kept = new Map<string, string>();
    for (const line of readLines(file)) {
      const key = line.slice(0, 64);
      if (shard.used.has(key) && line.charAt(64) === "\t") kept.set(key, line);
    }
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, [...kept.values()].map((line) => `${line}\n`).join(""));
    renameSync(temporary, file);
  }
}

function readShard(file: string): { unread: Map<string, unknown>; lines: number; keys: number } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { unread: new Map(), lines: 0, keys: 0 };
  }
  // The bytes are scanned for lines, and each value decoded on its own: decoding the whole shard first, splitting it
  // into lines and slicing each took twice as long (one non-ASCII character makes the whole text two-byte).
  const last = new Map<string, number>();
  let lines = 0;
  for (let at = 0; at < bytes.length; ) {
    const end = lineEnd(bytes, at);
    if (end > at) {
      lines += 1;
      if (end - at > 64 && bytes[at + 64] === TAB) last.set(bytes.toString("latin1", at, at + 64), at);
    }
    at = end + 1;
  }
  const unread = new Map<string, unknown>();
  for (const [key, at] of last) {
    try {
      unread.set(key, JSON.parse(bytes.toString("utf8", at + 65, lineEnd(bytes, at))) as unknown);
    } catch {
      // A line cut short (a crash halfway through an append): a miss, computed again.
    }
  }
  return { unread, lines, keys: last.size };
}

const TAB = 0x09;
const NEWLINE = 0x0a;

/** Where the line starting at a position ends: its newline, or the end of the bytes. */
function lineEnd(bytes: Buffer, at: number): number {
  const end = bytes.indexOf(NEWLINE, at);
  return end === -1 ? bytes.length : end;
}

function readLines(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text.split("\n").filter((line) => line !== "");
}
