import { ENGLISH_WEEKDAYS, monthNumber } from "./months.ts";

/** A date read from a date line: calendar date plus time and zone as far as the line gives them. */
export interface DateValue {
  readonly date: string;
  readonly time: string | null;
  readonly timezone: string | null;
}

/** A problem with a line that is shaped like a date (`date-impossible`, `date-ambiguous`, …). */
export interface DateProblem {
  readonly rule: string;
  readonly message: string;
}

/** What a date-shaped line gave: a value (or null when unusable) and the problems found. */
export interface DateReading {
  readonly value: DateValue | null;
  readonly problems: readonly DateProblem[];
}

// Longest date line considered: keeps the regexes away from 10 MB lines.
const MAX_DATE_LINE = 80;

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,6})?)?\s?([ap]\.?m\.?)?`;
const ZONE = String.raw`(Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5})`;
const TAIL = String.raw`(?:(?:,\s*|\s+)(?:at\s+|в\s+|o\s+|um\s+)?${TIME})?(?:\s*${ZONE})?`;
const YEAR_WORD = String.raw`(?:\s*(?:г\.?|года|год|р\.|року|godine|roku|r\.))?`;

const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]${TIME})?\s?${ZONE}?$`, "u");
const DAY_MONTH_YEAR = new RegExp(String.raw`^(\d{1,2})\.?\s+(\p{L}{3,12}\.?),?\s+(\d{4})\.?${YEAR_WORD}${TAIL}$`, "u");
const MONTH_DAY_YEAR = new RegExp(String.raw`^(\p{L}{3,12}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TAIL}$`, "u");
const REUTERS_1987 = new RegExp(String.raw`^(\d{1,2})-(\p{L}{3})-(\d{4})(?:\s+${TIME})?$`, "u");
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?${YEAR_WORD}${TAIL}$`, "u");
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[./](\d{1,2})[./](\d{1,2})\.?${TAIL}$`, "u");
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})${TAIL}$`, "u");
const WEEKDAY = /^(\p{L}{2,12})\.?(?:,\s*|\s+)/u;
const DATE_DIGITS = /\d{4}|\d\/\d/u;

/**
 * Reads a line that may be a date line (`03 June 2021`, `Friday, January 4, 2019`, `2021-06-03`,
 * `3 июня 2021 г.`, `03.06.2021`, `26-FEB-1987 15:01:01.79`, `Fri Oct 20, 2006 4:25pm EDT`).
 * Returns null when the line is not shaped like a date at all. Pure string arithmetic: no `Date`.
 * @param text the line, as written
 * @param lang the article's language when known (selects month names that differ between languages)
 */
export function readDateLine(text: string, lang?: string | null): DateReading | null {
  const line = text.trim();
  // Every pattern holds a four-digit year or a digit, slash, digit: most lines (headlines, captions) hold neither.
  if (line.length < 6 || line.length > MAX_DATE_LINE || !DATE_DIGITS.test(line)) return null;
  const direct = readDate(line, lang) ?? readLeadingDate(line, lang);
  if (direct !== null) return direct;
  const weekday = WEEKDAY.exec(line);
  if (weekday === null) return null;
  const rest = line.slice(weekday[0].length);
  const reading = readDate(rest, lang) ?? readLeadingDate(rest, lang);
  if (reading === null || reading.value === null) return reading;
  const expected = ENGLISH_WEEKDAYS.get(weekday[1]!.toLowerCase());
  if (expected !== undefined && expected !== weekdayOf(reading.value.date)) {
    return {
      value: reading.value,
      problems: [...reading.problems, { rule: "date-weekday-mismatch", message: `The weekday "${weekday[1]}" does not fall on ${reading.value.date}: one of them is wrong. The date was kept; check it against the source.` }],
    };
  }
  return reading;
}

// `03 June 2021 | 14:30`, `June 3, 2021 — Moscow`: a date followed by a separator and a short rest.
function readLeadingDate(line: string, lang: string | null | undefined): DateReading | null {
  const cut = line.search(/\s[|·•—–]\s/u);
  return cut > 0 ? readDate(line.slice(0, cut).trim(), lang) : null;
}

function readDate(line: string, lang: string | null | undefined): DateReading | null {
  // MONTH_DAY_YEAR starts with a letter and every other pattern with a digit, so the first character rules out the
  // patterns that cannot match; those that can are tried in the same order as ever.
  const first = line.charCodeAt(0);
  if (first < 0x30 || first > 0x39) {
    const m = MONTH_DAY_YEAR.exec(line);
    if (m === null) return null;
    const month = monthNumber(m[1]!, lang);
    return month === undefined ? null : build(m[3]!, String(month), m[2]!, m.slice(4, 8), m[8]);
  }
  let m = ISO.exec(line);
  if (m) return build(m[1]!, m[2]!, m[3]!, m.slice(4, 8), m[8]);
  m = DAY_MONTH_YEAR.exec(line);
  if (m) {
    const month = monthNumber(m[2]!, lang);
    return month === undefined ? null : build(m[3]!, String(month), m[1]!, m.slice(4, 8), m[8]);
  }
  m = REUTERS_1987.exec(line);
  if (m) {
    const month = monthNumber(m[2]!, lang);
    return month === undefined ? null : build(m[3]!, String(month), m[1]!, m.slice(4, 8), undefined);
  }
  m = DOTTED.exec(line);
  if (m) return build(m[3]!, m[2]!, m[1]!, m.slice(4, 8), m[8]);
  m = YEAR_FIRST.exec(line);
  if (m) return build(m[1]!, m[2]!, m[3]!, m.slice(4, 8), m[8]);
  m = SLASHED.exec(line);
  if (m) return slashed(line, m);
  return null;
}

function slashed(line: string, m: RegExpExecArray): DateReading {
  const a = Number(m[1]);
  const b = Number(m[2]);
  const year = m[3]!;
  if (year.length === 2) {
    return { value: null, problems: [{ rule: "date-ambiguous", message: `"${line}" has a two-digit year, so its century is unknown. Write the date as YYYY-MM-DD.` }] };
  }
  if (a <= 12 && b <= 12 && a !== b) {
    return { value: null, problems: [{ rule: "date-ambiguous", message: `"${line}" can be read day-first or month-first (${year}-${pad(b)}-${pad(a)} or ${year}-${pad(a)}-${pad(b)}), so no date was taken. Write the date as YYYY-MM-DD.` }] };
  }
  // One reading is impossible (a part above 12) or both agree: the date is unambiguous.
  return a > 12 ? build(year, String(b), String(a), m.slice(4, 8), m[8]) : build(year, String(a), String(b), m.slice(4, 8), m[8]);
}

function build(y: string, mo: string, d: string, time: readonly (string | undefined)[], zone: string | undefined): DateReading {
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const problems: DateProblem[] = [];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1000) {
    const shown = `${y}-${pad(month)}-${pad(day)}`;
    return { value: null, problems: [{ rule: "date-impossible", message: `The date ${shown} does not exist in the calendar (${month < 1 || month > 12 ? "no such month" : `month ${month} of ${y} has ${daysInMonth(year, month)} days`}), so no date was taken. Correct the date line.` }] };
  }
  const date = `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
  let clock: string | null = null;
  const [h, mi, s, meridiem] = time;
  if (h !== undefined && mi !== undefined) {
    let hour = Number(h);
    const minute = Number(mi);
    const second = s === undefined ? undefined : Number(s);
    const pm = meridiem !== undefined && meridiem.toLowerCase().startsWith("p");
    const valid = meridiem === undefined ? hour <= 23 : hour >= 1 && hour <= 12;
    if (!valid || minute > 59 || (second !== undefined && second > 60)) {
      problems.push({ rule: "time-impossible", message: `The time ${h}:${mi}${s === undefined ? "" : `:${s}`}${meridiem ?? ""} does not exist, so no time was taken. Correct the date line.` });
    } else {
      if (meridiem !== undefined) hour = (hour % 12) + (pm ? 12 : 0);
      clock = `${pad(hour)}:${pad(minute)}${second === undefined ? "" : `:${pad(second)}`}`;
    }
  }
  return { value: { date, time: clock, timezone: zone ?? null }, problems };
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `YYYY-MM-DD` names a real calendar day. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(text);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

// Zeller-style day of week (0 = Sunday) from calendar fields only.
function weekdayOf(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  if (m < 3) y -= 1;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[m - 1]! + d) % 7;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
