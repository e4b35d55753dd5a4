import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { config } from "../src/config.ts";
import { parseArticle, type ArticleRecord } from "../src/parse/index.ts";
import { AssignmentState, assignTopics, assignTopicsIncremental, type CachedExtraction, type Vocabulary } from "../src/topics/index.ts";

const ROOT = join(import.meta.dirname, "..");
const DEMO = join(ROOT, "articles");

/** Each record's source key: a hash of its path and text, as the archive's parse cache key fixes a record's content. */
const keys = new WeakMap<ArticleRecord, string>();
const sourceKey = (record: ArticleRecord): string | undefined => keys.get(record);

function record(path: string, text: string): ArticleRecord {
  const parsed = parseArticle(text, { path });
  keys.set(parsed, createHash("sha256").update(`${path}\0${text}`).digest("hex"));
  return parsed;
}

/** A record from text written for the test: front matter (optional), headline, then paragraphs. */
function written(name: string, title: string, paragraphs: readonly string[], frontMatter = ""): ArticleRecord {
  const head = frontMatter === "" ? "" : `---\n${frontMatter}\n---\n`;
  return record(`written/${name}.txt`, `${head}${title}\n\n${paragraphs.join("\n\n")}\n`);
}

/** The first demo articles, in path order. */
function demo(count: number): ArticleRecord[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (/\.(txt|md)$/u.test(entry.name)) files.push(join(dir, entry.name));
    }
  };
  walk(DEMO);
  return files.slice(0, count).map((file) => record(relative(ROOT, file), readFileSync(file, "utf8")));
}

/** The state as the archive keeps it: through JSON and back. */
function roundTrip(state: AssignmentState): AssignmentState {
  const decoded = AssignmentState.decode(JSON.parse(JSON.stringify(state)));
  expect(decoded).toBeDefined();
  return decoded!;
}

/**
 * Assigns the records incrementally from the previous state and in full, expects the same result, and returns the
 * next state with the number of records resolved again.
 */
function step(records: readonly ArticleRecord[], previous: AssignmentState | undefined, vocabulary?: Vocabulary): { state: AssignmentState; resolved: number; topics: ReturnType<typeof assignTopics>["topics"]; records: readonly ArticleRecord[] } {
  const cache = new Map<string, CachedExtraction>();
  const incremental = assignTopicsIncremental(records, { sourceKey, cache, vocabulary }, previous);
  const full = assignTopics(records, { vocabulary });
  expect(incremental).toBeDefined();
  expect(incremental!.records.map((r) => r.topics)).toEqual(full.records.map((r) => r.topics));
  expect(incremental!.records).toEqual(full.records);
  expect(incremental!.topics).toEqual(full.topics);
  return { state: roundTrip(incremental!.state), resolved: incremental!.stats.resolved, topics: full.topics, records: full.records };
}

const topicNames = (r: ArticleRecord | undefined): string[] => (r?.topics ?? []).map((t) => t.name);

const johnSmith = written("john-smith", "John Smith opens a new dairy in Vermont", [
  "Rancher John Smith opened a dairy in Vermont on Monday, the first in the county for twenty years.",
  "John Smith said the dairy would employ forty people. John Smith thanked the town council.",
]);
const smithOnly = written("smith-only", "County voters elect Smith as mayor", [
  "Voters chose Smith on Tuesday by a clear majority, officials said.",
  "Supporters of Smith celebrated in the square. Reporters asked Smith about taxes, and Smith promised to cut them.",
]);
const adamSmith = written("adam-smith", "Adam Smith named head of the county bank", [
  "Banker Adam Smith was named head of the county bank on Wednesday.",
  "Adam Smith said the bank would lend more to farmers. Adam Smith joined the bank in 1990.",
]);
/** Records carrying one front-matter topic, so that its count is known. */
const lake = (n: number): ArticleRecord =>
  written(`lake-${n}`, `Fishermen report a good season, part ${n}`, ["Fishermen said the season was good."], "topics: [Lake Baikal]");

describe("incremental topic assignment", () => {
  it("should give exactly what a full assignment gives, through edits, additions, removals and reordering", () => {
    const base = [...demo(40), johnSmith, smithOnly, lake(1), lake(2)];
    let at = step(base, undefined);
    expect(at.resolved).toBe(base.length);
    const smith = (): string[] => topicNames(at.records.find((r) => r.file === smithOnly.file));
    expect(smith()).toContain("John Smith");

    // Nothing changed: nothing is resolved again.
    at = step(base, at.state);
    expect(at.resolved).toBe(0);

    // One article edited: a sentence appended to its last paragraph.
    const edited = [...base];
    const original = base[3]!;
    const text = readFileSync(join(ROOT, original.file), "utf8").replace(/\n*$/u, " Angela Merkel said talks would resume. Angela Merkel spoke in Berlin.\n");
    edited[3] = record(original.file, text);
    at = step(edited, at.state);
    expect(at.resolved).toBe(1);

    // A second full name for a surname: the unchanged record naming "Smith" alone no longer means John Smith.
    const withAdam = [...edited, adamSmith];
    at = step(withAdam, at.state);
    expect(smith()).not.toContain("John Smith");
    expect(at.resolved).toBeGreaterThanOrEqual(2);

    // And removed again.
    at = step(edited, at.state);
    expect(smith()).toContain("John Smith");

    // A topic crossing the topic-page threshold, both ways.
    const min = config.topicPageMinArticlesFor(edited.length + 1);
    const lakes = Array.from({ length: min }, (_v, i) => lake(i + 1));
    const countOf = (): number => at.topics.find((t) => t.slug === "lake-baikal")?.count ?? 0;
    at = step([...edited.filter((r) => !r.file.includes("lake-")), ...lakes], at.state);
    expect(countOf()).toBe(min);
    at = step([...edited.filter((r) => !r.file.includes("lake-")), ...lakes.slice(1)], at.state);
    expect(countOf()).toBe(min - 1);

    // Records removed from the middle, and the order reversed: names and variants follow the new order.
    at = step([...base.slice(0, 10), ...base.slice(20)].reverse(), at.state);
    at = step([], at.state);
    expect(at.topics).toEqual([]);
    step(base, at.state);
  });

  it("should resolve every record when the state is empty, and agree with a vocabulary", () => {
    const records = [...demo(15), johnSmith, smithOnly, adamSmith];
    const vocabulary: Vocabulary = { entries: [{ name: "Smithsonian", kind: "organisation", aliases: ["Smith"], description: "A museum." }], suppress: ["Vermont"] };
    const first = step(records, undefined, vocabulary);
    expect(first.resolved).toBe(records.length);
    expect(step(records.slice(1), first.state, vocabulary).resolved).toBe(0);
  });

  it("should give undefined when a record has no source key", () => {
    const unkeyed = parseArticle("Headline\n\nText.\n", { path: "unkeyed.txt" });
    expect(assignTopicsIncremental([johnSmith, unkeyed], { sourceKey })).toBeUndefined();
  });

  it("should read a damaged or foreign state as none", () => {
    const { state } = step([johnSmith, smithOnly], undefined);
    const json = JSON.parse(JSON.stringify(state)) as { strings: string[]; sources: string[]; facts: number[] };
    const kind = json.strings.indexOf("person");
    const damaged: unknown[] = [
      null,
      [1, 2],
      { ...json, facts: json.facts.slice(0, -1) },
      { ...json, facts: [...json.facts, 0] },
      { ...json, facts: json.facts.map((n, i) => (i === 1 ? json.strings.length : n)) },
      { ...json, facts: json.facts.map((n) => (n === kind ? json.strings.indexOf("John Smith") : n)) },
      { ...json, strings: [...json.strings, json.strings[0]] },
      { ...json, sources: json.sources.slice(1) },
      { ...json, facts: json.facts.map((n, i) => (i === 0 ? -1 : n)) },
      { ...json, facts: json.facts.map((n, i) => (i === 0 ? 0.5 : n)) },
    ];
    expect(kind).toBeGreaterThanOrEqual(0);
    for (const value of damaged) expect(AssignmentState.decode(value), JSON.stringify(value).slice(0, 60)).toBeUndefined();
    expect(AssignmentState.decode(json)).toBeDefined();
  });
});
