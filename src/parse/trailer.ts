import type { Block, ExtraLine } from "./schema.ts";
import { looksLikeSubheading } from "./blocks.ts";
import { isBlank, type Line } from "./lines.ts";

/** Fields read from the sign-off lines at the end of an article. */
export interface Trailer {
  rubric: string | null;
  photoCredit: string | null;
  source: string | null;
  extra: ExtraLine[];
}

const PHOTO = /^(?:Photo|Photos|Photograph|Picture|Image|Фото|Снимка|Zdjęcie|Foto)\s*(?::|©|by\b)\s*(.+)$/iu;
const SOURCE = /^(?:Based on (?:materials|reports) (?:from|of)|According to materials from|По материалам|По информации|Source:|Sources:|Источник:|Джерело:|Източник:|Źródło:|Zdroj:|Vir:)\s*\S/iu;
const REUTER = /^(?:Reuter|REUTER|Reuters)$/u;
const REUTER_TAIL = /\S\s{2,}(REUTER|Reuter)\s*$/u;
// Outside the function: tsx compiles a literal with property escapes to a `new RegExp` call on every call.
const RUBRIC_START = /^[\p{Lu}\p{N}"«“]/u;

/**
 * Takes the sign-off off the end of the body: a Reuters `Reuter` line (or one at the end of the last line),
 * and TASS-style trailers: a photo credit (`Photo: …`), a source line (`Based on materials from …`)
 * and, before them, a rubric line. Only stand-alone lines at the very end are read, so body text is never taken.
 * Mutates `blocks`; a labelled line is also kept as written in `extra` so no word of it is lost.
 */
export function takeTrailer(blocks: Block[]): Trailer {
  const trailer: Trailer = { rubric: null, photoCredit: null, source: null, extra: [] };
  const last = blocks[blocks.length - 1];
  if (last !== undefined && last.type === "paragraph") {
    if (REUTER.test(last.text)) {
      trailer.source = last.text;
      blocks.pop();
      return trailer;
    }
  }
  let found = false;
  while (blocks.length > 0) {
    const block = blocks[blocks.length - 1]!;
    if (block.type === "preformatted" || block.text.length > 200) break;
    const photo = PHOTO.exec(block.text);
    if (photo !== null && trailer.photoCredit === null) {
      trailer.photoCredit = photo[1]!.trim();
      trailer.extra.unshift({ line: block.line, text: block.text, kind: "photo-credit" });
    } else if (SOURCE.test(block.text) && trailer.source === null) {
      trailer.source = block.text;
    } else if (found && trailer.rubric === null && looksLikeRubric(block.text)) {
      trailer.rubric = block.text;
    } else break;
    found = true;
    blocks.pop();
  }
  return trailer;
}

function looksLikeRubric(text: string): boolean {
  return looksLikeSubheading(text) || (RUBRIC_START.test(text) && text.length <= 80 && !/[.!?]$/u.test(text));
}

/**
 * Splits a Reuters sign-off written at the end of the last line (`total 55.8 (33.7).        REUTER`)
 * off that line. Returns the lines to build the body from and the sign-off, or null.
 */
export function splitReuterTail(lines: readonly Line[]): { lines: readonly Line[]; signOff: string | null } {
  let last = lines.length - 1;
  while (last >= 0 && isBlank(lines[last]!.text)) last -= 1;
  if (last < 0) return { lines, signOff: null };
  const line = lines[last]!;
  // Look only at the end of the line: a 10 MB line costs nothing here.
  const end = line.text.slice(-40);
  const m = REUTER_TAIL.exec(end);
  if (m === null) return { lines, signOff: null };
  const cut = line.text.length - end.length + m.index + 1;
  const copy = lines.slice();
  copy[last] = { n: line.n, text: line.text.slice(0, cut) };
  return { lines: copy, signOff: m[1]! };
}
