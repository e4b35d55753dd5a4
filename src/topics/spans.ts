/**
 * Candidate spans: runs of capitalised words (with the small words names contain), acronyms and model numbers,
 * found in one block of text by a single regular-expression pass. No part-of-speech model: fast by design.
 */
import { NAME_CONNECTORS, STOP_WORDS } from "./words.ts";

/** One token of a span, with its offset in the block. */
export interface SpanToken {
  readonly text: string;
  readonly offset: number;
}

/** A run of capitalised words, with the context the classifier reads. */
export interface Span {
  readonly tokens: readonly SpanToken[];
  /** The lowercase words just before the span (nearest last), for cues such as "spokesman". */
  readonly before: readonly string[];
  /** The word just after the span, lowercased ("said"). */
  readonly after: string;
  /** An acronym in brackets right after the span: "United Nations Educational ... Organization (UNESCO)". */
  readonly definedAs: string | null;
}

const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&-]*|[.!?;:,()"“”«»—–]/gu;
const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "prof", "capt", "maj", "sgt", "rev", "mt", "ft"]);
const SENTENCE_END = new Set([".", "!", "?", ";", ":", "—", "–"]);

/**
 * Finds the candidate spans of one block.
 * @param text the block's text
 * @param lowercaseWords words met in lowercase anywhere in the article, to drop sentence-initial ordinary words
 */
export function findSpans(text: string, lowercaseWords: ReadonlySet<string>): Span[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], offset: m.index }));
  const spans: Span[] = [];
  let sentenceStart = true;
  let i = 0;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    if (!isCapitalised(tok.text)) {
      if (SENTENCE_END.has(tok.text)) sentenceStart = !ABBREVIATIONS.has(lower(tokens[i - 1]?.text ?? ""));
      else if (!/^["“”«»(]$/u.test(tok.text)) sentenceStart = false;
      i += 1;
      continue;
    }
    const run: SpanToken[] = [tok];
    let j = i + 1;
    while (j < tokens.length) {
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
    if (sentenceStart) {
      while (run.length > 0 && isOrdinaryStart(run[0]!.text, lowercaseWords)) run.shift();
    }
    while (run.length > 0 && STOP_WORDS.has(lower(run[run.length - 1]!.text))) run.pop();
    while (run.length > 0 && STOP_WORDS.has(lower(run[0]!.text)) && !isAcronymLike(run[0]!.text)) run.shift();
    if (run.length > 0) {
      const before: string[] = [];
      for (let b = i - 1; b >= 0 && before.length < 2 && /^\p{Ll}/u.test(tokens[b]!.text); b -= 1) before.push(tokens[b]!.text);
      const acr = tokens[j]?.text === "(" && tokens[j + 2]?.text === ")" && isAcronymLike(tokens[j + 1]!.text) ? tokens[j + 1]!.text : null;
      spans.push({ tokens: run, before, after: lower(tokens[j]?.text ?? ""), definedAs: acr });
    }
    sentenceStart = false;
    i = j;
  }
  return spans;
}

/** Words of a text in lowercase, for {@link findSpans}. */
export function lowercaseWordsOf(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) words.add(m[0]);
  return words;
}

/** Removes a possessive ending: "Ankara's" -> "Ankara". */
export function stripPossessive(text: string): string {
  return text.replace(/['’]s?$/u, "");
}

function isCapitalised(text: string): boolean {
  return /^\p{Lu}/u.test(text) || /^\d+-?\p{Lu}/u.test(text);
}

function endsPossessive(text: string): boolean {
  return /['’]s?$/u.test(text);
}

function isAcronymLike(text: string): boolean {
  return /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\d&-]{1,7}$/u.test(text);
}

function isOrdinaryStart(text: string, lowercaseWords: ReadonlySet<string>): boolean {
  const l = lower(stripPossessive(text));
  return STOP_WORDS.has(l) || (lowercaseWords.has(l) && !isAcronymLike(text));
}

function lower(text: string): string {
  return text.toLowerCase();
}
