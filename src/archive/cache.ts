/**
 * The on-disk parse cache: parsed records keyed by a hash of the parser's own source, the file's path and its bytes,
 * each in two parts: its head in a packed store (`<cache>/parse-pack/`, see pack-store.ts, read whole by a warm
 * build) and its body in a body store (`<cache>/parse-body/`, see body-store.ts, read only where a body is asked
 * for). An unchanged article is never parsed twice; a changed parser invalidates everything.
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hashFolder } from "../fingerprint.ts";
import { BodyStore } from "./body-store.ts";
import type { RecordBody, RecordHead } from "./lazy-record.ts";
import { PackStore } from "./pack-store.ts";

const HTML_FIELD = Buffer.from(',"html":');
const CLOSING_BRACE = 0x7d;

/** Bump when the cache's file format changes. */
const FORMAT = "news-archive-parse-cache-3";

/** The cache key of one article file. */
export function cacheKey(fingerprint: string, path: string, bytes: Uint8Array): string {
  return createHash("sha256").update(fingerprint).update("\0").update(path).update("\0").update(bytes).digest("hex");
}

/** The parse cache of a cache folder: record heads and bodies, stored under the same keys. */
export class ParseCache {
  /** The folder of the body store, where a parse worker may store the bodies itself (see `setHead`). */
  readonly bodyDir: string;
  readonly #bodies: BodyStore;
  readonly #heads: PackStore;
  readonly #headDir: string;

  /** @param cacheDir the cache folder (`<cacheDir>/parse-pack/` and `<cacheDir>/parse-body/`) */
  constructor(cacheDir: string) {
    this.bodyDir = join(cacheDir, "parse-body");
    const bodies = new BodyStore(this.bodyDir);
    this.#bodies = bodies;
    // A head shard rewritten without its stale lines: the body shard of the same keys follows.
    this.#headDir = join(cacheDir, "parse-pack");
    this.#heads = new PackStore(this.#headDir, { onCompact: (name, used) => bodies.compact(name, used) });
  }

  /** Whether no head is stored at all (no shard file): every file is then cold, whatever its key. */
  isEmpty(): boolean {
    try {
      return !readdirSync(this.#headDir).some((name) => name.endsWith(".jsonl"));
    } catch {
      return true;
    }
  }

  /** The head of a record, or undefined when it is not stored or cannot be read. */
  head(key: string): RecordHead | undefined {
    const head = this.#heads.get(key);
    return typeof head === "object" && head !== null && "file" in head ? (head as RecordHead) : undefined;
  }

  /** The body of a record, or undefined when it is not stored or cannot be read. */
  body(key: string): RecordBody | undefined {
    const json = this.#bodies.getJson(key);
    if (json === undefined) return undefined;
    try {
      const body = JSON.parse(json) as Partial<RecordBody> | null;
      return typeof body?.html === "string" && Array.isArray(body.body) ? (body as RecordBody) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The JSON stored for a record's body (see `splitRecord`) as UTF-8 bytes, unchecked; undefined when it is not stored or cannot be read. */
  bodyJson(key: string): Uint8Array | undefined {
    return this.#bodies.getBytes(key);
  }

  /**
   * The HTML of a record's body, read without parsing its blocks (about half the text of the body, and most of the
   * time to parse it); undefined when it is not stored or cannot be read.
   */
  html(key: string): string | undefined {
    const bytes = this.#bodies.getBytes(key);
    // The body's JSON ends with its `html` string (see `splitRecord`), whose quotes are all escaped: the last `,"html":`
    // is the field's own.
    const at = bytes?.lastIndexOf(HTML_FIELD) ?? -1;
    if (bytes === undefined || at === -1 || bytes[bytes.length - 1] !== CLOSING_BRACE) return undefined;
    try {
      const html: unknown = JSON.parse(bytes.toString("utf8", at + HTML_FIELD.length, bytes.length - 1));
      return typeof html === "string" ? html : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores a record's two parts, as JSON (see `splitRecord`). */
  set(key: string, head: string, body: string): void {
    this.#bodies.setJson(key, body);
    this.#heads.setJson(key, head);
  }

  /**
   * Stores a record's head alone, as JSON: its body was stored under the same key by another `BodyStore` of `bodyDir`
   * (a parse worker's), flushed before this cache's `flush`.
   */
  setHead(key: string, head: string): void {
    this.#heads.setJson(key, head);
  }

  /** Writes what `set` buffered, and rewrites shards that are mostly stale. */
  flush(): void {
    this.#bodies.flush();
    this.#heads.flush();
  }
}

/** The parse cache of a cache folder. */
export function parseCache(cacheDir: string): ParseCache {
  return new ParseCache(cacheDir);
}

let fingerprint: string | undefined;

/** A hash of every source file of the parser (src/parse/), computed once per process. */
export function parserFingerprint(): string {
  fingerprint ??= hashFolder(createHash("sha256").update(FORMAT), fileURLToPath(new URL("../parse/", import.meta.url))).digest("hex");
  return fingerprint;
}
