import { describe, expect, it } from "vitest";
import { countWords } from "../src/parse/coverage.ts";
import { seededRandom } from "./helpers/random.ts";

// The definition countWords implements, as a pattern over UTF-16 code units: a word character is an ASCII letter or
// digit, or any code unit from U+00C0 up outside the space, punctuation and symbol blocks (and × ÷); an apostrophe,
// hyphen or ’ joins two words.
const WORD_CHAR = "[0-9A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u1fff\\u2c00-\\u2fff\\u3040-\\ufe2f\\ufe50-\\ufeff\\uff10-\\uffff]";
const WORDS = new RegExp(`${WORD_CHAR}(?:${WORD_CHAR}|['\\-\\u2019](?=${WORD_CHAR}))*`, "g");

function reference(text: string): number {
  return text.match(WORDS)?.length ?? 0;
}

// Characters from every class the count tells apart, and the edges of each range.
const ALPHABET = [
  "a", "Z", "0", "9", " ", "\t", "\n", "'", "-", "\u2019", "\u2018", "_", ".", ",", "/", ":", "@", "[", "`", "{", "\u007f", "\u00bf", "\u00c0",
  "\u00d7", "\u00f7", "\u00ff", "é", "ж", "ω", "\u1fff", "\u2000", "\u2014", "\u201c", "\u2bff", "\u2c00", "\u3000", "\u3001", "\u303f", "\u3040",
  "漢", "\ufe2f", "\ufe30", "\ufe4f", "\ufe50", "\uff00", "\uff0f", "\uff10", "\uffff", "\ud83d", "\ude00", "😀",
];

describe("countWords", () => {
  it("should count words as runs of letters and digits joined by apostrophes and hyphens", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("It's a well-known fact: 3 O’Neills in 1999.")).toBe(8);
    expect(countWords("-- ' - ’ --")).toBe(0);
    expect(countWords("word- -word 'quoted' end-")).toBe(4);
    expect(countWords("Москва — столица России")).toBe(3);
  });

  it("should agree with the pattern definition on 20,000 random strings of every character class", () => {
    const next = seededRandom(11);
    for (let n = 0; n < 20_000; n += 1) {
      let text = "";
      const length = Math.floor(next() * 24);
      for (let i = 0; i < length; i += 1) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      expect(countWords(text), JSON.stringify(text)).toBe(reference(text));
    }
  });
});
