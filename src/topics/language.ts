/** Whether an article is English, the one language entity extraction reads (others get rubric and front-matter topics). */
import type { ArticleText } from "./extract.ts";

/** Made once: tsx compiles a literal with a Unicode property escape inside a function to a new `RegExp` on every call. */
const LETTERS = /\p{L}+/gu;
const ENGLISH = new Set(["the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "that", "with", "said", "by", "at", "as", "from", "it", "has", "have"]);
/** Function words of other languages written in Latin letters, none of them an English word. */
const OTHER = new Set([
  "der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "sich", "auf", "ein", "eine", "dem", "auch", "wird",
  "le", "la", "les", "et", "des", "du", "est", "un", "une", "pour", "dans", "que", "qui", "sur", "pas", "au", "avec",
  "el", "los", "las", "y", "del", "en", "por", "con", "una", "para", "es", "se", "su", "al", "il", "di", "che", "non", "per",
  "och", "att", "het", "een", "van", "niet", "og", "er", "na", "nie", "jest", "się", "że", "je", "ve", "da", "não", "com", "uma",
]);

/**
 * True for a declared English language tag, or, without one, for text whose common words are English. Text with
 * too few function words to tell (an earnings table: "Shr 34 cts vs 1.19 dlrs") counts as English when it is in
 * Latin letters and no other language's function words outnumber English ones: such notices carry their names in
 * the headline, and a text in another language shows its own function words.
 * @param lang BCP 47 tag from the record, or null
 * @param text headline and body
 */
export function isEnglish(lang: string | null, text: ArticleText): boolean {
  if (lang !== null && lang.trim() !== "") return /^en(?:-|$)/iu.test(lang.trim());
  let words = 0;
  let english = 0;
  let other = 0;
  let latin = 0;
  for (const block of [text.title ?? "", ...text.blocks.map((b) => b.text)]) {
    for (const m of block.matchAll(LETTERS)) {
      words += 1;
      const w = m[0].toLowerCase();
      if (ENGLISH.has(w)) english += 1;
      else if (OTHER.has(w)) other += 1;
      if (/^[a-z]+$/u.test(w)) latin += 1;
      if (words >= 300) break;
    }
    if (words >= 300) break;
  }
  if (words === 0) return false;
  if (english / words >= 0.08) return english >= other;
  return latin / words >= 0.9 && other <= english;
}
