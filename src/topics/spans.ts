/**
 * Candidate spans: runs of capitalised words (with the small words names contain), acronyms and model numbers,
 * found in the tokens of one block (see `tokenize.ts`) in a single pass. No part-of-speech model: fast by design.
 */
import { startsLower } from "./normalise.ts";
import { CAPITALISED, COMMA, lengthOf, letterOf, LOWERCASE, NO_LETTER, OPENER, SENTENCE_END } from "./tokenize.ts";
import type { SpanToken, Tokens } from "./tokenize.ts";
import { NAME_CONNECTORS, STOP_WORDS } from "./words.ts";

export type { SpanToken } from "./tokenize.ts";

/** A run of capitalised words, with the context the classifier reads. */
export interface Span {
  readonly tokens: readonly SpanToken[];
  /** The lowercase words just before the span (nearest last), for cues such as "spokesman". */
  readonly before: readonly string[];
  /** The word just after the span, lowercased ("said"). */
  readonly after: string;
  /** An acronym in brackets right after the span: "United Nations Educational ... Organization (UNESCO)". */
  readonly definedAs: string | null;
  /**
   * The first token starts a sentence and is an ordinary word ("New", "Another"): drop it unless it begins a known name.
   * Set once the whole article is read (see {@link SentenceStarts}).
   */
  ordinaryFirst: boolean;
}

const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "prof", "capt", "maj", "sgt", "rev", "mt", "ft"]);
/** Longest run of capitalised words kept together: no name is longer. */
const MAX_SPAN = 12;

/**
 * Finds the candidate spans of one block.
 * @param tokens the block's tokens (see `tokenize`)
 * @param starts the article's spans at a sentence start, whose first word is told from a name once every block is read
 */
export function findSpans(tokens: Tokens, starts: SentenceStarts): Span[] {
  // Most tokens are read by their kind alone (see `tokenize`), never as text.
  const { texts, offsets, kinds } = tokens;
  const spans: Span[] = [];
  let sentenceStart = true;
  let i = 0;
  while (i < texts.length) {
    const kind = kinds[i]!;
    if ((kind & CAPITALISED) === 0) {
      // Reads stay inside the arrays (a read past an end makes the compiled code start over).
      if ((kind & SENTENCE_END) !== 0) sentenceStart = i === 0 || !isAbbreviation(texts[i - 1]!);
      else if ((kind & OPENER) === 0) sentenceStart = false;
      i += 1;
      continue;
    }
    const text = texts[i]!;
    // The run is the tokens from `i` to `j` (exclusive); they are made objects only once the span is kept.
    let j = i + 1;
    while (j < texts.length && j - i < MAX_SPAN) {
      if ((kinds[j]! & CAPITALISED) !== 0 && !endsPossessive(texts[j - 1]!)) {
        j += 1;
        continue;
      }
      const t = texts[j]!;
      if (NAME_CONNECTORS.has(t) || (t === "the" && texts[j - 1] === "of") || t === "&") {
        const k = j + (j + 1 < texts.length && texts[j + 1] === "the" ? 1 : 0);
        if (k + 1 < texts.length && (kinds[k + 1]! & CAPITALISED) !== 0) j = k + 1;
        else break;
      } else break;
    }
    let first = i;
    let end = j;
    while (end > first && isStopWord(texts[end - 1]!) && !isAcronymLike(texts[end - 1]!)) end -= 1;
    // A single token left was just read by the loop above.
    while (end - first > 1 && isStopWord(texts[first]!) && !isAcronymLike(texts[first]!)) first += 1;
    if (end > first) {
      const run: SpanToken[] = [];
      for (let m = first; m < end; m += 1) run.push({ text: texts[m]!, offset: offsets[m]! });
      const before: string[] = [];
      for (let b = i - 1; b >= 0 && before.length < 2 && startsLower(texts[b]!); b -= 1) before.push(texts[b]!);
      const acr = j + 2 < texts.length && texts[j] === "(" && texts[j + 2] === ")" && isAcronymLike(texts[j + 1]!) ? texts[j + 1]! : null;
      const span: Span = { tokens: run, before, after: j < texts.length ? lower(texts[j]!) : "", definedAs: acr, ordinaryFirst: false };
      spans.push(span);
      if (sentenceStart && first === i) starts.ask(span, text);
    }
    sentenceStart = false;
    i = j;
  }
  return spans;
}

/**
 * The spans of an article that start a sentence, and whether each one's first word is an ordinary word there: a stop
 * word, a word the article also writes in lowercase, or a common word it never capitalises inside a sentence. Those
 * facts need the whole article, so the spans ask while their blocks are read and are answered in one pass at the end
 * that looks only at the words asked about (building sets of every word of the article cost more than finding spans).
 */
export class SentenceStarts {
  private readonly spans: Span[] = [];
  /** The lowercase word each span asks about, by the span's index. */
  private readonly asked: string[] = [];
  /** The words asked about. */
  private readonly words = new Set<string>();

  /** @param common common English words */
  constructor(private readonly common: ReadonlySet<string>) {}

  /** Asks whether the span's first token (`text`, at a sentence start) is an ordinary word; answered by `resolve`. */
  ask(span: Span, text: string): void {
    if (isAcronymLike(text)) return;
    const l = lower(stripPossessive(text));
    if (STOP_WORDS.has(l)) {
      span.ordinaryFirst = true;
      return;
    }
    this.spans.push(span);
    this.asked.push(l);
    this.words.add(l);
  }

  /**
   * Answers the spans asked about: a word is ordinary when a token of the article is that word as written in lowercase,
   * or when it is a common word and no token inside a sentence (after a comma or a lowercase word) is it capitalised.
   * @param blocks the tokens of the headline and blocks
   */
  resolve(blocks: readonly Tokens[]): void {
    if (this.spans.length === 0) return;
    const words = this.words;
    // Which lengths (bit 31: 31 or more) of words asked about start with each ASCII lowercase letter, and which
    // letters start any: most tokens are ruled out without a look-up.
    const lengths = LENGTHS.fill(0);
    let letters = 0;
    for (const w of words) {
      const c = w.charCodeAt(0) - 97;
      if (c < 0 || c >= 26) continue;
      lengths[c]! |= 1 << Math.min(w.length, 31);
      letters |= 1 << c;
    }
    const lowercase = new Set<string>();
    const capitalisedInside = new Set<string>();
    // Tokens are read by their kinds (first letter, length): only the few that may be a word asked about are read.
    for (const { texts, kinds } of blocks) {
      for (let i = 0; i < kinds.length; i += 1) {
        const kind = kinds[i]!;
        if ((kind & LOWERCASE) !== 0) {
          if (((lengths[letterOf(kind)]! >>> lengthOf(kind)) & 1) !== 0 && words.has(texts[i]!)) lowercase.add(texts[i]!);
        } else if ((kind & CAPITALISED) !== 0 && i > 0 && (letterOf(kind) === NO_LETTER || ((letters >>> letterOf(kind)) & 1) !== 0)) {
          // Inside a sentence: after a comma or a word in lowercase.
          if ((kinds[i - 1]! & (COMMA | LOWERCASE)) !== 0) {
            const l = texts[i]!.toLowerCase();
            if (words.has(l)) capitalisedInside.add(l);
          }
        }
      }
    }
    for (let k = 0; k < this.spans.length; k += 1) {
      const l = this.asked[k]!;
      this.spans[k]!.ordinaryFirst = lowercase.has(l) || (this.common.has(l) && !capitalisedInside.has(l));
    }
  }
}

/** The lengths by first letter `resolve` fills, made once (a typed array is slow to allocate). */
const LENGTHS = new Int32Array(26);

/** Removes a possessive ending: "Ankara's" -> "Ankara" (`/['’]s?$/u`, read from the last two characters). */
export function stripPossessive(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const last = text.charCodeAt(n - 1);
  if (last === 39 || last === 0x2019) return text.slice(0, n - 1);
  if (last !== 115 || n === 1) return text;
  const before = text.charCodeAt(n - 2);
  return before === 39 || before === 0x2019 ? text.slice(0, n - 2) : text;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Ends in an apostrophe, or an apostrophe and "s" ("Ankara's", "Reuters'"). */
function endsPossessive(text: string): boolean {
  let last = text.charCodeAt(text.length - 1);
  if (last === 115 && text.length > 1) last = text.charCodeAt(text.length - 2);
  return last === 39 || last === 0x2019;
}

const ACRONYM_LIKE = /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&-]{1,7}$/u;

/** `ACRONYM_LIKE`, ASCII read without it: "U.S.", "NATO", "S-400", "AT&T". */
function isAcronymLike(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i += 1) if (text.charCodeAt(i) >= 128) return ACRONYM_LIKE.test(text);
  if (!isAsciiCapital(text.charCodeAt(0))) return false;
  if (n > 1 && text.charCodeAt(1) === 46) {
    // Capitals each followed by a dot, two or more.
    if (n < 4 || n % 2 !== 0) return false;
    for (let i = 0; i < n; i += 2) if (!isAsciiCapital(text.charCodeAt(i)) || text.charCodeAt(i + 1) !== 46) return false;
    return true;
  }
  if (n < 2 || n > 8) return false;
  for (let i = 1; i < n; i += 1) {
    const c = text.charCodeAt(i);
    if (!isAsciiCapital(c) && !isDigit(c) && c !== 38 && c !== 45) return false;
  }
  return true;
}

function isAsciiCapital(c: number): boolean {
  return c >= 65 && c <= 90;
}

/**
 * The lengths (bit 31: 31 or more) of a list's words by their first letter (0 for "a"), for lists of lowercase ASCII
 * words: a word whose lowercase is in such a list is ASCII letters (or the Kelvin sign, lowercased to "k") and
 * punctuation, each lowercased to one character, so its length and first letter rule most words out without a copy.
 */
function lengthsByLetter(words: ReadonlySet<string>): Int32Array {
  const table = new Int32Array(26);
  for (const w of words) {
    const c = w.charCodeAt(0) - 97;
    // A word of another shape could not be ruled out by the table: every length is allowed for every letter.
    if (c < 0 || c >= 26 || w !== w.toLowerCase()) return table.fill(-1);
    table[c]! |= 1 << Math.min(w.length, 31);
  }
  return table;
}

/** Whether the lowercase of `text` may be in the list `table` was made from (see `lengthsByLetter`). */
function mayBeIn(table: Int32Array, text: string): boolean {
  const c = text.charCodeAt(0);
  const letter = c >= 65 && c <= 90 ? c - 65 : c >= 97 && c <= 122 ? c - 97 : c === 0x212a ? 10 : -1;
  if (letter < 0) return table[0] === -1;
  return ((table[letter]! >>> Math.min(text.length, 31)) & 1) !== 0;
}

const STOP_WORD_LENGTHS = lengthsByLetter(STOP_WORDS);
const ABBREVIATION_LENGTHS = lengthsByLetter(ABBREVIATIONS);

function isStopWord(text: string): boolean {
  return mayBeIn(STOP_WORD_LENGTHS, text) && STOP_WORDS.has(lower(text));
}

function isAbbreviation(text: string): boolean {
  return mayBeIn(ABBREVIATION_LENGTHS, text) && ABBREVIATIONS.has(lower(text));
}

function lower(text: string): string {
  return text.toLowerCase();
}
