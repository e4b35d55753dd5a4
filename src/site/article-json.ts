/**
 * Writes each article's record as JSON beside its page (`…/<slug>/article.json`).
 *
 * Not an Eleventy template on purpose: Eleventy keeps every rendered page in memory until the build ends, and these
 * files are as large as the pages themselves; writing them here, a few at a time, keeps a 50,000-article build small.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { bodyJsonOf, withFields } from "../archive/index.ts";
import type { ArticleRecord } from "../parse/index.ts";
import { escapeJsonForScript, jsonForScript } from "./escape.ts";
import { MALFORMED, stringEnd, TOO_SMALL, writeScriptJson } from "./json-indent.ts";
import type { ArticlePage, SiteData } from "./types.ts";
import { outputFile } from "./url.ts";

/**
 * Writes the JSON of every article page into an output folder.
 * @param pages the article pages
 * @param outputDir the folder the site is written to
 */
export function writeArticleJson(pages: readonly ArticlePage[], outputDir: string): void {
  // Synchronous writes, as Eleventy's own: thousands of small files go faster in one thread than through the
  // thread pool's round trips (open, write, close each), above all on a loaded machine.
  for (const page of pages) {
    const file = join(outputDir, outputFile(page.jsonPath));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, articleJson(page));
  }
}

/** The bytes of an article's `article.json`: its record, indented, safe to serve (see `jsonForScript`), in UTF-8. */
export function articleJson(page: ArticlePage): Buffer {
  const stored = bodyJsonOf(page.article);
  return (stored === undefined ? undefined : withStoredBody(page.article, stored)) ?? Buffer.from(`${jsonForScript(page.article, 2)}\n`);
}

/** The body's stored JSON (`{"body":…,"html":…}`, see `splitRecord`) starts so and holds `html` after its last `,"html":`. */
const BODY_FIELD = '{"body":';
const HTML_FIELD = ',"html":';
const STORED_END = '"}';

/**
 * `articleJson` for a lazy record, with its body spliced in from the bytes of the body's stored JSON instead of
 * decoded, parsed, serialised, escaped and encoded again: the record without its body is serialised, and the stored
 * `body` and `html` are written in place of its nulls, indented and escaped on the way (see json-indent.ts). Undefined
 * when the stored text is not as expected (then the record is serialised as it is).
 */
function withStoredBody(record: ArticleRecord, stored: Uint8Array): Buffer | undefined {
  const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  const htmlAt = bytes.lastIndexOf(HTML_FIELD);
  const htmlFrom = htmlAt + HTML_FIELD.length;
  const htmlTo = bytes.length - 1;
  if (htmlAt === -1 || !bytes.subarray(0, BODY_FIELD.length).equals(BODY_MARK) || bytes.toString("latin1", htmlTo - 1) !== STORED_END) return undefined;
  if (stringEnd(bytes, htmlFrom, htmlTo) !== htmlTo - 1) return undefined;
  // Top-level fields are the only lines indented by exactly two spaces (a string holds no raw newline).
  const head = escapeJsonForScript(JSON.stringify(withoutBody(record), null, 2));
  const bodyAt = head.indexOf(BODY_NULL);
  const htmlNullAt = head.indexOf(HTML_NULL);
  if (bodyAt === -1 || htmlNullAt === -1) return undefined;
  const [first, second] = bodyAt < htmlNullAt ? [bodyAt, htmlNullAt] : [htmlNullAt, bodyAt];
  const parts = [head.slice(0, first), head.slice(first + NULL_LENGTH, second), `${head.slice(second + NULL_LENGTH)}\n`] as const;
  const value = (out: Buffer, at: number, field: number): number => {
    const start = text(out, at, field === bodyAt ? BODY_KEY : HTML_KEY);
    if (start < 0) return start;
    return field === bodyAt ? writeScriptJson(bytes, BODY_FIELD.length, htmlAt, 1, out, start) : writeScriptJson(bytes, htmlFrom, htmlTo, 1, out, start);
  };
  // Room for the head, the stored text and its indentation and escapes; twice as much again when that is not enough.
  for (let size = Buffer.byteLength(head) + 2 * bytes.length + 1024; ; size *= 2) {
    const out = Buffer.allocUnsafe(size);
    const end = text(out, value(out, text(out, value(out, text(out, 0, parts[0]), first), parts[1]), second), parts[2]);
    if (end >= 0) return out.subarray(0, end);
    if (end === MALFORMED) return undefined;
  }
}

/** Writes a text at `at` (a failure from before passed on); TOO_SMALL when it does not fit. */
function text(out: Buffer, at: number, written: string): number {
  if (at < 0) return at;
  const length = Buffer.byteLength(written);
  return at + length <= out.length ? at + out.write(written, at) : TOO_SMALL;
}

const BODY_MARK = Buffer.from(BODY_FIELD);

/**
 * The record's enumerable fields in their order, `body` and `html` null (their getters not called). Copied by a plain
 * loop: `withFields` copies a lazy record by property descriptors, several times slower, to keep what JSON drops.
 */
function withoutBody(record: ArticleRecord): Record<string, unknown> {
  const head: Record<string, unknown> = {};
  for (const name in record) head[name] = name === "body" || name === "html" ? null : record[name as keyof ArticleRecord];
  return head;
}

const BODY_KEY = '\n  "body": ';
const HTML_KEY = '\n  "html": ';
const BODY_NULL = `${BODY_KEY}null`;
const HTML_NULL = `${HTML_KEY}null`;
/** Both placeholders are as long (the two field names are). */
const NULL_LENGTH = BODY_NULL.length;

/**
 * The site data without the parts of each record only `article.json` shows (body blocks, extra lines, diagnostics).
 * The records are copied with `withFields`: a spread would read a body the record reads only when asked for.
 */
export function slimSite(site: SiteData): SiteData {
  return { ...site, articlePages: site.articlePages.map((page) => ({ ...page, article: withFields(page.article, { body: [], extra: [], diagnostics: [] }) })) };
}
