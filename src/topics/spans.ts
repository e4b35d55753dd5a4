/**
 * Candidate spans: runs of capitalised words (with the small words names contain), acronyms and model numbers,
 * found in the tokens of one block (see `tokenize.ts`) in a single pass. No part-of-speech model: fast by design.
 */
import { startsLower } from "./normalise.ts";
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
  /** The first token starts a sentence and is an ordinary word ("New", "Another"): drop it unless it begins a known name. */
  readonly ordinaryFirst: boolean;
}

const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "prof", "capt", "maj", "sgt", "rev", "mt", "ft"]);
/** Longest run of capitalised words kept together: no name is longer. */
const MAX_SPAN = 12;
const OPENERS = new Set(['"', "“", "”", "«", "»", "("]);
const SENTENCE_END = new Set([".", "!", "?", ";", ":", "—", "–"]);

/** What the article as a whole says about words, to tell a sentence's first word from a name. */
export interface WordContext {
  /**
   * Words met in lowercase anywhere in the article, of those a capitalised word of the article could be in lowercase
   * (the same first letter and length): the only ones asked about.
   */
  readonly lowercase: ReadonlySet<string>;
  /** Capitalised words met inside a sentence (so names, even when they are also common words). */
  readonly capitalisedInside: ReadonlySet<string>;
  /** Common English words. */
  readonly common: ReadonlySet<string>;
}

/**
 * Finds the candidate spans of one block.
 * @param tokens the block's tokens (see `tokenize`)
 * @param words what the article says about its words (see {@link wordContext})
 */
export function findSpans(tokens: Tokens, words: WordContext): Span[] {
  const { texts, offsets } = tokens;
  const spans: Span[] = [];
  let sentenceStart = true;
  let i = 0;
  while (i < texts.length) {
    const text = texts[i]!;
    if (!isCapitalised(text)) {
      // Both sets hold single characters: a longer token is a word, not worth two look-ups.
      if (text.length === 1 && SENTENCE_END.has(text)) sentenceStart = !ABBREVIATIONS.has(lower(texts[i - 1] ?? ""));
      else if (text.length !== 1 || !OPENERS.has(text)) sentenceStart = false;
      i += 1;
      continue;
    }
    // The run is the tokens from `i` to `j` (exclusive); they are made objects only once the span is kept.
    let j = i + 1;
    while (j < texts.length && j - i < MAX_SPAN) {
      const t = texts[j]!;
      if (isCapitalised(t) && !endsPossessive(texts[j - 1]!)) j += 1;
      else if (NAME_CONNECTORS.has(t) || (t === "the" && texts[j - 1] === "of") || t === "&") {
        const k = j + (texts[j + 1] === "the" ? 1 : 0);
        if (k + 1 < texts.length && isCapitalised(texts[k + 1]!)) j = k + 1;
        else break;
      } else break;
    }
    let first = i;
    let end = j;
    while (end > first && STOP_WORDS.has(lower(texts[end - 1]!)) && !isAcronymLike(texts[end - 1]!)) end -= 1;
    // A single token left was just read by the loop above.
    while (end - first > 1 && STOP_WORDS.has(lower(texts[first]!)) && !isAcronymLike(texts[first]!)) first += 1;
    const ordinaryFirst = sentenceStart && first === i && end > first && isOrdinaryStart(text, words);
    if (end > first) {
      const run: SpanToken[] = [];
      for (let m = first; m < end; m += 1) run.push({ text: texts[m]!, offset: offsets[m]! });
      const before: string[] = [];
      for (let b = i - 1; b >= 0 && before.length < 2 && startsLower(texts[b]!); b -= 1) before.push(texts[b]!);
      const acr = texts[j] === "(" && texts[j + 2] === ")" && isAcronymLike(texts[j + 1]!) ? texts[j + 1]! : null;
      spans.push({ tokens: run, before, after: lower(texts[j] ?? ""), definedAs: acr, ordinaryFirst });
    }
    sentenceStart = false;
    i = j;
  }
  return spans;
}

/**
 * The word context of an article, for {@link findSpans}.
 * @param blocks the tokens of the headline and blocks
 * @param common common English words
 */
export function wordContext(blocks: readonly Tokens[], common: ReadonlySet<string>): WordContext {
  const lowercase = new Set<string>();
  const capitalisedInside = new Set<string>();
  for (const { texts } of blocks) {
    for (let i = 0; i < texts.length; i += 1) {
      const t = texts[i]!;
      const c = t.charCodeAt(0);
      if (c >= 97 && c <= 122) lowercase.add(t);
      else if (isCapitalised(t) && i > 0) {
        const prev = texts[i - 1]!;
        const p = prev.charCodeAt(0);
        if (prev === "," || (p >= 97 && p <= 122)) capitalisedInside.add(t.toLowerCase());
      }
    }
  }
  return { lowercase, capitalisedInside, common };
}

/** Removes a possessive ending: "Ankara's" -> "Ankara". */
export function stripPossessive(text: string): string {
  return text.includes("'") || text.includes("’") ? text.replace(/['’]s?$/u, "") : text;
}

/** A capital first, or digits then a capital ("9-K", "3M"): `/^\p{Lu}|^\d+-?\p{Lu}/u`, ASCII read without it. */
function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 48 && c <= 57) {
    let k = 1;
    while (isDigit(text.charCodeAt(k))) k += 1;
    if (text.charCodeAt(k) === 45) k += 1;
    const d = text.charCodeAt(k);
    if (d >= 65 && d <= 90) return true;
    return d >= 128 && /^\p{Lu}/u.test(text.slice(k));
  }
  return c >= 128 && /^\p{Lu}/u.test(text);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Ends in an apostrophe, or an apostrophe and "s" ("Ankara's", "Reuters'"). */
function endsPossessive(text: string): boolean {
  let last = text.charCodeAt(text.length - 1);
  if (last === 115) last = text.charCodeAt(text.length - 2);
  return last === 39 || last === 0x2019;
}

function isAcronymLike(text: string): boolean {
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&-]{1,7}$/u.test(text);
}

function isOrdinaryStart(text: string, words: WordContext): boolean {
  if (isAcronymLike(text)) return false;
  const l = lower(stripPossessive(text));
  return STOP_WORDS.has(l) || words.lowercase.has(l) || (words.common.has(l) && !words.capitalisedInside.has(l));
}

function lower(text: string): string {
  return text.toLowerCase();
}
