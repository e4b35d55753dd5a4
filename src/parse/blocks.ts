import { readDateLine } from "./dates.ts";
import type { Block } from "./schema.ts";
import { isBlank, squash, type Line } from "./lines.ts";

// A line with a gap of three or more spaces (or a tab) between two non-blank characters: a column layout.
const COLUMN_GAP = /\S(?: {3,}|\t)\S/;
// Wrapped text wider than this is not hard-wrapped: each line is its own paragraph.
const MAX_WRAP_WIDTH = 100;
// Patterns with Unicode property escapes live here, not in the functions: tsx compiles each such literal to a
// `new RegExp` call, which would build the pattern again on every call.
const HYPHENATED = /\p{L}-$/u;
const LABEL = /^\p{L}+:\S/u;
const STARTS_UPPER = /^[\p{Lu}\p{N}]/u;
const LETTER = /\p{L}/u;

/**
 * Builds body blocks from plain-text lines by their layout alone (never Markdown):
 * blank lines separate paragraphs; inside a run of lines, an indented line starts a paragraph
 * (Reuters layouts) and a line that was full when wrapped continues into the next (hard wrapping);
 * runs of column-aligned lines and of short numeric rows become `preformatted` blocks, line for line;
 * a short, unpunctuated line standing alone between paragraphs becomes a `heading`.
 */
export function buildBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  // Whether each block is a chunk's only line (only those can be headings).
  const alone: boolean[] = [];
  for (const chunk of splitChunks(lines)) {
    if (chunk.length === 1) {
      // One line is one paragraph: a table needs two column-aligned lines, a run of rows three.
      blocks.push(paragraph(chunk));
      alone.push(true);
    } else {
      for (const block of chunkBlocks(chunk)) {
        blocks.push(block);
        alone.push(false);
      }
    }
  }
  markHeadings(blocks, alone);
  return blocks;
}

function splitChunks(lines: readonly Line[]): Line[][] {
  const chunks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (isBlank(line.text)) {
      if (current.length > 0) chunks.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function chunkBlocks(chunk: readonly Line[]): Block[] {
  const out: Block[] = [];
  let prose: Line[] = [];
  const columns = chunk.map(hasColumnGap);
  for (let i = 0; i < chunk.length; i += 1) {
    // Two or more consecutive column-aligned lines are a table.
    if (columns[i]! && i + 1 < chunk.length && columns[i + 1]!) {
      let end = i;
      while (end + 1 < chunk.length && columns[end + 1]!) end += 1;
      out.push(...proseBlocks(prose));
      prose = [];
      out.push(preformatted(chunk.slice(i, end + 1)));
      i = end;
    } else prose.push(chunk[i]!);
  }
  out.push(...proseBlocks(prose));
  return out;
}

// The gap needs non-blank characters on both sides, so leading and trailing blanks never take part: no trim.
// Most lines hold neither three spaces in a row nor a tab, which two plain searches tell without the pattern.
function hasColumnGap(line: Line): boolean {
  const text = line.text;
  return (text.includes("   ") || text.includes("\t")) && COLUMN_GAP.test(text);
}

function proseBlocks(lines: readonly Line[]): Block[] {
  if (lines.length === 0) return [];
  const paragraphs = splitParagraphs(lines);
  const out: Block[] = [];
  for (let i = 0; i < paragraphs.length; ) {
    const end = rowRunEnd(paragraphs, i);
    if (end === i) {
      out.push(paragraph(paragraphs[i]!));
      i += 1;
      continue;
    }
    // A run of short rows: a table when at least half of them hold a figure, else plain paragraphs.
    const rows = paragraphs.slice(i, end);
    const numeric = rows.filter((p) => /\d/u.test(p[0]!.text)).length;
    if (rows.length >= 3 && numeric * 2 >= rows.length) out.push(preformatted(rows.map((p) => p[0]!)));
    else out.push(...rows.map(paragraph));
    i = end;
  }
  return out;
}

function splitParagraphs(lines: readonly Line[]): Line[][] {
  const indents = lines.map((line) => indentOf(line.text));
  const minIndent = indents.reduce((a, b) => Math.min(a, b), Infinity);
  const indentMarks = indents.some((n) => n > minIndent);
  const width = lines.reduce((a, line) => Math.max(a, line.text.trimEnd().length), 0);
  const paragraphs: Line[][] = [[lines[0]!]];
  for (let i = 1; i < lines.length; i += 1) {
    const previous = lines[i - 1]!.text;
    let joins: boolean;
    if (indentMarks) joins = indents[i] === minIndent;
    else if (width > MAX_WRAP_WIDTH) joins = false;
    else joins = previous.trimEnd().length + 1 + firstWordLength(lines[i]!.text) > width || /\s$/u.test(previous);
    if (joins) paragraphs[paragraphs.length - 1]!.push(lines[i]!);
    else paragraphs.push([lines[i]!]);
  }
  return paragraphs;
}

// End (exclusive) of the run of short one-line "rows" (Reuters earnings tables) starting at `start`;
// `start` itself when the paragraph there is no row.
function rowRunEnd(paragraphs: readonly Line[][], start: number): number {
  let end = start;
  while (end < paragraphs.length && isRow(paragraphs[end]!)) end += 1;
  return end;
}

function isRow(p: readonly Line[]): boolean {
  const text = p[0]!.text.trim();
  // Bulleted items are prose, not table rows.
  return p.length === 1 && text.length <= 60 && !/[.!?:;]$/u.test(text) && !/^[-*•–]\s/u.test(text);
}

function paragraph(lines: readonly Line[]): Block {
  const parts: string[] = [];
  let previous = "";
  for (const line of lines) {
    const part = line.text.trim();
    // A word hyphenated at the end of a line continues on the next without a space.
    if (parts.length > 0 && !HYPHENATED.test(previous.slice(-2))) parts.push(" ");
    parts.push(part);
    previous = part;
  }
  return { type: "paragraph", text: squash(parts.join("")), line: lines[0]!.n };
}

function preformatted(lines: readonly Line[]): Block {
  const indent = lines.reduce((a, line) => Math.min(a, indentOf(line.text)), Infinity);
  return { type: "preformatted", text: lines.map((line) => line.text.slice(indent).trimEnd()).join("\n"), line: lines[0]!.n };
}

// A stand-alone short line without closing punctuation, between two paragraphs, is a subheading.
function markHeadings(blocks: Block[], alone: readonly boolean[]): void {
  for (let i = 1; i + 1 < blocks.length; i += 1) {
    const block = blocks[i]!;
    const before = blocks[i - 1]!;
    const after = blocks[i + 1]!;
    if (!alone[i]! || block.type !== "paragraph" || before.type !== "paragraph" || after.type !== "paragraph") continue;
    // Prose on both sides: a run of short lines (a fixture list, an address) is not a heading.
    if (looksLikeSubheading(block.text) && /[.!?…"»”)]$/u.test(before.text) && !(alone[i + 1]! && looksLikeSubheading(after.text))) block.type = "heading";
  }
}

/** Whether a line reads as a subheading: short, starts with a letter or digit, no closing punctuation. */
export function looksLikeSubheading(text: string): boolean {
  if (text.length < 3 || text.length > 80) return false;
  if (text.split(" ").length > 8) return false;
  // One phrase: no sentence break inside, no `File:`-style label, no file name, and not a date line.
  if (/[.!?]\s/u.test(text) || LABEL.test(text) || /\.\w{2,4}$/u.test(text) || readDateLine(text) !== null) return false;
  return STARTS_UPPER.test(text) && !/[.,;:!?…]$/u.test(text) && LETTER.test(text);
}

function indentOf(text: string): number {
  let n = 0;
  while (n < text.length && (text[n] === " " || text[n] === "\t" || text[n] === "\u00a0")) n += 1;
  return n;
}

function firstWordLength(text: string): number {
  const trimmed = text.trimStart();
  const space = trimmed.search(/\s/u);
  return space === -1 ? trimmed.length : space;
}
