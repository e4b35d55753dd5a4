/**
 * The body half of the parse cache: each record's `{ body, html }` as JSON, in 256 append-only shard files
 * (`<dir>/<2 hex>.jsonl`, one `<key>\t<json>` line per value), read one value at a time.
 *
 * A warm build needs almost no bodies (its pages come from the page cache), so nothing is read until a body is asked
 * for. Then its shard is scanned once for where each line starts and ends (the text is not kept), and each body is
 * read from the file at its place and parsed on every access: a body asked for three times in a build (page,
 * `article.json`, feed) is parsed three times, and never held by the store.
 *
 * A line that is not where the scan found it, or not found, is looked for again once if the shard file changed since
 * (another build rewrote it); a body that cannot be found is `undefined`, and the caller parses the article again.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileStamp } from "../fingerprint.ts";
import { readBytesAt } from "./read-at.ts";

const KEY = /^[0-9a-f]{64}$/u;
const NEWLINE = 0x0a;
const TAB = 0x09;

/** Bytes buffered per shard before they are appended (as the head store: see pack-store.ts). */
const FLUSH_BYTES = 64 << 10;

/** What the store has read, for tests and benchmarks: shards scanned and bodies read since the process started. */
export const bodyReads = { shards: 0, bodies: 0 };

/** Where each key's last line lies in a shard file (byte offset and length, without the newline), and the file's stamp. */
interface ShardIndex {
  readonly places: Map<string, readonly [offset: number, length: number]>;
  /** The file's stamp when it was scanned (null: it could not be read). */
  readonly stamp: string | null;
}

interface Pending {
  lines: string[];
  bytes: number;
}

/** The body store of one folder. */
export class BodyStore {
  readonly #dir: string;
  readonly #indexes = new Map<string, ShardIndex>();
  readonly #pending = new Map<string, Pending>();

  /** @param dir the folder of the shard files (created when the first value is written) */
  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The JSON stored for a key, or undefined when it is not stored or cannot be read. */
  getJson(key: string): string | undefined {
    return this.getBytes(key)?.toString("utf8");
  }

  /** The JSON stored for a key as UTF-8 bytes, or undefined when it is not stored or cannot be read. */
  getBytes(key: string): Buffer | undefined {
    const name = key.slice(0, 2);
    const file = this.#file(name);
    if (this.#pending.has(name)) this.#append(name);
    let index = this.#indexes.get(name);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (index === undefined) {
        index = scan(file);
        this.#indexes.set(name, index);
      }
      const place = index.places.get(key);
      const line = place === undefined ? null : readBytesAt(file, place[0], place[1]);
      if (line !== null && line.length > 65 && line[64] === TAB && line.toString("latin1", 0, 64) === key) {
        bodyReads.bodies += 1;
        return line.subarray(65);
      }
      // Not where the index says, or not in it: scanned again only if the file changed since (another build rewrote it).
      if (fileStamp(file) === index.stamp) break;
      index = undefined;
    }
    return undefined;
  }

  /** Stores a value already serialised as JSON (written by the next `flush`, or sooner when many lines wait). */
  setJson(key: string, json: string): void {
    if (!KEY.test(key) || json.includes("\n")) return;
    const name = key.slice(0, 2);
    const pending = this.#pending.get(name) ?? { lines: [], bytes: 0 };
    this.#pending.set(name, pending);
    pending.lines.push(`${key}\t${json}\n`);
    pending.bytes += json.length + 66;
    if (pending.bytes >= FLUSH_BYTES) this.#append(name);
  }

  /** Appends every buffered line. */
  flush(): void {
    for (const name of [...this.#pending.keys()]) this.#append(name);
  }

  /**
   * Rewrites a shard with the last line of each key still used (the head store decides when: see `ParseCache`).
   * @param name the shard's two hex digits
   * @param used the keys to keep
   */
  compact(name: string, used: ReadonlySet<string>): void {
    if (this.#pending.has(name)) this.#append(name);
    const file = this.#file(name);
    let text: Buffer;
    try {
      text = readFileSync(file);
    } catch {
      return;
    }
    const kept = new Map<string, Buffer>();
    for (const [key, [offset, length]] of lines(text)) if (used.has(key)) kept.set(key, text.subarray(offset, offset + length + 1));
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([...kept.values()]));
    renameSync(temporary, file);
    this.#indexes.delete(name);
  }

  #file(name: string): string {
    return join(this.#dir, `${name}.jsonl`);
  }

  #append(name: string): void {
    const pending = this.#pending.get(name);
    this.#pending.delete(name);
    if (pending === undefined || pending.lines.length === 0) return;
    mkdirSync(this.#dir, { recursive: true });
    appendFileSync(this.#file(name), pending.lines.join(""));
    // The lines just written are not in an index made before: scanned again when next asked for.
    this.#indexes.delete(name);
  }
}

/** The place of each key's last complete line in a shard file (none when the file cannot be read). */
function scan(file: string): ShardIndex {
  // Stamped before reading: a change after that is seen as one.
  const before = fileStamp(file);
  let text: Buffer;
  try {
    text = readFileSync(file);
  } catch {
    return { places: new Map(), stamp: before };
  }
  bodyReads.shards += 1;
  return { places: lines(text), stamp: before };
}

/** Each complete `<key>\t...` line of a shard's bytes, the last line of a key winning. */
function lines(text: Buffer): Map<string, readonly [offset: number, length: number]> {
  const index = new Map<string, readonly [offset: number, length: number]>();
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf(NEWLINE, start);
    // A line without its newline was cut short (a crash halfway through an append): a miss.
    if (end === -1) break;
    if (end - start > 65 && text[start + 64] === TAB) index.set(text.toString("latin1", start, start + 64), [start, end - start]);
    start = end + 1;
  }
  return index;
}
