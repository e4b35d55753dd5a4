import { describe, expect, it } from "vitest";
import { tokenize } from "../src/topics/tokenize.ts";

/** The regular expression the scanner stands for: its tokens are the reference. */
const TOKEN = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{M}\p{N}'’&-]*|[.!?;:,()"“”«»—–]/gu;

function reference(text: string): { text: string; offset: number }[] {
  return [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], offset: m.index }));
}

describe("tokenize", () => {
  it("should split words, initialisms and punctuation with their offsets", () => {
    expect(tokenize("The U.S. and Turkey's S-400s, (NATO) said.")).toEqual([
      { text: "The", offset: 0 },
      { text: "U.S.", offset: 4 },
      { text: "and", offset: 9 },
      { text: "Turkey's", offset: 13 },
      { text: "S-400s", offset: 22 },
      { text: ",", offset: 28 },
      { text: "(", offset: 30 },
      { text: "NATO", offset: 31 },
      { text: ")", offset: 35 },
      { text: "said", offset: 37 },
      { text: ".", offset: 41 },
    ]);
  });

  it("should read a single capital and dot as a word and a full stop", () => {
    expect(tokenize("U.S").map((t) => t.text)).toEqual(["U", ".", "S"]);
    expect(tokenize("U.S.A").map((t) => t.text)).toEqual(["U.S.", "A"]);
  });

  it("should keep accents, combining marks and letters outside the Basic Multilingual Plane in words", () => {
    expect(tokenize("Erdoğan met Jose\u0301 «Ж» at 𝐀𝐛 😀 AT&T — ok").map((t) => t.text)).toEqual(["Erdoğan", "met", "Jose\u0301", "«", "Ж", "»", "at", "𝐀𝐛", "AT&T", "—", "ok"]);
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
