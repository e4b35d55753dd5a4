/** String keys shared by the topic modules: slugs and the folded keys names are compared by. */

/** Patterns with Unicode property escapes, made once: tsx compiles such a literal inside a function to a new `RegExp` on every call. */
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const TITLE_CASE = /^\p{Lu}\p{Ll}/u;

/**
 * ASCII slug of a name: transliterated through Unicode decomposition, lowercase, words joined by `-`.
 * @param text any name
 * @returns the slug, possibly empty for a name with no Latin letter or digit
 */
export function slugOf(text: string): string {
  // Memoised as `keyOf` is (it is pure): the assignment makes the slug of every entity of every article, mostly names
  // met before ("United States"), and a look-up costs less than the folding and two replaces.
  return remembered(slugs, text, computeSlug);
}

const slugs = new Map<string, string>();

function computeSlug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
}

/** The most texts a memo of this module keeps: it is emptied when full, so a long run's memory stays bounded. */
const MEMO_LIMIT = 100_000;

/** `make(text)`, from the memo when it holds the text. */
function remembered(memo: Map<string, string>, text: string, make: (text: string) => string): string {
  let value = memo.get(text);
  if (value === undefined) {
    if (memo.size > MEMO_LIMIT) memo.clear();
    value = make(text);
    memo.set(text, value);
  }
  return value;
}

/**
 * The key a name is looked up by: no diacritics, lowercase, no dots, one kind of apostrophe, single spaces,
 * no leading "the" ("the U.S." and "US" share `us`; "Erdoğan" and "Erdogan" share `erdogan`).
 * @param text a surface form
 */
export function keyOf(text: string): string {
  // Most names are plain ASCII words: no look-up table needed.
  if (isPlain(text)) return plainKey(text.toLowerCase());
  return remembered(keys, text, computeKey);
}

const keys = new Map<string, string>();

/**
 * `keyOf(word)` for a word whose lowercase the caller has already made: a plain word's key is that lowercase.
 * @param word a surface form
 * @param lower `word.toLowerCase()`
 */
export function keyOfWord(word: string, lower: string): string {
  return isPlain(word) ? plainKey(lower) : keyOf(word);
}

/**
 * `keyOf` without its memo, for names read once (the gazetteer's 135,000 cities would crowd out the article's names).
 * @param text a surface form
 */
export function keyOfOnce(text: string): string {
  return isPlain(text) ? plainKey(text.toLowerCase()) : computeKey(text);
}

/** The key of a plain name (see `isPlain`) from its lowercase: without a leading "the ". */
function plainKey(lower: string): string {
  return lower.startsWith("the ") ? lower.slice(4) : lower;
}

/** ASCII words of letters, digits and hyphens, one space between: `/^[A-Za-z0-9-]+(?: [A-Za-z0-9-]+)*$/u`, read without it. */
function isPlain(text: string): boolean {
  if (text.length === 0 || text.charCodeAt(text.length - 1) === 32) return false;
  let space = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return false;
      space = true;
    } else if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45) space = false;
    else return false;
  }
  return true;
}

function computeKey(text: string): string {
  return fold(text)
    .replace(/\./gu, "")
    .replace(/[’‘`]/gu, "'")
    .replace(/'s$/u, "")
    .replace(/[\s\u00a0]+/gu, " ")
    .replace(/^the /u, "")
    .trim();
}

/** True when every letter of the text is a capital (an acronym such as `NATO` or `U.S.`). */
export function isAllCaps(text: string): boolean {
  return UPPER.test(text) && !LOWER.test(text.replace(/s$/u, ""));
}

function fold(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/u.test(text)) return text.toLowerCase();
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/gu, "")
    .replace(/ß/gu, "ss")
    .replace(/[ıİ]/gu, "i")
    .replace(/[łŁ]/gu, "l")
    .replace(/[øØ]/gu, "o")
    .replace(/[đĐ]/gu, "d")
    .toLowerCase();
}

/** True when the text starts with a lowercase letter (ASCII checked without a regular expression). */
export function startsLower(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 97 && c <= 122;
  return STARTS_LOWER.test(text);
}

/** True for "Peskov", "Érdi": a capital then a lowercase letter. */
export function isTitleCase(text: string): boolean {
  // Two characters at least (and no read past the end, which makes compiled code start over).
  if (text.length < 2) return false;
  const c = text.charCodeAt(0);
  const d = text.charCodeAt(1);
  if (c < 128 && d < 128) return c >= 65 && c <= 90 && d >= 97 && d <= 122;
  return TITLE_CASE.test(text);
}
