import { describe, expect, it } from "vitest";
import { CAPITALISED, COMMA, lengthOf, letterOf, LOWERCASE, NO_LETTER, OPENER, SENTENCE_END, tokenize } from "../src/topics/tokenize.ts";

/** The regular expression the scanner stands for: its tokens are the reference. */
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&-]*|[.!?;:,()"“”«»—–]/gu;

function reference(text: string): { texts: string[]; offsets: number[] } {
  const matches = [...text.matchAll(TOKEN)];
  return { texts: matches.map((m) => m[0]), offsets: matches.map((m) => m.index) };
}

/** What each token's kind stands for, from its text by regular expressions. */
function referenceKind(token: string): { flags: number; length: number; letter: number } {
  let flags = 0;
  if (/^\p{Lu}|^\d+-?\p{Lu}/u.test(token)) flags |= CAPITALISED;
  if (/^[a-z]/u.test(token)) flags |= LOWERCASE;
  if (/^[.!?;:—–]$/u.test(token)) flags |= SENTENCE_END;
  if (/^["“”«»(]$/u.test(token)) flags |= OPENER;
  if (token === ",") flags |= COMMA;
  const letter = /^[a-z]/iu.test(token) ? token.toLowerCase().charCodeAt(0) - 97 : NO_LETTER;
  return { flags, length: Math.min(token.length, 31), letter };
}

function kindsOf(text: string): { flags: number; length: number; letter: number }[] {
  return tokenize(text).kinds.map((k) => ({ flags: k & 31, length: lengthOf(k), letter: letterOf(k) }));
}

describe("tokenize", () => {
  it("should split words, initialisms and punctuation with their offsets", () => {
    const tokens = tokenize("The U.S. and Turkey's S-400s, (NATO) said.");
    expect(tokens.texts).toEqual(["The", "U.S.", "and", "Turkey's", "S-400s", ",", "(", "NATO", ")", "said", "."]);
    expect(tokens.offsets).toEqual([0, 4, 9, 13, 22, 28, 30, 31, 35, 37, 41]);
  });

  it("should read a single capital and dot as a word and a full stop", () => {
    expect(tokenize("U.S").texts).toEqual(["U", ".", "S"]);
    expect(tokenize("U.S.A").texts).toEqual(["U.S.", "A"]);
  });

  it("should keep accents, combining marks and letters outside the Basic Multilingual Plane in words", () => {
    expect(tokenize("Erdoğan met Jose\u0301 «Ж» at 𝐀𝐛 😀 AT&T — ok").texts).toEqual(["Erdoğan", "met", "Jose\u0301", "«", "Ж", "»", "at", "𝐀𝐛", "AT&T", "—", "ok"]);
  });

  it("should match the reference regular expression on mixed text, lone surrogates included", () => {
    const samples = [
      "Prime Minister Recep Tayyip Erdoğan’s office said: “No.” — Ж.Д. and É.U. met Ǆ.ǅ. in İstanbul.",
      "\ud800A.\udc00B. x\u0301y '’&- -abc 3rd 1.5 ١٢٣ 𝐀.𝐁. 𝐚b",
      "ÀÉ.Î.Õ. a&b-c'd’e ß ǅungla \u00a0 tab\there",
    ];
    for (const s of samples) {
      const { texts, offsets } = tokenize(s);
      expect({ texts, offsets }).toEqual(reference(s));
    }
  });

  it("should give each token the kind its text has: capitalised, lowercase, sentence end, opener, comma, length, first letter", () => {
    const samples = [
      "The U.S. and Turkey's S-400s, (NATO) said. 3M 9-K 12 1-a «Ж» “No” — ok; a: b! c? d– e",
      "Prime Minister Recep Tayyip Erdoğan’s office said: “No.” — Ж.Д. and É.U. met Ǆ.ǅ. in İstanbul.",
      "\ud800A.\udc00B. x\u0301y '’&- -abc 3rd 1.5 ١٢٣ 𝐀.𝐁. 𝐚b 3É Internationalisation-and-standardisation-committees",
    ];
    for (const s of samples) expect(kindsOf(s)).toEqual(tokenize(s).texts.map(referenceKind));
    expect(tokenize("Turkey, said").kinds.map((k) => k & 31)).toEqual([CAPITALISED, COMMA, LOWERCASE]);
  });
});
