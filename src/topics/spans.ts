/**
 * Candidate spans: runs of capitalised words (with the small words names contain), acronyms and model numbers,
 * found in the tokens of one block (see `tokenize.ts`) in a single pass. No part-of-speech model: fast by design.
 */
import { startsLower } from "./normalise.ts";
import type { SpanToken } from "./tokenize.ts";
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
  /** Words met in lowercase anywhere in the article. */
  readonly lowercase: ReadonlySet<string>;
  /** Capitalised words met inside a sentence (so names, even when they are also common words). */
  readonly capitalisedInside: ReadonlySet<string>;
  /** Common English words. */
  readonly common: ReadonlySet<string>;
}

/**
 * Finds the candidate spans of one block.
 * @param tokens the block's tokens (see {@link tokenize})
 * @param words what the article says about its words (see {@link wordContext})
 */
export function findSpans(tokens: readonly SpanToken[], words: WordContext): Span[] {
  const spans: Span[] = [];
  let sentenceStart = true;
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (!isCapitalised(tok.text)) {
      if (SENTENCE_END.has(tok.text)) sentenceStart = !ABBREVIATIONS.has(lower(tokens[i - 1]?.text ?? ""));
      else if (!OPENERS.has(tok.text)) sentenceStart = false;
      i += 1;
      continue;
    }
    const run: SpanToken[] = [tok];
    let j = i + 1;
    while (j < tokens.length && run.length < MAX_SPAN) {
      const t = tokens[j]!;
      if (isCapitalised(t.text) && !endsPossessive(run[run.length - 1]!.text)) {
        run.push(t);
        j += 1;
      } else if (NAME_CONNECTORS.has(t.text) || (t.text === "the" && run[run.length - 1]?.text === "of") || t.text === "&") {
        const k = j + (tokens[j + 1]?.text === "the" ? 1 : 0);
        if (k + 1 < tokens.length && isCapitalised(tokens[k + 1]!.text)) {
          for (let m = j; m <= k; m += 1) run.push(tokens[m]!);
          j = k + 1;
        } else break;
      } else break;
    }
    while (run.length > 0 && STOP_WORDS.has(lower(run[run.length - 1]!.text)) && !isAcronymLike(run[run.length - 1]!.text)) run.pop();
    while (run.length > 0 && STOP_WORDS.has(lower(run[0]!.text)) && !isAcronymLike(run[0]!.text)) run.shift();
    const ordinaryFirst = sentenceStart && run[0] === tok && isOrdinaryStart(tok.text, words);
    if (run.length > 0) {
      const before: string[] = [];
      for (let b = i - 1; b >= 0 && before.length < 2 && startsLower(tokens[b]!.text); b -= 1) before.push(tokens[b]!.text);
      const acr = tokens[j]?.text === "(" && tokens[j + 2]?.text === ")" && isAcronymLike(tokens[j + 1]!.text) ? tokens[j + 1]!.text : null;
      spans.push({ tokens: run, before, after: lower(tokens[j]?.text ?? ""), definedAs: acr, ordinaryFirst });
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
export function wordContext(blocks: readonly (readonly SpanToken[])[], common: ReadonlySet<string>): WordContext {
  const lowercase = new Set<string>();
  const capitalisedInside = new Set<string>();
  for (const tokens of blocks) {
    for (let i = 0; i < tokens.length; i += 1) {
      const t = tokens[i]!.text;
      const c = t.charCodeAt(0);
      if (c >= 97 && c <= 122) lowercase.add(t);
      else if (isCapitalised(t) && i > 0) {
        const prev = tokens[i - 1]!.text;
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

function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128 && !(c >= 48 && c <= 57)) return false;
  return /^\p{Lu}/u.test(text) || /^\d+-?\p{Lu}/u.test(text);
}

function endsPossessive(text: string): boolean {
  return /['’]s?$/u.test(text);
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
