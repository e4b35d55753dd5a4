/**
 * The extraction of one record: what extraction reads of it, its entities (English only) and the line of each block
 * read. The one place that decides this, whether it runs in the main thread (`assignTopics`) or in a parse worker.
 */
import type { ArticleRecord } from "../parse/schema.ts";
import type { CachedExtraction } from "./cache.ts";
import { extractEntities } from "./extract.ts";
import type { ArticleText, Extraction } from "./extract.ts";
import { isEnglish } from "./language.ts";

/** What extraction reads of a record, each block with its line. */
export type RecordText = Omit<ArticleText, "blocks"> & { readonly blocks: readonly { readonly text: string; readonly line: number }[] };

/** What extraction reads of a record: headline, dateline and every body block but preformatted ones. */
export function textOf(record: ArticleRecord): RecordText {
  // A loop into a literal: every record's array then has one element kind, also a record with no block (an empty
  // result of `map` has another, and the extraction compiled for one is deoptimised on meeting the other).
  const blocks: { text: string; line: number }[] = [];
  for (const b of record.body) if (b.type !== "preformatted") blocks.push({ text: b.text, line: b.line });
  return { title: record.title, blocks, dateline: record.dateline };
}

/**
 * Extracts the entities of a record's text; only English is read, other languages keep their rubric and
 * front-matter topics.
 * @param text the record's text (see `textOf`)
 * @param lang the record's language tag, or null
 * @returns the extraction, and the line of each block read
 */
export function extractText(text: RecordText, lang: string | null): { readonly result: Extraction; readonly lines: number[] } {
  const result = isEnglish(lang, text) ? extractEntities(text) : { entities: [] };
  const lines: number[] = [];
  for (const b of text.blocks) lines.push(b.line);
  return { result, lines };
}

/**
 * The extraction of one record as cached under its source key: its entities and the line of each block read, exactly
 * what `assignTopics` computes and caches for a record it extracts.
 * @param record a parsed record (its body is read)
 */
export function extractRecord(record: ArticleRecord): CachedExtraction {
  const { result, lines } = extractText(textOf(record), record.lang);
  return { ...result, lines };
}
