import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../src/parse/index.ts";
import { assignTopics, loadVocabulary } from "../src/topics/index.ts";

const tass = path.join(import.meta.dirname, "fixtures", "topics", "tass-peskov.txt");
const record = parseArticle(readFileSync(tass), { path: tass });

describe("the vocabulary file", () => {
  it("should read entries, suppressions and merges", () => {
    const { vocabulary, diagnostics } = loadVocabulary(
      [
        "topics:",
        "  - name: Dmitry Peskov",
        "    kind: person",
        "    aliases: [Peskov, Kremlin spokesman]",
        "    description: Press secretary of the President of Russia.",
        "suppress: [NATO]",
        "merge:",
        "  - from: [S-400]",
        "    into: S-400 Triumf",
        "",
      ].join("\n"),
      "topics.yml",
    );
    expect(diagnostics).toEqual([]);
    expect(vocabulary.entries).toEqual([{ name: "Dmitry Peskov", kind: "person", aliases: ["Peskov", "Kremlin spokesman"], description: "Press secretary of the President of Russia." }]);
    expect(vocabulary.suppress).toEqual(["NATO"]);
    expect(vocabulary.merges).toEqual([{ from: "S-400", into: "S-400 Triumf" }]);

    const { records, topics } = assignTopics([record], { vocabulary });
    const got = records[0]!.topics.map((t) => t.name);
    expect(got).not.toContain("NATO");
    expect(got).toContain("S-400 Triumf");
    expect(got).not.toContain("S-400");
    expect(topics.find((t) => t.name === "Dmitry Peskov")?.description).toBe("Press secretary of the President of Russia.");
  });

  it("should report problems with their line and column and keep the good entries", () => {
    const { vocabulary, diagnostics } = loadVocabulary(
      [
        "topics:",
        "  - name: Turkey",
        "    kind: country",
        "  - name: Ankara",
        "    kind: place",
        "    colour: red",
        "  - name: Kremlin",
        "    kind: organisation",
        "    aliases: [Ankara]",
        "suppres: [Thursday]",
        "",
      ].join("\n"),
      "articles/topics.yml",
    );
    expect(vocabulary.entries.map((e) => e.name)).toEqual(["Ankara", "Kremlin"]);
    expect(diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual([
      "articles/topics.yml:3:11 error topics/kind",
      "articles/topics.yml:6:5 error topics/unknown-key",
      "articles/topics.yml:7:5 error topics/duplicate",
      "articles/topics.yml:10:1 error topics/unknown-key",
    ]);
    for (const d of diagnostics) expect(d.message).not.toMatch(/^Error/u);
  });

  it("should report YAML syntax errors with their place and never execute anything", () => {
    const { vocabulary, diagnostics } = loadVocabulary("topics:\n  - name: [unclosed\n", "topics.yml");
    expect(vocabulary.entries).toEqual([]);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]).toMatchObject({ file: "topics.yml", severity: "error", rule: "topics/yaml" });
    expect(diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
    const tagged = loadVocabulary("topics: !!js/function 'function () { return 1 }'\n", "topics.yml");
    expect(tagged.vocabulary.entries).toEqual([]);
    expect(tagged.diagnostics.length).toBeGreaterThan(0);
  });

  it("should accept an empty file", () => {
    expect(loadVocabulary("", "topics.yml")).toEqual({ vocabulary: { entries: [], suppress: [], merges: [] }, diagnostics: [] });
  });
});
