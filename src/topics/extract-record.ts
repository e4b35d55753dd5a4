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
  const blocks = record.body.filter((b) => b.type !== "preformatted").map((b) => ({ text: b.text, line: b.line }));
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
  return { result, lines: text.blocks.map((b) => b.line) };
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
