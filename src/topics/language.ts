/** Whether an article is English, the one language entity extraction reads (others get rubric and front-matter topics). */
import type { ArticleText } from "./extract.ts";

const ENGLISH = new Set(["the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "that", "with", "said", "by", "at", "as", "from", "it", "has", "have"]);

/**
 * True for a declared English language tag, or, without one, for text whose common words are English.
 * @param lang BCP 47 tag from the record, or null
 * @param text headline and body
 */
export function isEnglish(lang: string | null, text: ArticleText): boolean {
  if (lang !== null && lang.trim() !== "") return /^en(?:-|$)/iu.test(lang.trim());
  let words = 0;
  let english = 0;
  for (const block of text.blocks) {
    for (const m of block.text.matchAll(/\p{L}+/gu)) {
      words += 1;
      if (ENGLISH.has(m[0].toLowerCase())) english += 1;
      if (words >= 300) break;
    }
    if (words >= 300) break;
  }
  return words > 0 && english / words >= 0.08;
}
