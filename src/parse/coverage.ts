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

/**
 * Counts words: runs of letters and digits; an apostrophe or hyphen between two of them does not split a word.
 * A character loop, since Unicode-property regexes cost more than the rest of the parse on long articles.
 */
export function countWords(text: string): number {
  let count = 0;
  let inWord = 0;
  for (let i = 0; i < text.length; i += 1) {
    const kind = KINDS[text.charCodeAt(i)]!;
    if (kind === IN_WORD) {
      count += inWord ^ 1;
      inWord = 1;
    } else if (kind === OUTSIDE || inWord === 0 || KINDS[text.charCodeAt(i + 1)] !== IN_WORD) inWord = 0;
  }
  return count;
}

const OUTSIDE = 0;
const IN_WORD = 1;
const JOINER = 2;
// The kind of every UTF-16 code unit, looked up once per character instead of tested against ranges.
const KINDS = Uint8Array.from({ length: 0x10000 }, (_, code) => (isWordCode(code) ? IN_WORD : code === 0x27 || code === 0x2d || code === 0x2019 ? JOINER : OUTSIDE));

// ASCII letters and digits, letters and marks of every script; not the space, punctuation and symbol blocks.
// Surrogates count as letters (a character beyond the Basic Multilingual Plane is one).
function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && !(code >= 0x2000 && code <= 0x2bff) && !(code >= 0x3000 && code <= 0x303f) && !(code >= 0xfe30 && code <= 0xfe4f) && !(code >= 0xff00 && code <= 0xff0f);
}
