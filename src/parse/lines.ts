import type { Reporter } from "./diagnostics.ts";

/** One physical line of the input, 1-based, without its line ending. */
export interface Line {
  readonly n: number;
  readonly text: string;
}

// C0 controls except tab, LF, CR; DEL; C1 controls. Matching them is the point of these patterns.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
const NON_BLANK = /\S/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
const BIDI_ALL = /[\u202A-\u202E\u2066-\u2069]/gu;
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Splits text into lines on CRLF, CR or LF (mixed endings are fine) and removes control characters and
 * bidirectional overrides, reporting each with its place. Tab, form feed and vertical tab become spaces.
 */
export function splitLines(text: string, reporter: Reporter): Line[] {
  // Most files have LF endings only and no character to remove: one search each spares a pattern per line.
  const raw = text.includes("\r") ? text.split(/\r\n|\r|\n/u) : text.split("\n");
  const clean = !SUSPECT.test(text);
  const lines: Line[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    let value = raw[i]!;
    if (clean || !SUSPECT.test(value)) {
      lines.push({ n: i + 1, text: value });
      continue;
    }
    if (CONTROL.test(value)) {
      const at = value.search(CONTROL);
      const code = value.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0");
      reporter.report("warning", i + 1, at + 1, "control-character", `Control character U+${code} removed: it is invisible and breaks feeds and HTML. Remove it from the file.`);
      value = value.replace(/[\f\v]/gu, " ").replace(CONTROL_ALL, "");
    }
    if (BIDI.test(value)) {
      const at = value.search(BIDI);
      const code = value.charCodeAt(at).toString(16).toUpperCase();
      reporter.report("warning", i + 1, at + 1, "bidi-override", `Bidirectional override U+${code} removed: it can make text display in a different order than it is stored. Remove it from the file.`);
      value = value.replace(BIDI_ALL, "");
    }
    lines.push({ n: i + 1, text: value });
  }
  // A final line ending leaves one empty string that is not a line of the file.
  if (lines.length > 1 && lines[lines.length - 1]!.text === "") lines.pop();
  return lines;
}

/** Whether a line holds nothing but white space (including no-break spaces). */
export function isBlank(text: string): boolean {
  // `\s` is the white space `trim` removes; a search stops at the first other character, without a copy.
  return !NON_BLANK.test(text);
}

/** Collapses runs of white space (including no-break spaces) to one space and trims. */
export function squash(text: string): string {
  // A run of two or more white-space characters, or a single one that is not a space, becomes a space (the same as
  // replacing every run of /\s+/ by one space, without replacing single spaces by spaces). Most text has neither,
  // which a test tells in about half the time of a replace that finds nothing.
  return SPACING.test(text) ? text.replace(/\s{2,}|[^\S ]/g, " ").trim() : text.trim();
}

// Matches where squash's replace would: a white-space character other than a space, or a space before white space.
const SPACING = /[^\S ]| \s/;
