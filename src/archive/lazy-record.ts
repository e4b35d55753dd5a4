/**
 * Records whose body is read when asked for. The parse cache keeps each record in two parts: its head (every field
 * but `body` and `html`, which are null there) and its body (`{ body, html }`). A warm build gets the head, with
 * `body` and `html` as enumerable getters that read the body part on each access: `JSON.stringify`, templates and
 * feeds see an ordinary record, and the record never holds its body.
 */
import { withFields as copyWithFields } from "../fields.ts";
import type { ArticleRecord } from "../parse/schema.ts";

/** A record without its body: `body` and `html` are null, in their places (so the fields keep their order). */
export type RecordHead = Omit<ArticleRecord, "body" | "html"> & { readonly body: null; readonly html: null };

/** The part of a record the head leaves out. */
export type RecordBody = Pick<ArticleRecord, "body" | "html">;

/** Reads the body of a record, by its parse cache key and file. */
export interface BodySource {
  read(key: string, file: string): RecordBody;
  /** The body's `html` alone, where the source can read it for less than the whole body (default: from `read`). */
  readHtml?(key: string, file: string): string;
  /** The body as the UTF-8 bytes of the JSON `splitRecord` stored, `{"body":…,"html":…}`, where the source holds it (else undefined). */
  readJson?(key: string, file: string): Uint8Array | undefined;
}

/** A program error of the archive layer (not a problem in an article), keeping the original error as `cause`. */
export class ArchiveError extends Error {
  override readonly name = "ArchiveError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The parse cache key a record was loaded under (a hash of the parser, the file's path and its bytes: it fixes every
 * field the parser gives). A non-enumerable property: not in the record's JSON, not copied by a spread.
 */
export const SOURCE_KEY: unique symbol = Symbol("news-archive source key");

/** Where a lazy record reads its body (non-enumerable, as SOURCE_KEY). */
const BODY_SOURCE: unique symbol = Symbol("news-archive body source");

interface Marked {
  readonly [SOURCE_KEY]?: string;
  readonly [BODY_SOURCE]?: BodySource;
}

/** The parse cache key of a record loaded by `loadRecords` (also once copied with `withFields`); else undefined. */
export function sourceKeyOf(record: object): string | undefined {
  return (record as Marked)[SOURCE_KEY];
}

/** Marks a record with its parse cache key (see SOURCE_KEY); returns it. */
export function withSourceKey<T extends object>(record: T, key: string): T {
  return Object.defineProperty(record, SOURCE_KEY, { value: key });
}

/** The two JSON texts the parse cache stores for a record: head and body. */
export function splitRecord(record: ArticleRecord): { readonly head: string; readonly body: string } {
  return { head: JSON.stringify({ ...record, body: null, html: null }), body: JSON.stringify({ body: record.body, html: record.html }) };
}

/** A full record from its two parts (the head is completed in place and returned). */
export function joinRecord(head: RecordHead, body: RecordBody): ArticleRecord {
  const record = head as unknown as { body: ArticleRecord["body"]; html: string };
  record.body = body.body;
  record.html = body.html;
  return head as unknown as ArticleRecord;
}

/**
 * A record from its head whose `body` and `html` are read from a source on each access.
 * @param head the head (not changed)
 * @param key the parse cache key (also set as SOURCE_KEY)
 * @param source where the body is read
 */
export function lazyRecord(head: RecordHead, key: string, source: BodySource): ArticleRecord {
  // A new object built field by field, in the head's order. V8 keeps it as a dictionary (as it would the head with
  // getters defined on it); `Object.create` with descriptors gives a fast-mode object but costs ten times as much to
  // build (10,000 records: 0.3 s for this and the topics' copy, against 0.03 s), and load + plan took no less time.
  const record: Record<PropertyKey, unknown> = {};
  for (const name in head) {
    if (name === "body") Object.defineProperty(record, name, { get: lazyBody, enumerable: true, configurable: true });
    else if (name === "html") Object.defineProperty(record, name, { get: lazyHtml, enumerable: true, configurable: true });
    else record[name] = head[name as keyof RecordHead];
  }
  Object.defineProperty(record, BODY_SOURCE, { value: source });
  return withSourceKey(record as unknown as ArticleRecord, key);
}

/**
 * A full record made lazy: its head, with `body` and `html` read from a source on each access (see `lazyRecord`). A
 * record already lazy, or without a source key, is returned as it is.
 * @param record the record, whose body the source must be able to read by its source key
 * @param source where the body is read
 */
export function slimRecord(record: ArticleRecord, source: BodySource): ArticleRecord {
  const key = sourceKeyOf(record);
  if (key === undefined || Object.hasOwn(record, BODY_SOURCE)) return record;
  return lazyRecord({ ...record, body: null, html: null }, key, source);
}

/**
 * A copy of a record with some fields replaced, that keeps a lazy record's getters as getters (see `withFields` in
 * src/fields.ts), its field order and its marks.
 * @param record the record
 * @param fields the fields to replace (each stays where it was in the field order)
 */
export function withFields<T extends object>(record: T, fields: Partial<T>): T {
  return copyWithFields(record, fields, Object.hasOwn(record, BODY_SOURCE));
}

/**
 * The stored JSON of a lazy record's body (the UTF-8 bytes of `{"body":…,"html":…}`, as `splitRecord` wrote it), for
 * writing the record out without parsing its body; undefined when the record's `body` and `html` are not both read from
 * a source (a full record, or one whose body was replaced), or when the source does not hold the text.
 */
export function bodyJsonOf(record: object): Uint8Array | undefined {
  if (Object.getOwnPropertyDescriptor(record, "body")?.get !== lazyBody || Object.getOwnPropertyDescriptor(record, "html")?.get !== lazyHtml) return undefined;
  const { key, source } = sourceOf(record as ArticleRecord);
  return source.readJson?.(key, (record as ArticleRecord).file);
}

function lazyBody(this: ArticleRecord): ArticleRecord["body"] {
  return bodyOf(this).body;
}

function lazyHtml(this: ArticleRecord): string {
  const { key, source } = sourceOf(this);
  return source.readHtml?.(key, this.file) ?? source.read(key, this.file).html;
}

function bodyOf(record: ArticleRecord): RecordBody {
  const { key, source } = sourceOf(record);
  return source.read(key, record.file);
}

function sourceOf(record: ArticleRecord): { readonly key: string; readonly source: BodySource } {
  const { [SOURCE_KEY]: key, [BODY_SOURCE]: source } = record as Marked;
  if (key === undefined || source === undefined) throw new ArchiveError(`The record of ${record.file} lost its body's source; this is a bug in the archive layer.`);
  return { key, source };
}
