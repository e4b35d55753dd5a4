/**
 * Guesses an article's language from its text, for files that do not declare one.
 *
 * Script first (Latin, Cyrillic, Greek), then the share of each language's commonest function words, and
 * letters only one Cyrillic language uses. Too little text, or no clear winner, gives null: a wrong `lang`
 * is worse than none (screen readers switch voice on it).
 */

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: ["the", "and", "of", "to", "in", "is", "that", "for", "was", "on", "with", "said", "by", "it", "as", "at", "from", "has", "have", "be"],
  de: ["der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "zu", "sich", "auf", "ein", "eine", "dem", "auch", "wird"],
  fr: ["le", "la", "les", "et", "des", "du", "est", "un", "une", "pour", "dans", "que", "qui", "sur", "pas", "au", "avec"],
  es: ["el", "la", "los", "las", "y", "que", "del", "en", "por", "con", "una", "para", "es", "se", "su", "al"],
  pl: ["i", "w", "nie", "się", "na", "że", "z", "do", "jest", "to", "o", "jak", "ale", "od", "po", "przez", "dla", "są"],
  cs: ["a", "v", "se", "na", "je", "že", "s", "z", "do", "to", "jsou", "o", "k", "ve", "by", "podle", "který", "také"],
  sl: ["in", "je", "v", "na", "za", "se", "da", "so", "ki", "pa", "tudi", "bo", "iz", "ne", "po", "pri", "kot"],
  ru: ["и", "в", "не", "что", "на", "он", "с", "как", "это", "по", "но", "из", "за", "от", "его", "который", "был", "также"],
  bg: ["и", "на", "да", "се", "от", "за", "това", "че", "са", "в", "с", "не", "по", "ще", "като", "който", "е"],
  uk: ["і", "в", "не", "що", "на", "з", "та", "це", "до", "у", "як", "від", "за", "який", "також", "й"],
};

const LATIN = ["en", "de", "fr", "es", "pl", "cs", "sl"] as const;
const CYRILLIC = ["ru", "bg", "uk"] as const;
const LANGS: readonly string[] = [...LATIN, ...CYRILLIC];
// Each function word with the indexes in LANGS of the languages that use it, in buckets by a hash of its letters, so
// one look-up per word (without cutting it out of the text) scores every language at once. Enough buckets that most
// words land in an empty one.
const BUCKETS = 4096;
interface Stopword {
  readonly word: string;
  readonly langs: readonly number[];
}
const STOPWORD_BUCKETS: ReadonlyArray<readonly Stopword[] | undefined> = stopwordBuckets();
const LONGEST_STOPWORD = Math.max(...Object.values(STOPWORDS).flat().map((word) => word.length));
const MIN_WORDS = 12;
/** Inspect at most this much text: the lead is enough, and a 10 MB file must not cost more. */
const SAMPLE = 2000;

/**
 * The BCP 47 code of the text's language, or null when it cannot be told with confidence.
 * @param text headline and body text
 */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE).toLowerCase();
  const hits = new Array<number>(LANGS.length).fill(0);
  const { words, latin, cyrillic, greek } = scan(sample, hits);
  if (words < MIN_WORDS) return null;
  const letters = latin + cyrillic + greek;
  if (letters === 0) return null;
  if (greek / letters > 0.6) return "el";
  if (cyrillic / letters > 0.6) {
    if (/[јљњћђџѓќѕ]/u.test(sample)) return null; // Serbian or Macedonian: not told apart here
    const ukrainian = /[іїєґ]/u.test(sample);
    // Modern Bulgarian and Ukrainian never write ы or э; Russian rarely goes a paragraph without them.
    const russian = /[ыэ]/u.test(sample);
    if (ukrainian && !russian) return "uk";
    if (russian && !ukrainian) return "ru";
    // Bulgarian writes ъ as a vowel in common words (със, във, към); Russian has it only as a rare sign.
    if (!russian && !ukrainian && /ъ/u.test(sample)) return "bg";
    return bestByStopwords(hits, words, CYRILLIC);
  }
  if (latin / letters > 0.6) return bestByStopwords(hits, words, LATIN);
  return null;
}

function bestByStopwords(hits: readonly number[], words: number, candidates: readonly string[]): string | null {
  const scores = candidates.map((lang) => {
    const langHits = hits[LANGS.indexOf(lang)]!;
    return { lang, hits: langHits, share: langHits / words };
  });
  scores.sort((a, b) => b.share - a.share);
  const [first, second] = scores;
  if (first === undefined || first.hits < 4 || first.share < 0.05) return null;
  // A clear winner only: closely related languages share many function words.
  if (second !== undefined && first.share < second.share * 1.3) return null;
  return first.lang;
}

interface Counts {
  /** Runs of letters, as `/\p{L}+/gu` finds them. */
  words: number;
  /** Code units in the ranges of lower-case Latin, Cyrillic and Greek letters. */
  latin: number;
  cyrillic: number;
  greek: number;
}

// One pass over the sample: counts its words and the code units of each script (ranges, not a regular expression
// per character: this runs on every article), and adds each language's function-word hits to `hits`.
function scan(sample: string, hits: number[]): Counts {
  let words = 0;
  let latin = 0;
  let cyrillic = 0;
  let greek = 0;
  let start = -1;
  let hash = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const c = sample.charCodeAt(i);
    let size: number;
    if (c < 0x80) {
      // ASCII: a lower-case letter is Latin; an upper-case one (not in a lower-cased sample) a letter of no script.
      if (c >= 0x61 && c <= 0x7a) {
        latin += 1;
        size = 1;
      } else size = c >= 0x41 && c <= 0x5a ? 1 : 0;
    } else {
      if (c >= 0xc0 && c <= 0x24f) latin += 1;
      else if (c >= 0x400 && c <= 0x4ff) cyrillic += 1;
      else if (c >= 0x370 && c <= 0x3ff) greek += 1;
      size = letterSize(sample, i);
    }
    if (size === 0) {
      if (start !== -1) {
        addHits(sample, start, i, hash, hits);
        words += 1;
        start = -1;
      }
      continue;
    }
    if (start === -1) {
      start = i;
      hash = 0;
    }
    hash = (Math.imul(hash, 31) + c) | 0;
    // The second half of a surrogate pair (no script range holds it).
    if (size === 2) {
      i += 1;
      hash = (Math.imul(hash, 31) + sample.charCodeAt(i)) | 0;
    }
  }
  if (start !== -1) {
    addHits(sample, start, sample.length, hash, hits);
    words += 1;
  }
  return { words, latin, cyrillic, greek };
}

// Adds one to each language whose function words hold sample[start, end) (whose letters hash to `hash`).
function addHits(sample: string, start: number, end: number, hash: number, hits: number[]): void {
  if (end - start > LONGEST_STOPWORD) return;
  const bucket = STOPWORD_BUCKETS[hash & (BUCKETS - 1)];
  if (bucket === undefined) return;
  for (let e = 0; e < bucket.length; e += 1) {
    const entry = bucket[e]!;
    if (entry.word.length !== end - start || !sample.startsWith(entry.word, start)) continue;
    for (let k = 0; k < entry.langs.length; k += 1) hits[entry.langs[k]!]! += 1;
    return;
  }
}

function hashOf(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i += 1) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0;
  return hash;
}

// Whether each code unit of the Basic Multilingual Plane is a letter (`\p{L}`): 0 not known yet, 1 no, 2 yes.
const BMP_LETTER = new Uint8Array(0x10000);
const LETTER = /^\p{L}$/u;

// Length in code units of the letter at `i` (2 for a letter outside the BMP), or 0 when it is no letter.
function letterSize(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(i + 1);
    // A surrogate pair is one code point; a lone surrogate is no letter.
    return low >= 0xdc00 && low <= 0xdfff && LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = BMP_LETTER[c]!;
  if (known === 0) {
    known = LETTER.test(String.fromCharCode(c)) ? 2 : 1;
    BMP_LETTER[c] = known;
  }
  return known === 2 ? 1 : 0;
}

function stopwordBuckets(): Array<Stopword[] | undefined> {
  const langs = new Map<string, number[]>();
  LANGS.forEach((lang, k) => {
    for (const word of STOPWORDS[lang] ?? []) {
      const list = langs.get(word) ?? [];
      if (!list.includes(k)) list.push(k);
      langs.set(word, list);
    }
  });
  const buckets: Array<Stopword[] | undefined> = new Array(BUCKETS).fill(undefined);
  for (const [word, indexes] of langs) (buckets[hashOf(word) & (BUCKETS - 1)] ??= []).push({ word, langs: indexes });
  return buckets;
}
