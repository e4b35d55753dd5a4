/**
 * Extraction of one parsed record, keyed by what it reads: the step that can run wherever the record is parsed
 * (a parse worker thread), so that `assignTopics` later finds every result in the cache.
 */
import type { ArticleRecord } from "../parse/schema.ts";
import { contentKey } from "./cache.ts";
import { extractEntities } from "./extract.ts";
import type { ArticleText, Extraction } from "./extract.ts";
import { isEnglish } from "./language.ts";

/** What extraction reads of a record: headline, dateline and the body's prose blocks (never tables). */
export function articleTextOf(record: ArticleRecord): ArticleText {
  const blocks = record.body.filter((b) => b.type !== "preformatted").map((b) => ({ text: b.text, line: b.line }));
  return { title: record.title, blocks, dateline: record.dateline };
}

/** The extraction cache key of a record. */
export function extractionKeyOf(record: ArticleRecord): string {
  return contentKey(articleTextOf(record), record.lang);
}

/**
 * Extracts a record's entities. Only English is read for entities; other languages keep their rubric and
 * front-matter topics.
 * @param record a parsed record
 * @returns the cache key and the extraction
 */
export function extractRecord(record: ArticleRecord): { readonly key: string; readonly extraction: Extraction } {
  const text = articleTextOf(record);
  const key = contentKey(text, record.lang);
  return { key, extraction: isEnglish(record.lang, text) ? extractEntities(text) : { entities: [] } };
}
