import type { Reporter } from "./diagnostics.ts";
import { readDateLine, type DateReading, type DateValue } from "./dates.ts";
import { isBlank, squash, type Line } from "./lines.ts";
import type { ExtraLine } from "./schema.ts";

/** What the lines before the body gave: the layout, headline, date and header fields. */
export interface Head {
  format: string;
  title: string | null;
  /** 1-based lines the headline came from. */
  titleLines: number[];
  date: DateValue | null;
  byline: string | null;
  sourceUrl: string | null;
  lang: string | null;
  extra: ExtraLine[];
  /** Index into the lines of the first body line. */
  bodyStart: number;
}

const URL_LINE = /^https?:\/\/\S+$/u;
// One token with a digit: `bg-982`, `490`, `ru-ryanair-new-extra-545`.
const ID_LINE = /^(?=[^\s]*\d)[\p{L}\p{N}._-]{1,64}$/u;
const LANG_LINE = /^[a-z]{2,3}(?:[-_][a-z]{2,4})?$/iu;
// Legacy country-style codes seen in corpora, mapped to BCP 47 language subtags.
const LANG_ALIASES: Record<string, string> = { cz: "cs", ua: "uk", gr: "el", dk: "da", se: "sv", jp: "ja", si: "sl", rs: "sr" };
// Longest line read as a headline: a longer first line is body text.
const MAX_HEADLINE = 300;
// Patterns with Unicode property escapes live here, not in the functions: tsx compiles each such literal to a
// `new RegExp` call, which would build the pattern again on every call.
const LETTER = /\p{L}/u;
const REUTERS_21578_DATE = /^\d{1,2}-\p{L}{3}-\d{4}/u;
const WEEKDAY_FIRST = /^\p{L}+,/u;
const LOWER_WORD_STOP = /(?:^|\s)\p{Ll}[\p{Ll}\p{N}'’-]+\.$/u;

/**
 * Recognises the layout of the lines before the body and reads the header fields:
 * Reuters business (`-- ` lines), the Slavic id/language/date/URL header, a headline followed by a date line
 * (TASS, Wikinews, Reuters-21578), or a headline alone over paragraphs (BBC). Headerless text in Cyrillic
 * script is read as paragraphs only (FactRuEval), since those files have no headline.
 */
export function readHead(lines: readonly Line[], start: number, reporter: Reporter): Head {
  const head: Head = { format: "plain", title: null, titleLines: [], date: null, byline: null, sourceUrl: null, lang: null, extra: [], bodyStart: start };
  const first = skipBlank(lines, start);
  if (first >= lines.length) return head;
  const firstText = lines[first]!.text;
  if (/^--(?:\s|$)/u.test(firstText)) return reutersHeader(lines, first, head, reporter);
  if (isSlavicHeader(lines, first)) return slavicHeader(lines, first, head, reporter);
  return headlineAndDate(lines, first, head, reporter);
}

function reutersHeader(lines: readonly Line[], first: number, head: Head, reporter: Reporter): Head {
  head.format = "reuters";
  let i = first;
  for (; i < lines.length && /^--(?:\s|$)/u.test(lines[i]!.text); i += 1) {
    const line = lines[i]!;
    const value = squash(line.text.slice(2));
    if (value === "") continue;
    if (head.title === null) {
      head.title = value;
      head.titleLines = [line.n];
    } else if (/^By\s/iu.test(value) && head.byline === null) head.byline = value;
    else if (URL_LINE.test(value) && head.sourceUrl === null) head.sourceUrl = value;
    else if (!takeDate(head, line, readDateLine(value), reporter)) head.extra.push({ line: line.n, text: value, kind: "header" });
  }
  head.bodyStart = i;
  return head;
}

function slavicHeader(lines: readonly Line[], first: number, head: Head, reporter: Reporter): Head {
  head.format = "bsnlp";
  head.extra.push({ line: lines[first]!.n, text: lines[first]!.text.trim(), kind: "id" });
  const langLine = lines[first + 1]!;
  const code = langLine.text.trim().toLowerCase().replace("_", "-");
  head.lang = LANG_ALIASES[code] ?? code;
  head.extra.push({ line: langLine.n, text: langLine.text.trim(), kind: "lang" });
  let i = first + 2;
  let dateSlot = false;
  // Up to three slots for date and URL, either of which may be an empty line.
  for (let slot = 0; slot < 3 && i < lines.length; slot += 1, i += 1) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (text === "") {
      dateSlot = true;
      continue;
    }
    if (URL_LINE.test(text)) {
      head.sourceUrl = text;
      continue;
    }
    const reading = readDateLine(text, head.lang);
    if (reading === null) break;
    dateSlot = true;
    takeDate(head, line, reading, reporter);
  }
  if (!dateSlot) reporter.report("info", lines[first]!.n, 1, "header-incomplete", "The id/language header has no date line; the article has no date.");
  i = skipBlank(lines, i);
  // The headline is the line after the header, whatever its length (some carry their lead too).
  if (i < lines.length) {
    head.title = squash(lines[i]!.text);
    head.titleLines = [lines[i]!.n];
    i += 1;
  }
  head.bodyStart = i;
  return head;
}

function headlineAndDate(lines: readonly Line[], first: number, head: Head, reporter: Reporter): Head {
  // The first run of non-blank lines: a headline of one to three lines, perhaps with the date as its last line.
  let end = first;
  while (end < lines.length && !isBlank(lines[end]!.text)) end += 1;
  const run = lines.slice(first, end);
  // A date line first of all: a file without a headline (Reuters-21578 unprocessed tables).
  const leading = run.length === 1 ? readDateLine(run[0]!.text) : null;
  if (leading !== null) return dated(head, [], run[0]!, leading, end, reporter);
  const short = run.length <= 3 && run.every((line) => line.text.trim().length <= MAX_HEADLINE);
  if (short) {
    const inRun = run.length >= 2 ? readDateLine(run[run.length - 1]!.text) : null;
    if (inRun !== null) return dated(head, run.slice(0, -1), run[run.length - 1]!, inRun, end, reporter);
    const next = skipBlank(lines, end);
    const reading = next < lines.length ? readDateLine(lines[next]!.text) : null;
    if (reading !== null) return dated(head, run, lines[next]!, reading, next + 1, reporter);
  }
  head.format = "plain";
  const line = run[0]!;
  const text = squash(line.text);
  // A lone short line is a headline over paragraphs (BBC), or a headline-only file.
  if (run.length === 1 && text.length <= 200 && !endsSentence(text) && LETTER.test(text)) {
    if (isMostlyCyrillic(text)) {
      reporter.report("warning", line.n, 1, "title-uncertain", "Headerless text in Cyrillic script is read as paragraphs only (the FactRuEval layout), so its first line was kept as body text, not taken as a headline. If it is the headline, add `title:` in front matter.");
    } else {
      head.title = text;
      head.titleLines = [line.n];
      head.bodyStart = end;
      return head;
    }
  }
  head.bodyStart = first;
  return head;
}

function dated(head: Head, titleRun: readonly Line[], dateLine: Line, reading: DateReading, bodyStart: number, reporter: Reporter): Head {
  const raw = dateLine.text.trim();
  head.format = REUTERS_21578_DATE.test(raw) ? "reuters21578" : WEEKDAY_FIRST.test(raw) ? "wikinews" : "tass";
  head.title = titleRun.length === 0 ? null : squash(titleRun.map((line) => line.text).join(" "));
  head.titleLines = titleRun.map((line) => line.n);
  takeDate(head, dateLine, reading, reporter);
  head.bodyStart = bodyStart;
  return head;
}

// Takes a date reading into the head (reporting its problems); the line as written goes to `extra`, since the
// normalised fields drop the weekday and the original spelling. Returns false when the line is no date at all.
function takeDate(head: Head, line: Line, reading: DateReading | null, reporter: Reporter): boolean {
  if (reading === null) return false;
  for (const problem of reading.problems) {
    const severity = problem.rule === "date-impossible" || problem.rule === "date-ambiguous" ? "error" : "warning";
    reporter.report(severity, line.n, line.text.search(/\S/u) + 1, problem.rule, problem.message);
  }
  if (head.date === null && reading.value !== null) head.date = reading.value;
  head.extra.push({ line: line.n, text: squash(line.text.replace(/^--/u, "")), kind: "date" });
  return true;
}

// An id line (or any short line) over a language code, followed by a date, a URL or the empty date slot.
function isSlavicHeader(lines: readonly Line[], first: number): boolean {
  if (!LANG_LINE.test(lines[first + 1]?.text.trim() ?? "")) return false;
  const id = lines[first]!.text.trim();
  if (ID_LINE.test(id)) return true;
  if (id.length > 64) return false;
  const third = lines[first + 2]?.text.trim() ?? "";
  const fourth = lines[first + 3]?.text.trim() ?? "";
  return URL_LINE.test(third) || URL_LINE.test(fourth) || (third !== "" && readDateLine(third) !== null);
}

// Headlines do not end like sentences: a final comma, colon or semicolon, or a full stop after a lower-case
// word, marks body text. A full stop after an abbreviation (`U.S.`, `Inc.`) or a `?`/`!` can end a headline.
function endsSentence(text: string): boolean {
  if (/[,;:]$/u.test(text)) return true;
  return LOWER_WORD_STOP.test(text.slice(-40));
}

function skipBlank(lines: readonly Line[], from: number): number {
  let i = from;
  while (i < lines.length && isBlank(lines[i]!.text)) i += 1;
  return i;
}

function isMostlyCyrillic(text: string): boolean {
  let cyrillic = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x400 && code <= 0x52f) cyrillic += 1;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) latin += 1;
  }
  return cyrillic > latin;
}
