import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeExtraction, encodeExtraction, extractionStore } from "../src/archive/extraction-store.ts";
import { loadRecords } from "../src/archive/index.ts";
import { assignTopics, type CachedExtraction, type ExtractedEntity } from "../src/topics/index.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "site", "articles");

let base: string;
let extractions: CachedExtraction[];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "news-archive-extractions-"));
  const { records } = await loadRecords(FIXTURES);
  const cache = new Map<string, CachedExtraction>();
  assignTopics(records, { cache });
  extractions = [...cache.values()];
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const entity: ExtractedEntity = {
  name: "Clayton Yeutter", kind: "person", key: "clayton yeutter", known: false, variants: ["Clayton Yeutter", "Yeutter"],
  mentions: 3, headline: false, lead: true, score: 2.7333333333333334, located: false,
  evidence: [{ block: 0, offset: 12, text: "Clayton Yeutter" }, { block: -2, offset: 0, text: "Yeutter" }],
};

describe("the extraction store", () => {
  it("should decode every extraction of the fixture archive, through JSON, to the value extraction returned", () => {
    expect(extractions.length).toBeGreaterThan(5);
    expect(extractions.some((x) => x.entities.length > 0)).toBe(true);
    for (const extraction of extractions) expect(decodeExtraction(JSON.parse(JSON.stringify(encodeExtraction(extraction))))).toStrictEqual(extraction);
  });

  it("should keep optional fields absent, false or set as they were, and the body lines", () => {
    const variants: ExtractedEntity[] = [
      entity,
      { ...entity, office: false },
      { ...entity, office: true, commentator: 0, country: "United States" },
      { ...entity, name: "Paris", key: "Paris", kind: null, known: true, headline: true, located: true, evidence: [] },
    ];
    const value: CachedExtraction = { entities: variants, lines: [3, 5, 9] };
    expect(decodeExtraction(JSON.parse(JSON.stringify(encodeExtraction(value))))).toStrictEqual(value);
    expect(decodeExtraction(encodeExtraction({ entities: [] }))).toStrictEqual({ entities: [] });
  });

  it("should read anything else as a miss", () => {
    for (const value of [undefined, null, { entities: [] }, [[["x"]], null], "text", [[], null, 1]]) expect(decodeExtraction(value)).toBeUndefined();
  });

  it("should store extractions in a folder in about half the JSON of plain objects", async () => {
    const dir = join(base, "cache");
    const store = extractionStore(dir);
    extractions.forEach((x, i) => store.set(i.toString(16).padStart(64, "0"), x));
    store.flush();
    const again = extractionStore(dir);
    extractions.forEach((x, i) => expect(again.get(i.toString(16).padStart(64, "0"))).toStrictEqual(x));
    const files = await readdir(join(dir, "topics-pack"));
    const bytes = (await Promise.all(files.map((f) => readFile(join(dir, "topics-pack", f), "utf8")))).join("").length;
    const plain = extractions.reduce((sum, x) => sum + JSON.stringify(x).length + 66, 0);
    expect(bytes).toBeLessThan(0.6 * plain);
  });
});
