/**
 * `npm run eval:topics -- <folder>`: scores topic extraction against labelled news data and prints precision and
 * recall per kind, counted per article over its distinct entities (micro-averaged over the folder).
 *
 * Folders understood:
 * - Reuters-21578 style: `gold.jsonl` with `{file, places, people, orgs}` (country codes, surnames, org codes).
 *   Places are scored by country (a city counts as its country; regions with no country are not scored).
 * - GUM/Wikinews style: `index.json` listing `docs/*.json` with `text` and `named_salient_entities`; a topic is
 *   right when its name or a variant is a name or mention of a salient entity.
 * Every article goes through the real parser (`parseArticle`) and `assignTopics` over the whole folder, or one
 * record at a time with `--single` (exactly what `news-archive parse --json` prints).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticle } from "../src/parse/index.ts";
import type { ArticleRecord } from "../src/parse/index.ts";
import { assignTopics, gazetteer, slugOf } from "../src/topics/index.ts";
import type { ScoredTopic } from "../src/topics/index.ts";

type Kind = "place" | "person" | "organisation";
const KINDS: readonly Kind[] = ["place", "person", "organisation"];

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Reuters-21578 codes whose spelling is not the slug of our canonical name. */
const REUTERS_PLACE: Readonly<Record<string, string>> = {
  US: "usa", GB: "uk", SU: "ussr", RU: "ussr", DE: "west-germany", DD: "east-germany", KR: "south-korea", KP: "north-korea",
  AE: "uae", CI: "ivory-coast", CD: "zaire", CG: "congo", HK: "hong-kong", CZ: "czechoslovakia", YE: "yemen-arab-republic",
  MM: "burma",
};
const REUTERS_ORG: Readonly<Record<string, string>> = {
  "European Community": "ec", "European Union": "ec", "European Commission": "ec", OPEC: "opec", "World Bank": "worldbank",
  "International Coffee Organization": "ico-coffee", "International Monetary Fund": "imf", GATT: "gatt", OECD: "oecd",
  "International Cocoa Organization": "icco", "African Development Bank": "adb-africa", UNCTAD: "unctad",
  "International Natural Rubber Organization": "inro", "Association of Tin Producing Countries": "atpc",
  "International Energy Agency": "iea", "Food and Agriculture Organization": "fao", "International Maritime Organization": "imco",
  "United Nations": "un", "Bank for International Settlements": "bis", Euratom: "euratom",
  "International Development Association": "ida", "International Tin Council": "itc",
};

function main(argv: readonly string[]): number {
  single = argv.includes("--single");
  const folder = argv.find((a) => !a.startsWith("--"));
  if (folder === undefined) {
    process.stderr.write("Usage: npm run eval:topics -- [--single] <folder with gold.jsonl or index.json>\n");
    return 2;
  }
  const started = performance.now();
  let result: { counts: Record<Kind, Counts>; articles: number; inVocabulary?: Record<Kind, Counts>; evidence?: PlaceEvidence };
  if (existsSync(join(folder, "gold.jsonl"))) result = reuters(folder);
  else if (existsSync(join(folder, "index.json"))) result = gum(folder);
  else {
    process.stderr.write(`${folder} has neither gold.jsonl nor index.json; nothing to score.\n`);
    return 2;
  }
  process.stdout.write(`${folder}: ${result.articles} articles, ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  printTable("all predicted topics", result.counts);
  if (result.inVocabulary !== undefined) printTable("predictions the labels could name (people and orgs in the tag lists)", result.inVocabulary);
  if (result.evidence !== undefined) printEvidence(result.evidence);
  if (process.env["EVAL_VERBOSE"] === "2") {
    const top = [...misses.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60);
    process.stdout.write(`${top.map(([k, n]) => `${k}: ${n}`).join("\n")}\n`);
  }
  return 0;
}

function printTable(title: string, counts: Record<Kind, Counts>): void {
  process.stdout.write(`${title}\nkind           precision  recall  tp    fp    fn\n`);
  for (const k of KINDS) {
    const c = counts[k];
    const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
    const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
    process.stdout.write(`${k.padEnd(14)} ${p.toFixed(3).padStart(9)}  ${r.toFixed(3).padStart(6)}  ${String(c.tp).padEnd(5)} ${String(c.fp).padEnd(5)} ${c.fn}\n`);
  }
}

/** Topics of each record: over the whole folder, or one record at a time as `parse --json` does (`--single`). */
function assign(records: readonly ArticleRecord[]): readonly (readonly ScoredTopic[])[] {
  if (single) return records.map((r) => assignTopics([r]).scored?.[0] ?? []);
  return assignTopics(records).scored ?? [];
}

let single = false;

function emptyCounts(): Record<Kind, Counts> {
  return { place: { tp: 0, fp: 0, fn: 0 }, person: { tp: 0, fp: 0, fn: 0 }, organisation: { tp: 0, fp: 0, fn: 0 } };
}

function reuters(folder: string): { counts: Record<Kind, Counts>; articles: number; inVocabulary: Record<Kind, Counts>; evidence: PlaceEvidence } {
  const gold = readFileSync(join(folder, "gold.jsonl"), "utf8").split("\n").filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { file: string; places: string[]; people: string[]; orgs: string[] });
  const records = gold.map((g) => parseArticle(readFileSync(join(folder, g.file)), { path: g.file }));
  const scored = assign(records);
  const counts = emptyCounts();
  const inVocabulary = emptyCounts();
  const gaz = gazetteer();
  // Reuters tags people and organisations from closed lists: a name outside them can be neither right nor wrong.
  const peopleTags = new Set(gold.flatMap((g) => g.people));
  const orgTags = new Set(Object.values(REUTERS_ORG));
  const evidence: PlaceEvidence = { labels: 0, unnamed: 0, unnamedCodes: new Map(), namedTp: 0, namedFp: 0 };
  gold.forEach((g, i) => {
    const topics = scored[i] ?? [];
    const predicted = {
      place: new Set(topics.filter((t) => t.kind === "place").map((t) => placeCode(t.name, gaz)).filter((c): c is string => c !== null)),
      organisation: new Set(topics.filter((t) => t.kind === "organisation").map((t) => REUTERS_ORG[t.name] ?? t.slug)),
    };
    tally(counts.place, predicted.place, new Set(g.places), (p, gs) => gs.has(p));
    tally(counts.organisation, predicted.organisation, new Set(g.orgs), (p, gs) => gs.has(p));
    const people = new Set(topics.filter((t) => t.kind === "person").map((t) => t.name));
    tally(counts.person, people, new Set(g.people), (p, gs) => personCodes(p).some((c) => gs.has(c)), (gp, ps) => [...ps].some((p) => personCodes(p).includes(gp)));
    tally(inVocabulary.place, predicted.place, new Set(g.places), (p, gs) => gs.has(p));
    tally(inVocabulary.organisation, new Set([...predicted.organisation].filter((o) => orgTags.has(o))), new Set(g.orgs), (p, gs) => gs.has(p));
    const taggable = new Set([...people].filter((p) => personCodes(p).some((c) => peopleTags.has(c))));
    tally(inVocabulary.person, taggable, new Set(g.people), (p, gs) => personCodes(p).some((c) => gs.has(c)), (gp, ps) => [...ps].some((p) => personCodes(p).includes(gp)));
    weighEvidence(evidence, records[i]!, predicted.place, new Set(g.places), gaz);
    if (process.env["EVAL_VERBOSE"] === "1") report(g.file, topics, [...g.places, ...g.people, ...g.orgs]);
  });
  return { counts, articles: gold.length, inVocabulary, evidence };
}

function placeCode(name: string, gaz: ReturnType<typeof gazetteer>): string | null {
  const entry = gaz.byName(name);
  const country = entry?.country ?? null;
  if (country === null) return null;
  // A state the country list lacks (Yugoslavia) is its own country: name it, not its code.
  return REUTERS_PLACE[country] ?? slugOf(gaz.countryName(country) ?? (entry?.placeType === "country" ? name : country));
}

/**
 * What the text of the labelled articles lets any extractor reach for places: how many place labels have no
 * evidence at all in the headline and body (no name, alias, city or demonym of the country: Reuters' datelines,
 * from which many place tags come, are not part of the text), and the precision and recall of the plainest
 * high-recall rule, "every country named in the text, plus ours".
 */
interface PlaceEvidence {
  labels: number;
  unnamed: number;
  unnamedCodes: Map<string, number>;
  namedTp: number;
  namedFp: number;
}

/** Place codes named anywhere in a record's headline and body (n-grams of up to four words looked up in the gazetteer). */
function placesNamed(record: ArticleRecord, gaz: ReturnType<typeof gazetteer>): { any: Set<string>; countries: Set<string> } {
  const text = [record.title, ...record.body.map((b) => ("text" in b ? b.text : ""))].join("\n");
  const words = text.split(/[^\p{L}\p{N}.'-]+/u).map((w) => w.replace(/^[.'-]+|[.'-]+$/gu, "")).filter((w) => w !== "");
  const any = new Set<string>();
  const countries = new Set<string>();
  for (let i = 0; i < words.length; i += 1) {
    for (let n = 1; n <= 4 && i + n <= words.length; n += 1) {
      const surface = words.slice(i, i + n).join(" ");
      const looked = gaz.lookup(surface);
      const entry = looked?.entry ?? gaz.placeNamed(surface);
      if (entry?.kind !== "place") continue;
      const code = placeCode(entry.name, gaz);
      if (code === null) continue;
      any.add(code);
      if (entry.placeType === "country" && looked !== undefined && !looked.demonym) countries.add(code);
    }
  }
  return { any, countries };
}

function weighEvidence(e: PlaceEvidence, record: ArticleRecord, predicted: ReadonlySet<string>, gold: ReadonlySet<string>, gaz: ReturnType<typeof gazetteer>): void {
  const named = placesNamed(record, gaz);
  for (const code of gold) {
    e.labels += 1;
    if (named.any.has(code) || predicted.has(code)) continue;
    e.unnamed += 1;
    e.unnamedCodes.set(code, (e.unnamedCodes.get(code) ?? 0) + 1);
  }
  for (const code of new Set([...predicted, ...named.countries])) {
    if (gold.has(code)) e.namedTp += 1;
    else e.namedFp += 1;
  }
}

function printEvidence(e: PlaceEvidence): void {
  const top = [...e.unnamedCodes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([c, n]) => `${c} ${n}`).join(", ");
  process.stdout.write(
    `place labels with no evidence in the text: ${e.unnamed} of ${e.labels} (${top}); recall ceiling from the text ${((e.labels - e.unnamed) / e.labels).toFixed(3)}\n` +
      `"every country named in the text, plus ours": precision ${(e.namedTp / (e.namedTp + e.namedFp)).toFixed(3)}, recall ${(e.namedTp / e.labels).toFixed(3)}\n`,
  );
}

function personCodes(name: string): string[] {
  const parts = name.split(" ");
  return [slugOf(name), slugOf(parts[parts.length - 1]!), slugOf(parts.slice(-2).join(" "))];
}

/** Wrong and missed codes, for EVAL_VERBOSE=2. */
const misses = new Map<string, number>();

function tally(c: Counts, predicted: Set<string>, gold: Set<string>, isRight: (p: string, gold: Set<string>) => boolean, found?: (g: string, predicted: Set<string>) => boolean): void {
  for (const p of predicted) {
    if (isRight(p, gold)) c.tp += 1;
    else {
      c.fp += 1;
      misses.set(`fp ${p}`, (misses.get(`fp ${p}`) ?? 0) + 1);
    }
  }
  for (const g of gold) {
    if (found ? found(g, predicted) : predicted.has(g)) continue;
    c.fn += 1;
    misses.set(`fn ${g}`, (misses.get(`fn ${g}`) ?? 0) + 1);
  }
}

interface GumDoc {
  text: string;
  entities: { type: string; wikipedia: string | null; mentions: string[] }[];
}

function gum(folder: string): { counts: Record<Kind, Counts>; articles: number } {
  const index = JSON.parse(readFileSync(join(folder, "index.json"), "utf8")) as { file: string; named_salient_entities: string[] }[];
  const docs = index.map((d) => JSON.parse(readFileSync(join(folder, d.file), "utf8")) as GumDoc);
  const records: ArticleRecord[] = docs.map((doc, i) => {
    const lines = doc.text.split("\n");
    const text = [lines[0], "", lines[1], "", ...lines.slice(2).flatMap((l) => [l, ""])].join("\n");
    return parseArticle(text, { path: index[i]!.file.replace(/\.json$/u, ".txt") });
  });
  const scored = assign(records);
  const counts = emptyCounts();
  const kindOf: Record<string, Kind> = { person: "person", place: "place", organization: "organisation" };
  index.forEach((d, i) => {
    const doc = docs[i]!;
    const gold = [...new Set(d.named_salient_entities)].map((w) => {
      const ent = doc.entities.find((e) => e.wikipedia === w);
      const title = decodeURIComponent(w).replace(/_/gu, " ").replace(/ \(.*\)$/u, "");
      // "Professor Cres Eastman" names Cres Eastman: a title before a name is not part of it.
      const forms = new Set([title, ...(ent?.mentions ?? [])].flatMap((m) => [norm(m), norm(m.replace(HONORIFIC, ""))]));
      return { id: w, kind: kindOf[ent?.type ?? ""], forms };
    });
    const topics = (scored[i] ?? []).filter((t): t is ScoredTopic & { kind: Kind } => (KINDS as readonly string[]).includes(t.kind));
    const matches = (t: ScoredTopic, g: (typeof gold)[number]): boolean => [t.name, ...t.evidence.filter((e) => e.field !== "implied").map((e) => e.text)].some((v) => g.forms.has(norm(v)));
    for (const t of topics) {
      if (gold.some((g) => matches(t, g))) counts[t.kind].tp += 1;
      else counts[t.kind].fp += 1;
    }
    for (const g of gold) if (g.kind !== undefined && !topics.some((t) => matches(t, g))) counts[g.kind].fn += 1;
    if (process.env["EVAL_VERBOSE"] === "1") report(d.file, scored[i] ?? [], gold.map((g) => g.id));
  });
  return { counts, articles: index.length };
}

const HONORIFIC = /^(?:(?:[Tt]he|[Aa]|[Aa]n|[Ff]ormer|[Pp]rofessor|[Pp]rof\.?|[Dd]r\.?|[Mm]r\.?|[Mm]rs\.?|[Mm]s\.?|[Ss]ir|[Pp]resident|[Ss]enator|[Ss]en\.?|[Gg]overnor|[Mm]inister|[Pp]rime minister|[Ss]ecretary|[Cc]hairman|[Dd]irector|[Jj]udge|[Jj]ustice|[Mm]ayor|[Gg]eneral|[Gg]en\.?|[Aa]ctor|[Aa]ctress|[Mm]usician|[Ss]inger|[Aa]rtist|[Aa]uthor|[Cc]hancellor|[Kk]ing|[Qq]ueen|[Pp]rince|[Pp]rincess|[Pp]ope|[Cc]aptain|[Cc]apt\.?)\s+)+(?=\p{Lu})/u;

function norm(text: string): string {
  return slugOf(text.replace(/^(?:the|a|an) /iu, "").replace(/ ?['’]s$/u, ""));
}

function report(file: string, topics: readonly ScoredTopic[], gold: readonly string[]): void {
  process.stdout.write(`${file}\n  got:  ${topics.map((t) => `${t.name} (${t.kind})`).join(", ")}\n  gold: ${gold.join(", ")}\n`);
}

process.exitCode = main(process.argv.slice(2));
