import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleRecordSchema, parseArticle, type ArticleRecord } from "../src/parse/index.ts";

// parseArticle builds its record from checked parts and does not run it through the schema again: these tests hold it
// to the schema instead, over every fixture, every demo article and texts made to reach odd corners.
const root = path.join(import.meta.dirname, "..");

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return files(full);
    return /\.(?:txt|md)$/u.test(entry.name) && !/^readme\./iu.test(entry.name) ? [full] : [];
  });
}

const ODD_TEXTS: ReadonlyArray<readonly [string, string]> = [
  ["empty.txt", ""],
  ["blank.txt", " \n\t\n"],
  ["no-letters.txt", "12345 !!! ...\n"],
  ["front.txt", "---\ntitle: \"Quoted\"\ndate: 2021-06-03\nupdated: 2021-06-04\nslug: my-slug\ndraft: true\ntopics: [One, {name: Two, kind: place}]\nlang: de\n---\nText of the article.\n"],
  ["bad-front.txt", "---\ntitle: [unclosed\nfoo: bar\n---\nHeadline\n\n03 June 2021\n\nText.\n"],
  ["controls.txt", "Head\u0007line\n\n03 June 2021\n\nBody \u202etext\u202c here.\r\nMore.\r\n"],
  ["ambiguous.txt", "Headline\n\n03/04/2021\n\nBody.\n"],
  ["impossible.txt", "Headline\n\n31 February 2021\n\nBody.\n"],
  ["table.txt", "Results\n\n2021-06-03\n\nName     Score\nAnna     12\nBoris    10\n\nPhoto: Someone\n"],
  ["doc.md", "---\nsource: Wikinews\n---\n# Title\n\nSome *text* with <b>html</b>.\n\n## Sub\n\n```\ncode\n```\n"],
  ["2020-01-02-dated-name.txt", "A headline\n\nA body without a date line.\n"],
];

function expectSchemaRecord(record: ArticleRecord, name: string): void {
  // The same JSON (values and key order) as the schema's own parse of it.
  expect(JSON.stringify(articleRecordSchema.parse(record)), name).toBe(JSON.stringify(record));
  expect(Object.isFrozen(record), name).toBe(true);
  for (const list of [record.body, record.extra, record.topics, record.diagnostics]) {
    expect(Object.isFrozen(list), name).toBe(true);
    for (const item of list) expect(Object.isFrozen(item), name).toBe(true);
  }
}

describe("article records", () => {
  it("should equal their schema parse and be frozen throughout, for every fixture and demo article", () => {
    const all = [...files(path.join(root, "tests", "fixtures")), ...files(path.join(root, "articles"))];
    expect(all.length).toBeGreaterThan(300);
    for (const file of all) expectSchemaRecord(parseArticle(readFileSync(file), { path: path.relative(root, file) }), file);
  });

  it("should equal their schema parse for empty, broken and unusual texts", () => {
    for (const [name, text] of ODD_TEXTS) expectSchemaRecord(parseArticle(new TextEncoder().encode(text), { path: name }), name);
    expectSchemaRecord(parseArticle(Uint8Array.from([0x48, 0x69, 0xff, 0x0a]), { path: "invalid-utf8.txt" }), "invalid-utf8.txt");
  });
});
