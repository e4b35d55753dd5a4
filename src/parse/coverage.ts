import type { ArticleRecord } from "./schema.ts";

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The words of an input text that appear nowhere in its record (fields, body, extra lines):
 * the "nothing is lost" check. Front matter keys are not words of the article and are skipped
 * (the front matter block is removed before counting); control and bidi characters are not words.
 * @param text the decoded input text
 * @param record the record parsed from it
 */
export function missingWords(text: string, record: ArticleRecord): string[] {
  const kept = new Set<string>();
  const add = (value: string | null): void => {
    if (value !== null) for (const m of value.matchAll(WORD)) kept.add(m[0].toLowerCase());
  };
  for (const key of ["title", "byline", "dateline", "rubric", "photoCredit", "source", "sourceUrl", "license", "lang", "summary"] as const) add(record[key]);
  for (const block of record.body) add(block.text);
  for (const line of record.extra) add(line.text);
  // Markdown link and image targets live only in the HTML.
  for (const m of record.html.matchAll(/(?:href|src)="([^"]*)"/gu)) add(m[1]!);
  const missing = new Set<string>();
  for (const m of withoutFrontMatter(text).matchAll(WORD)) {
    const word = m[0].toLowerCase();
    if (!kept.has(word)) missing.add(m[0]);
  }
  return [...missing];
}

function withoutFrontMatter(text: string): string {
  if (!text.startsWith("---")) return text;
  const close = text.search(/\r?\n---\s*(?:\r?\n|$)/u);
  return close === -1 ? text : text.slice(close + 4);
}
