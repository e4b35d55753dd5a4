/** String keys shared by the topic modules: slugs and the folded keys names are compared by. */

/**
 * ASCII slug of a name: transliterated through Unicode decomposition, lowercase, words joined by `-`.
 * @param text any name
 * @returns the slug, possibly empty for a name with no Latin letter or digit
 */
export function slugOf(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
}

/**
 * The key a name is looked up by: no diacritics, lowercase, no dots, one kind of apostrophe, single spaces,
 * no leading "the" ("the U.S." and "US" share `us`; "Erdoğan" and "Erdogan" share `erdogan`).
 * @param text a surface form
 */
export function keyOf(text: string): string {
  let key = keys.get(text);
  if (key === undefined) {
    if (keys.size > 100_000) keys.clear();
    key = computeKey(text);
    keys.set(text, key);
  }
  return key;
}

const keys = new Map<string, string>();

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
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text.replace(/s$/u, ""));
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
