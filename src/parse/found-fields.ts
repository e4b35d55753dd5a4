import type { Reporter } from "./diagnostics.ts";
import { isCalendarDate, readDateLine } from "./dates.ts";
import type { Head } from "./layout.ts";
import { squash } from "./lines.ts";
import type { Block } from "./schema.ts";

// `CITY  (Reuters) - `, `BUENOS AIRES, Feb 26 - `, `MOSCOW, June 3. /TASS/.`
const AGENCY_DATELINE = /^(\p{Lu}[\p{Lu}\p{M} .'’&/-]{1,40}?\s*\((?:Reuters|AP|AFP|TASS|UPI|dpa|Bloomberg|Interfax)\))\s*[-–—]\s/u;
const DATED_DATELINE = /^(\p{Lu}[\p{Lu}\p{M} .'’&/-]{1,40}?, \p{Lu}\p{Ll}{2,8}\.? \d{1,2})(?:\s+[-–—](?:\s|$)|\. \/TASS\/)/u;

/** The dateline at the start of a first paragraph (`CHICAGO (Reuters)`, `BUENOS AIRES, Feb 26`), or null. */
export function dateline(text: string): string | null {
  const start = text.slice(0, 120);
  const m = AGENCY_DATELINE.exec(start) ?? DATED_DATELINE.exec(start);
  return m === null ? null : squash(m[1]!);
}

/**
 * A line that is nothing but a date, among the first few blocks (after an editor's notice, say), is the
 * article's date line: it goes into `head` and leaves the body for `extra`. Mutates `head` and `blocks`.
 */
export function takeLateDateLine(head: Head, blocks: Block[], reporter: Reporter): void {
  for (let i = 0; i < Math.min(blocks.length, 4); i += 1) {
    const block = blocks[i]!;
    if (block.type === "preformatted" || block.text.length > 80) continue;
    const reading = readDateLine(block.text);
    if (reading === null) continue;
    for (const problem of reading.problems) reporter.report(problem.rule === "date-impossible" || problem.rule === "date-ambiguous" ? "error" : "warning", block.line, 1, problem.rule, problem.message);
    head.date = reading.value;
    head.extra.push({ line: block.line, text: block.text, kind: "date" });
    blocks.splice(i, 1);
    return;
  }
}

/** The date of a `2020-01-01-samoan-government….txt` file name: the archive's own naming (articles/README.md). */
export function dateFromPath(file: string): string | null {
  const name = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  const m = /^(\d{4}-\d{2}-\d{2})[-_.]/u.exec(name);
  return m !== null && isCalendarDate(m[1]!) ? m[1]! : null;
}
