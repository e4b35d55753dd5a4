import { describe, expect, it } from "vitest";
import { tokenize } from "../src/topics/tokenize.ts";

/** The regular expression the scanner stands for: its tokens are the reference. */
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&-]*|[.!?;:,()"“”«»—–]/gu;

function reference(text: string): { texts: string[]; offsets: number[] } {
  const matches = [...text.matchAll(TOKEN)];
  return { texts: matches.map((m) => m[0]), offsets: matches.map((m) => m.index) };
}

describe("tokenize", () => {
  it("should split words, initialisms and punctuation with their offsets", () => {
    expect(tokenize("The U.S. and Turkey's S-400s, (NATO) said.")).toEqual({
      texts: ["The", "U.S.", "and", "Turkey's", "S-400s", ",", "(", "NATO", ")", "said", "."],
      offsets: [0, 4, 9, 13, 22, 28, 30, 31, 35, 37, 41],
    });
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
    for (const s of samples) expect(tokenize(s)).toEqual(reference(s));
  });
});
