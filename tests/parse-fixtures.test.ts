import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleRecordSchema, missingWords, parseArticle } from "../src/parse/index.ts";

// Fixture pairs: tests/fixtures/<case>.txt|.md + <case>.json. `UPDATE=1` rewrites the JSON so changes show as diffs.
const folder = path.join(import.meta.dirname, "fixtures");
const cases = readdirSync(folder)
  .filter((name) => /\.(?:txt|md)$/u.test(name) && name !== "README.md")
  .sort();

describe("parser fixtures", () => {
  it("should have a fixture for every layout and bad input", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const name of cases) {
    it(`should parse ${name} to its recorded record`, () => {
      const bytes = readFileSync(path.join(folder, name));
      const record = parseArticle(bytes, { path: name });
      expect(articleRecordSchema.safeParse(record).success).toBe(true);
      expect(Object.isFrozen(record)).toBe(true);
      expect(Object.isFrozen(record.body)).toBe(true);
      const expected = path.join(folder, name.replace(/\.(?:txt|md)$/u, ".json"));
      const actual = `${JSON.stringify(record, null, 2)}\n`;
      if (process.env["UPDATE"] === "1" || !existsSync(expected)) writeFileSync(expected, actual);
      expect(actual).toBe(readFileSync(expected, "utf8"));
    });

    it(`should keep every word of ${name} in its record`, () => {
      const bytes = readFileSync(path.join(folder, name));
      const record = parseArticle(bytes, { path: name });
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder("windows-1252").decode(bytes);
      }
      // Front matter that is refused or broken is reported, not kept: only the article's own lines count.
      const refused = record.diagnostics.some((d) => d.rule.startsWith("front-matter"));
      if (!refused) expect(missingWords(text, record)).toEqual([]);
      expect(record.html).not.toContain("\uFFFD");
    });
  }
});
