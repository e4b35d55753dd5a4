import matter from "gray-matter";
import { describe, expect, it } from "vitest";
import { Reporter } from "../src/parse/diagnostics.ts";
import { keyLine, rawValue, readFrontMatter } from "../src/parse/front-matter.ts";
import type { Line } from "../src/parse/lines.ts";

// YAML blocks (between the fences) of every shape the reader must treat as gray-matter does.
const BLOCKS = [
  "title: Plain headline\nsource: TASS",
  'sourceUrl: "https://en.wikinews.org/wiki/A_b"\nlicense: CC BY 2.5\ndate: "2008-01-01"\ntopics: ["World", "Politics"]',
  "date: 2021-06-03\nupdated: '2021-06-04'\ntopics: [a, b]",
  "date: 2021-02-30",
  "title: Foo: bar",
  "title: a: b",
  "# only a comment",
  "  # indented comment\n\n",
  "",
  "   ",
  "---x\ntitle: after a dash line",
  "title: before\n---x\nsource: after",
  "title: null\ndraft: yes\nbyline: ~",
  "title: True\ndraft: False\nlang: TRUE",
  'title: "quoted \\u00e9 \\"x\\""\nsummary: \'it\'\'s\'',
  "summary: >\n  folded\n  text\nbyline: |\n  kept\n  lines",
  "topics:\n  - name: Moscow\n    kind: place\n  - Foo",
  "topics:\n- a\n- b",
  "title: [unclosed",
  "title: x\ntitle: y",
  "  indented: 1",
  "- a\n- b",
  "title: 12\nsource: 0x1A\nlicense: 1e3\ntime: 12:30",
  'title: "tab\there"',
  'title: "x" y',
  "title: a # comment\n# between\nsource: s # another",
  "title: ok\n\n\nsource: s",
  "__proto__: x\ntitle: y",
  "null: 1\ntrue: 2\n1: 3",
  "title: &a anchor\nbyline: *a",
  "title: !!str 2021\nsource: !!binary aGVsbG8=",
  "title: 'unclosed",
  "title: \u00e9t\u00e9 \u{1f600}",
  "? complex\n: key",
  "title: x\n...\nsource: y",
  "%YAML 1.2\ntitle: x",
];

function linesOf(text: string): Line[] {
  return text.split("\n").map((line, i) => ({ n: i + 1, text: line }));
}

// gray-matter's answer for a file whose front matter is this block: its data, or the error it throws.
function grayMatter(block: string): { data: unknown } | { error: string } {
  try {
    return { data: matter(`---\n${block}\n---\n`, { language: "yaml" }).data };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe("readFrontMatter", () => {
  it("should read every YAML block as gray-matter does (data, or a front-matter-yaml error)", () => {
    for (const block of BLOCKS) {
      const reporter = new Reporter();
      const front = readFrontMatter(linesOf(`---\n${block}\n---\nBody text.`), reporter);
      const expected = grayMatter(block);
      const errors = reporter.diagnostics.filter((d) => d.rule === "front-matter-yaml");
      if ("error" in expected) {
        expect(errors, block).toHaveLength(1);
        expect(errors[0]!.message, block).toContain(expected.error.split("\n")[0]!.replace(/ at line \d+, column \d+:$/u, ""));
        expect(front?.data, block).toEqual({});
      } else {
        const data = expected.data;
        const isMap = data !== null && typeof data === "object" && !Array.isArray(data);
        expect(front?.data, block).toEqual(isMap ? data : {});
        if (isMap) expect(errors, block).toHaveLength(0);
      }
    }
  });

  it("should keep the order of keys and YAML dates as Date objects", () => {
    const front = readFrontMatter(linesOf("---\nsource: S\ndate: 2021-06-03\ntitle: T\n---\n"), new Reporter());
    expect(Object.keys(front?.data ?? {})).toEqual(["source", "date", "title"]);
    expect(front?.data.date).toEqual(new Date(Date.UTC(2021, 5, 3)));
  });

  it("should find each key's line and its value as written, the first line naming the key", () => {
    const front = readFrontMatter(linesOf("---\nsource: S # note\n\"title\": 'T'\ndate: 2021-02-30\nupdated:\n---\nText."), new Reporter())!;
    expect(front.data).toEqual({ source: "S", title: "T", date: new Date(Date.UTC(2021, 2, 2)), updated: null });
    expect(["source", "title", "date", "updated", "other"].map((key) => keyLine(front, key))).toEqual([2, 3, 4, 5, undefined]);
    expect(["source", "title", "date", "updated", "other"].map((key) => rawValue(front, key))).toEqual(["S", "T", "2021-02-30", "", undefined]);
  });
});
