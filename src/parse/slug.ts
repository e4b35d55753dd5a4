import { isCalendarDate } from "./dates.ts";

// Readable Latin for Cyrillic (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian letters),
// close to the passport-style romanisations newsrooms use.
const CYRILLIC: Readonly<Record<string, string | undefined>> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "yo", ж: "zh", з: "z", и: "i", й: "y", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh",
  щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", є: "ye", і: "i", ї: "yi", ґ: "g", ў: "u",
  ђ: "dj", ј: "j", љ: "lj", њ: "nj", ћ: "c", џ: "dz", ѓ: "gj", ќ: "kj", ѕ: "dz",
};
// Latin letters that Unicode decomposition does not reduce to ASCII.
const LATIN: Readonly<Record<string, string | undefined>> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ħ: "h", ŧ: "t", ŋ: "ng",
};

/**
 * Turns text into an ASCII slug: transliterated (Cyrillic to readable Latin, diacritics dropped),
 * lower case, words joined by `-`, cut at a word boundary to at most `maxLength` characters.
 * Never empty: text without any letter or digit gives `untitled-<short hash of the text>`.
 * @param text any text (a headline)
 * @param maxLength longest slug, in characters (default 80; at least 16)
 */
export function slugify(text: string, maxLength = 80): string {
  const limit = Math.max(16, Math.floor(maxLength));
  let out = "";
  // Cyrillic first: decomposition would strip the breve of й and the diaeresis of ё and ї.
  const latin = text.slice(0, limit * 4).toLowerCase().replace(/[\u0400-\u04ff]/gu, cyrillicToLatin);
  if (ASCII.test(latin)) {
    // Decomposition leaves ASCII as it is and each character gives at most one: the loop below, without a loop.
    out = latin.replace(/'/gu, "").replace(/[^a-z0-9]/gu, "-").slice(0, limit * 2 + 1);
  } else {
    for (const char of latin.normalize("NFKD")) {
      if ((char >= "a" && char <= "z") || (char >= "0" && char <= "9")) out += char;
      else if (char < "\u0080") out += char === "'" ? "" : "-";
      else if (isMark(char.charCodeAt(0)) || char === "’") continue;
      else out += LATIN[char] ?? "-";
      if (out.length > limit * 2) break;
    }
  }
  let slug = out.replace(/-+/gu, "-").replace(/^-|-$/gu, "");
  if (slug.length > limit) {
    const cut = slug.slice(0, limit + 1);
    const boundary = cut.lastIndexOf("-");
    slug = (boundary > limit / 2 ? cut.slice(0, boundary) : cut.slice(0, limit)).replace(/-$/u, "");
  }
  return slug === "" ? `untitled-${shortHash(text)}` : slug;
}

/**
 * The one URL of an article: `/YYYY/MM/DD/<slug>/`.
 * The slug is re-normalised, so whatever the caller passes the URL stays ASCII and inside its date folder.
 * @param date calendar date `YYYY-MM-DD` (a real day)
 * @param slug the article's slug
 * @throws {RangeError} when `date` is not a real calendar date (a program error: records carry validated dates)
 */
export function articleUrl(date: string, slug: string): string {
  if (!isCalendarDate(date)) throw new RangeError(`articleUrl needs a calendar date YYYY-MM-DD, got "${date}"`);
  const safe = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(slug) ? slug : slugify(slug);
  return `/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/${safe}/`;
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/u;

function cyrillicToLatin(c: string): string {
  return CYRILLIC[c] ?? c;
}

// Combining marks left by NFKD (accents, carons, the Cyrillic breve of й is composed and handled above).
function isMark(code: number): boolean {
  return (code >= 0x300 && code <= 0x36f) || (code >= 0x1ab0 && code <= 0x1aff) || (code >= 0x1dc0 && code <= 0x1dff) || (code >= 0x20d0 && code <= 0x20ff) || (code >= 0xfe20 && code <= 0xfe2f);
}

/** Eight base-36 characters of FNV-1a over the text: stable across runs and machines. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36).padStart(7, "0").slice(0, 8);
}
