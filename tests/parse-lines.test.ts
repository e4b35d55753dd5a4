import { describe, expect, it } from "vitest";
import { Reporter } from "../src/parse/diagnostics.ts";
import { isBlank, splitLines, squash } from "../src/parse/lines.ts";

describe("squash", () => {
  it("should collapse every run of white space to one space and trim", () => {
    expect(squash("  one  two\tthree \u00a0four\u2028five\r\nsix  ")).toBe("one two three four five six");
    expect(squash("a\tb")).toBe("a b");
    expect(squash("\u00a0a\u3000b\ufeff")).toBe("a b");
  });

  it("should leave single spaces and text without white space as they are", () => {
    expect(squash("one two three")).toBe("one two three");
    expect(squash("word")).toBe("word");
    expect(squash("")).toBe("");
    expect(squash(" \t ")).toBe("");
  });

  it("should equal replacing every run of white space by one space and trimming, on 20,000 random strings", () => {
    const alphabet = ["a", "b", " ", " ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u200b", "\u0085", "-"];
    let state = 5;
    for (let n = 0; n < 20_000; n += 1) {
      let text = "";
      for (let i = n % 13; i > 0; i -= 1) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        text += alphabet[(state >>> 16) % alphabet.length];
      }
      expect(squash(text), JSON.stringify(text)).toBe(text.replace(/\s+/gu, " ").trim());
    }
  });
});

describe("isBlank", () => {
  it("should tell white space of any kind from text", () => {
    expect(isBlank("")).toBe(true);
    expect(isBlank(" \t\u00a0\u2003\ufeff")).toBe(true);
    expect(isBlank("  x  ")).toBe(false);
    expect(isBlank("\u200b")).toBe(false);
    expect(isBlank("\ud800")).toBe(false);
  });
});

describe("splitLines", () => {
  it("should split LF, CRLF, CR and mixed endings alike, numbering lines from 1", () => {
    for (const text of ["a\nb\nc\n", "a\r\nb\r\nc\r\n", "a\rb\rc\r", "a\r\nb\rc\n"]) {
      const reporter = new Reporter();
      expect(splitLines(text, reporter)).toEqual([
        { n: 1, text: "a" },
        { n: 2, text: "b" },
        { n: 3, text: "c" },
      ]);
      expect(reporter.diagnostics).toEqual([]);
    }
  });

  it("should remove control and bidirectional characters only on their lines, with a located warning each", () => {
    const reporter = new Reporter();
    expect(splitLines("clean\nbell\u0007 here\n\u202eflipped\nclean again", reporter)).toEqual([
      { n: 1, text: "clean" },
      { n: 2, text: "bell here" },
      { n: 3, text: "flipped" },
      { n: 4, text: "clean again" },
    ]);
    expect(reporter.diagnostics.map((d) => [d.line, d.column, d.rule])).toEqual([
      [2, 5, "control-character"],
      [3, 1, "bidi-override"],
    ]);
  });
});
