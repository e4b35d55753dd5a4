/** Parses one article file; a parser failure becomes a diagnostic on the file, never a crash of the build. */
import { parseArticle, type ArticleRecord } from "../parse/index.ts";

/**
 * Parses one file. The parser validates its record against the schema itself (the edge), so it is not checked twice.
 * @param path the path as given (it names the file in diagnostics)
 * @param bytes the file's content
 */
export function parseChecked(path: string, bytes: Uint8Array): ArticleRecord {
  try {
    return parseArticle(bytes, { path });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failedRecord(path, `The parser failed on this file (${reason}); please report it with the file attached.`, "archive/parser-crash");
  }
}

function failedRecord(path: string, message: string, rule: string): ArticleRecord {
  return {
    file: path, format: "unknown", title: null, date: null, time: null, timezone: null, byline: null, dateline: null,
    rubric: null, photoCredit: null, source: null, sourceUrl: null, license: null, lang: null, summary: null, body: [],
    html: "", extra: [], wordCount: 0, slug: "invalid", url: null, topics: [], draft: false, updated: null,
    diagnostics: [{ severity: "error", line: 1, column: 1, message, rule }],
  };
}
