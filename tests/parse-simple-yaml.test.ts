import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { readSimpleYaml } from "../src/parse/simple-yaml.ts";
import { seededRandom } from "./helpers/random.ts";

// gray-matter's reading (js-yaml 3 safeLoad) of a front matter block: its data, or "error".
function grayMatter(lines: readonly string[]): unknown {
  try {
    return matter(`---\n${lines.join("\n")}\n---\n`, { language: "yaml" }).data;
  } catch {
    return "error";
  }
}

const KEYS = ["title", "source", "sourceUrl", "date", "topics", "a_b", "x1", "Null", "null", "TRUE", "False", "constructor", "toString", "__proto__", "key with space", "title ", "\"title\"", "1a", "ünï"];
const SEPARATORS = [": ", ":", ":  ", ": \t", " : ", ":\t", "::"];
const VALUES = [
  "Wikinews", "CC BY 2.5", "TASS", "https://en.wikinews.org/wiki/A_b?x=1#c", "a #b", "a: b", "a:b", "Foo:", "foo ", "foo  bar", "true", "True",
  "TRUE", "tRue", "false", "null", "Null", "NULL", "nULL", "~", "yes", "no", "on", "off", "y", "n", "12", "0x1A", "1e3", ".inf", ".NaN", "2021-06-03",
  "12:30", "190:20:30", "-a", "- a", "? x", "*ref", "&anc x", "!tag x", "!!str 12", "|", "> x", "%x", "@x", "`x", "<<", "\"quoted\"",
  "\"with \\\" escape\"", "\"with # hash\"", "\"a: b\"", "\"2021-06-03\"", "\"\"", "\"unclosed", "\"a\" b", "'single'", "'it''s'", "'a\"b'", "''",
  "[]", "[\"a\"]", "[\"World\", \"Politics\"]", "[\"a\",\"b\"]", "[a, b]", "[\"a\", b]", "[ \"a\" ]", "[\"a\", \"b\",]", "[\"a, b\"]", "[\"a\\\"\"]", "{a: 1}",
  "\"tab\there\"", "tab\there", "emoji 😀", "été", "\ufeffbom", "x\u00a0", "a\u2028b", "a\\b", "a # b", "a#b", "#x", "x\ud800y", "\"x\ud800\"", "Ünïcode",
  "a [b] {c}, d", "a, b", "Foo \"bar\"", "x'y", "",
];
const ODD_LINES = ["", "# comment", "  indented: 1", "- a", "---x", "...", "   ", "%YAML 1.2", "? key", "title", ": value"];

// A fixed pseudo-random sequence, so a failure is the same on every run.

describe("readSimpleYaml", () => {
  it("should read the usual front matter lines", () => {
    const lines = ["source: Wikinews", 'sourceUrl: "https://en.wikinews.org/wiki/A_b"', "license: CC BY 2.5", 'date: "2008-01-01"', 'topics: ["World", "Politics"]', "draft: false", "byline:", "title: 'A headline'"];
    expect(readSimpleYaml(lines)).toEqual({ source: "Wikinews", sourceUrl: "https://en.wikinews.org/wiki/A_b", license: "CC BY 2.5", date: "2008-01-01", topics: ["World", "Politics"], draft: false, byline: null, title: "A headline" });
    expect(readSimpleYaml(lines)).toEqual(grayMatter(lines));
  });

  it("should leave to the YAML parser what it does not read", () => {
    for (const lines of [[], [""], ["# only"], ["date: 2021-06-03"], ["title: a", "title: b"], ["title: a", "  more"], ["topics:", "- a"], ["Null: x"]]) {
      expect(readSimpleYaml(lines), lines.join("|")).toBeUndefined();
    }
  });

  it("should give what js-yaml gives (through gray-matter) for every line of a key, separator and value", () => {
    let read = 0;
    for (const key of KEYS) {
      for (const separator of SEPARATORS) {
        for (const value of VALUES) {
          const lines = [`${key}${separator}${value}`];
          const simple = readSimpleYaml(lines);
          if (simple === undefined) continue;
          read += 1;
          expect(simple, lines[0]).toEqual(grayMatter(lines));
        }
      }
    }
    expect(read).toBeGreaterThan(300);
  });

  it("should give what js-yaml gives (through gray-matter) whenever it reads a block, over 20,000 generated blocks", () => {
    const next = seededRandom(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    let read = 0;
    for (let n = 0; n < 20_000; n += 1) {
      const lines: string[] = [];
      const count = 1 + Math.floor(next() * 5);
      for (let i = 0; i < count; i += 1) {
        const roll = next();
        if (roll < 0.05) lines.push(pick(ODD_LINES));
        else if (roll < 0.7) lines.push(`${pick(KEYS.slice(0, 7))}: ${pick(VALUES)}`);
        else lines.push(`${pick(KEYS)}${pick(SEPARATORS)}${pick(VALUES)}`);
      }
      const simple = readSimpleYaml(lines);
      if (simple === undefined) continue;
      read += 1;
      const expected = grayMatter(lines);
      expect(simple, JSON.stringify(lines)).toEqual(expected);
      expect(Object.keys(simple), JSON.stringify(lines)).toEqual(Object.keys(expected as object));
    }
    // Enough blocks took the simple path for the comparison to mean something.
    expect(read).toBeGreaterThan(1_000);
  });
});
