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
import { closingQuote, indentJson } from "./json-indent.ts";
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

/** The text of an article's `article.json`: its record, indented, safe to serve (see `jsonForScript`). */
export function articleJson(page: ArticlePage): string {
  const stored = bodyJsonOf(page.article);
  return `${(stored === undefined ? undefined : withStoredBody(page.article, stored)) ?? jsonForScript(page.article, 2)}\n`;
}

/** Where the body's JSON text (`{"body":…,"html":…}`, see `splitRecord`) holds the `html` field: after its last `,"html":`. */
const HTML_FIELD = ',"html":';
const BODY_FIELD = '{"body":';

/**
 * `jsonForScript(record, 2)` for a lazy record, with its body spliced in from the body's stored JSON text instead of
 * parsed and serialised again: the record without its body is serialised, and the stored `body` is indented in place
 * of its null (see json-indent.ts) and the stored `html` string copied in place of its own. Undefined when the stored
 * text is not as expected (then the record is serialised as it is).
 */
function withStoredBody(record: ArticleRecord, stored: string): string | undefined {
  const htmlAt = stored.lastIndexOf(HTML_FIELD);
  if (!stored.startsWith(BODY_FIELD) || htmlAt === -1 || !stored.endsWith('"}')) return undefined;
  const html = stored.slice(htmlAt + HTML_FIELD.length, -1);
  if (closingQuote(html, 0) !== html.length - 1) return undefined;
  const body = indentJson(stored.slice(BODY_FIELD.length, htmlAt), 1);
  if (body === undefined) return undefined;
  // Top-level fields are the only lines indented by exactly two spaces (a string holds no raw newline).
  const head = JSON.stringify(withoutBody(record), null, 2);
  const bodyAt = head.indexOf(BODY_NULL);
  const htmlNullAt = head.indexOf(HTML_NULL);
  if (bodyAt === -1 || htmlNullAt === -1) return undefined;
  const [first, second] = bodyAt < htmlNullAt ? [bodyAt, htmlNullAt] : [htmlNullAt, bodyAt];
  const valueOf = (at: number): string => (at === bodyAt ? `${BODY_KEY}${body}` : `${HTML_KEY}${html}`);
  return escapeJsonForScript(`${head.slice(0, first)}${valueOf(first)}${head.slice(first + NULL_LENGTH, second)}${valueOf(second)}${head.slice(second + NULL_LENGTH)}`);
}

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
