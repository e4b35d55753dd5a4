/**
 * The word and punctuation tokens of a block, by a hand-written scanner: it runs over every character of every
 * article, and a character-class table read there is cheaper than a Unicode regular expression whose every match
 * allocates a match array (the tokens are the same: see the tests).
 */

/** One token of a block, with its offset in the block. */
export interface SpanToken {
  readonly text: string;
  readonly offset: number;
}

/** The tokens of a block as arrays, texts, offsets and kinds: no object per token (a block has hundreds). */
export interface Tokens {
  readonly texts: readonly string[];
  readonly offsets: readonly number[];
  /**
   * What span finding asks of each token, read while it is scanned so that most tokens are never read again:
   * the bits `CAPITALISED`, `LOWERCASE`, `SENTENCE_END`, `OPENER`, `COMMA`, then its length and first letter
   * (`lengthOf`, `letterOf`).
   */
  readonly kinds: readonly number[];
}

/** A capital first, or digits then a capital ("9-K", "3M"): `/^\p{Lu}|^\d+-?\p{Lu}/u`. */
export const CAPITALISED = 1;
/** An ASCII lowercase letter first. */
export const LOWERCASE = 2;
/** One of `.!?;:—–`. */
export const SENTENCE_END = 4;
/** One of `"“”«»(`. */
export const OPENER = 8;
/** A comma. */
export const COMMA = 16;
/** `letterOf` a token whose first character is no ASCII letter. */
export const NO_LETTER = 31;

/** A token's length from its kind, 31 for 31 or more. */
export function lengthOf(kind: number): number {
  return (kind >>> 5) & 31;
}

/** A token's first letter from its kind: 0 for "a" or "A" ... 25 for "z" or "Z", `NO_LETTER` for any other. */
export function letterOf(kind: number): number {
  return (kind >>> 10) & 31;
}

/**
 * Splits a block into tokens, exactly as the regular expression
 * `/(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&-]*|[.!?;:,()"“”«»—–]/gu` would match them: initialisms
 * ("U.S."), words (letters and digits, then also marks, apostrophes, `&` and `-`), and one-character punctuation
 * marks; any other character separates tokens.
 * @param text the block's text
 */
export function tokenize(text: string): Tokens {
  const texts: string[] = [];
  const offsets: number[] = [];
  const kinds: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const f = c < 128 ? ASCII[c]! : flagsAt(text, i);
    const width = c >= 0xd800 && c <= 0xdbff && f !== 0 ? 2 : 1;
    // Every read is inside the text: a read past its end makes the compiled scanner start over (a deoptimisation).
    if ((f & UPPER) !== 0 && i + width < n && text.charCodeAt(i + width) === DOT) {
      // An initialism needs two capitals each followed by a dot; "U.S" falls through to a word ("U").
      let j = i + width + 1;
      let pairs = 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        const g = d < 128 ? ASCII[d]! : flagsAt(text, j);
        const w = d >= 0xd800 && d <= 0xdbff && g !== 0 ? 2 : 1;
        if ((g & UPPER) === 0 || j + w >= n || text.charCodeAt(j + w) !== DOT) break;
        j += w + 1;
        pairs += 1;
      }
      if (pairs >= 2) {
        texts.push(text.slice(i, j));
        offsets.push(i);
        kinds.push(wordKind(c, CAPITALISED, j - i));
        i = j;
        continue;
      }
    }
    if ((f & START) !== 0) {
      let j = i + width;
      while (j < n) {
        const d = text.charCodeAt(j);
        const g = d < 128 ? ASCII[d]! : flagsAt(text, j);
        if ((g & CONTINUE) === 0) break;
        j += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
      }
      const word = text.slice(i, j);
      texts.push(word);
      offsets.push(i);
      kinds.push(wordKind(c, (f & UPPER) !== 0 || (c >= 48 && c <= 57 && capitalisedAfterDigits(word)) ? CAPITALISED : 0, j - i));
      i = j;
    } else if ((f & PUNCTUATION) !== 0) {
      texts.push(text[i]!);
      offsets.push(i);
      kinds.push(MARK_KINDS.get(c)! | (1 << 5) | (NO_LETTER << 10));
      i += 1;
    } else i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return { texts, offsets, kinds };
}

/** The kind of a word or initialism starting with the code unit `c`. */
function wordKind(c: number, capitalised: number, length: number): number {
  const lower = c >= 97 && c <= 122;
  const letter = lower ? c - 97 : c >= 65 && c <= 90 ? c - 65 : NO_LETTER;
  return capitalised | (lower ? LOWERCASE : 0) | (Math.min(length, 31) << 5) | (letter << 10);
}

/** Digits, a hyphen or none, then a capital ("9-K", "3M"); the word starts with a digit. */
function capitalisedAfterDigits(word: string): boolean {
  let k = 1;
  while (k < word.length && word.charCodeAt(k) >= 48 && word.charCodeAt(k) <= 57) k += 1;
  if (k < word.length && word.charCodeAt(k) === 45) k += 1;
  if (k >= word.length) return false;
  const d = word.charCodeAt(k);
  if (d >= 65 && d <= 90) return true;
  return d >= 128 && STARTS_UPPER.test(word.slice(k));
}

/** Made once: tsx compiles a literal with a Unicode property escape inside a function to a new `RegExp` on every call. */
const STARTS_UPPER = /^\p{Lu}/u;
const DOT = 46;
/** \p{Lu} */
const UPPER = 1;
/** [\p{L}\p{N}]: may start a word. */
const START = 2;
/** [\p{L}\p{M}\p{N}'’&-]: may continue a word. */
const CONTINUE = 4;
/** [.!?;:,()"“”«»—–]: a token of its own. */
const PUNCTUATION = 8;

const PUNCTUATION_MARKS = '.!?;:,()"“”«»—–';
const CONTINUE_MARKS = "'’&-";

/** The flags of a code point, from the regular expressions the tokenizer stands for. */
function classOf(char: string): number {
  let f = 0;
  if (/^\p{Lu}$/u.test(char)) f |= UPPER;
  if (/^[\p{L}\p{N}]$/u.test(char)) f |= START;
  if (/^[\p{L}\p{M}\p{N}]$/u.test(char) || CONTINUE_MARKS.includes(char)) f |= CONTINUE;
  if (PUNCTUATION_MARKS.includes(char)) f |= PUNCTUATION;
  return f;
}

const ASCII = Uint8Array.from({ length: 128 }, (_, c) => classOf(String.fromCharCode(c)));
/** Flags of the Basic Multilingual Plane, filled on first sight of each character; 0xff: not yet known. */
const BMP = new Uint8Array(0x10000).fill(0xff);
const ASTRAL = new Map<number, number>();

/** The flags of the code point at `i` (a surrogate pair is one code point, a lone surrogate has no class). */
function flagsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
    const cp = text.codePointAt(i)!;
    let f = ASTRAL.get(cp);
    if (f === undefined) {
      f = classOf(String.fromCodePoint(cp));
      ASTRAL.set(cp, f);
    }
    return f;
  }
  let f = BMP[c]!;
  if (f === 0xff) {
    f = classOf(String.fromCharCode(c));
    BMP[c] = f;
  }
  return f;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** The kinds of the punctuation marks that are tokens. */
const MARK_KINDS = new Map<number, number>();
for (const mark of PUNCTUATION_MARKS) {
  MARK_KINDS.set(mark.charCodeAt(0), ".!?;:—–".includes(mark) ? SENTENCE_END : '"“”«»('.includes(mark) ? OPENER : mark === "," ? COMMA : 0);
}

/**
 * Type feedback for every path of the scanner, gathered as the module loads (a fraction of a millisecond): compiled
 * before an article reached a rare path (an initialism of accented or astral capitals, digits then a capital, a lone
 * surrogate), the scanner was deoptimised there and compiled again, several times per process. Twelve times, as
 * V8 gives a function its feedback vector only after its first eight calls.
 */
const WARM_UP = "U.S. U.É.Ж. É.U. 𝐀.𝐁. 3M 9-K 1-a 3É 12 Ж «x» “y” (z), a; b: c! d? e– f— 𝐀𝐛 😀 x\u0301y AT&T '’&- \ud800A.\udc00B. ǅungla";
for (let i = 0; i < 12; i += 1) tokenize(WARM_UP);
