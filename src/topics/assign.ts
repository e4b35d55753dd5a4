/**
 * Archive-wide topic assignment: per-article extraction (through the cache), then what needs the whole archive
 * (a surname joins the one full name the archive knows), the editors' vocabulary, salience selection and counts.
 */
import { withFields } from "../fields.ts";
import type { ArticleRecord, TopicKind, TopicRef } from "../parse/schema.ts";
import { contentKey, sourceContentKey } from "./cache.ts";
import type { CachedExtraction, ExtractionCache } from "./cache.ts";
import { DATELINE_BLOCK, surnameKeys } from "./extract.ts";
import type { ExtractedEntity, Extraction } from "./extract.ts";
import { extractText, textOf, type RecordText } from "./extract-record.ts";
import { gazetteer } from "./gazetteer.ts";
import { IMPLIED_BLOCK } from "./implied.ts";
import { keyOf, slugOf } from "./normalise.ts";
import type { ArchiveTopic, ScoredTopic, TopicAssignment, TopicEvidence, Vocabulary, VocabularyCandidate } from "./types.ts";

/** Options of `assignTopics`. */
export interface AssignTopicsOptions {
  /** The editors' vocabulary (default: none). */
  readonly vocabulary?: Vocabulary | undefined;
  /** Where extraction results are kept by content hash (default: none, every article is extracted). */
  readonly cache?: ExtractionCache | undefined;
  /**
   * A key that fixes all of a record's content (the archive layer's parse cache key), or undefined for a record
   * without one. The cache is then looked up by it, without reading the record's body (default: by the text's hash).
   */
  readonly sourceKey?: ((record: ArticleRecord) => string | undefined) | undefined;
}

/** Most extracted topics an article carries. */
const MAX_TOPICS = 8;
/**
 * Least salience score of a place not in the headline or dateline: a place named in passing ("a spokesman for the
 * U.S. Embassy", a modifier, weighs 0.7) is not what an article is about; a plain mention in the lead, or two in
 * the body, pass. Chosen on both labelled sets (Reuters and GUM): 2.5 (the lead and once more) lost recall on both
 * for a little precision on Reuters only.
 */
const MIN_PLACE_SCORE = 1.5;

/** Share of the leading name's score a place named in the lead needs (0.2 let in passing mentions on Reuters; 0.4 gained little). */
const LEAD_PLACE_SHARE = 0.3;

interface Resolved {
  name: string;
  kind: TopicKind | null;
  known: boolean;
  score: number;
  mentions: number;
  headline: boolean;
  lead: boolean;
  variants: string[];
  evidence: TopicEvidence[];
  /** Mentions introducing the name as a commentator's. */
  commentator: number;
  /** Introduced by a title of public office. */
  office: boolean;
}

/**
 * Gives each record its topics (front matter, rubric, then extracted ones, most salient first) and lists the
 * archive's topics. Works on one record as well as on a whole archive (a surname then joins full names met in
 * the other records too).
 * @param records validated article records; their `topics` are the front-matter topics
 * @param options vocabulary (default none) and extraction cache (default none)
 */
export function assignTopics(records: readonly ArticleRecord[], options: AssignTopicsOptions = {}): TopicAssignment {
  const vocab = indexVocabulary(options.vocabulary);
  let extracted = 0;
  let cached = 0;
  // The line of each body block the evidence points into, where the cache holds it (else read from the body).
  const blockLines: (readonly number[] | undefined)[] = [];
  const extractions = records.map((record): Extraction => {
    const cache = options.cache;
    const source = cache === undefined ? undefined : options.sourceKey?.(record);
    let text: RecordText | undefined;
    let key: string | undefined;
    if (cache !== undefined) {
      // By the source key, a hit reads nothing of the body; by the text's hash, the text is read first.
      key = source === undefined ? contentKey((text = textOf(record)), record.lang) : sourceContentKey(source);
      const hit = cache.get(key);
      if (hit !== undefined) {
        cached += 1;
        // Lines cached under a text hash could be another file's with the same text: only a source key's are this record's.
        blockLines.push(source === undefined ? undefined : hit.lines);
        return hit;
      }
    }
    extracted += 1;
    text ??= textOf(record);
    const { result, lines } = extractText(text, record.lang);
    blockLines.push(lines);
    if (key !== undefined) cache?.set(key, source === undefined ? result : ({ ...result, lines } satisfies CachedExtraction));
    return result;
  });
  const common = gazetteer().commonWords;

  const surnames = new Map<string, Set<string>>();
  for (const x of extractions) addSurnames(surnames, surnameEntries(x.entities));
  const candidateCounts = new Map<string, VocabularyCandidate>();
  const scored: ScoredTopic[][] = [];
  const tally = new TopicTally();
  const out = records.map((record, i) => {
    const entities = extractions[i]!.entities;
    const { refs, resolved } = recordTopics(record, entities, blockLines[i] ?? bodyLines(record), surnames, vocab);
    const taken = new Set(refs.map((t) => t.slug));
    for (const r of resolved) {
      if (r.name.length < 3 || taken.has(slugOf(r.name))) continue;
      if (r.kind === null && !r.name.includes(" ") && common.has(r.name.toLowerCase())) continue;
      const c = candidateCounts.get(r.name);
      candidateCounts.set(r.name, { name: r.name, kind: r.kind, articles: (c?.articles ?? 0) + 1 });
    }
    scored.push(refs);
    tallyRecord(tally, refs, entities);
    const topics: TopicRef[] = refs.map(({ name, slug, kind }) => ({ name, slug, kind }));
    return Object.freeze(withTopics(record, topics));
  });

  const topics = tally.topics(vocab);
  const known = new Set(topics.map((t) => t.slug));
  const candidates = [...candidateCounts.values()]
    .filter((c) => c.articles >= 2 && !known.has(slugOf(c.name)) && !vocab.suppressed.has(slugOf(c.name)) && !vocab.byKey.has(keyOf(c.name)))
    .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name));
  return { records: out, topics, scored, candidates, stats: { extracted, cached } };
}

/** The line of each block extraction reads (as `textOf` lists them). */
export function bodyLines(record: ArticleRecord): number[] {
  return record.body.filter((b) => b.type !== "preformatted").map((b) => b.line);
}

/**
 * A copy of a record with its topics replaced, in the same place of the field order: a record may read its body only
 * when asked for (a getter), which a spread would call; the archive layer's non-enumerable marks are kept.
 */
export function withTopics(record: ArticleRecord, topics: TopicRef[]): ArticleRecord {
  return withFields(record, { topics }, hasGetter(record, "body") || hasGetter(record, "html"));
}

function hasGetter(record: object, key: string): boolean {
  return Object.getOwnPropertyDescriptor(record, key)?.get !== undefined;
}

/**
 * A record's topics, most salient first (front matter, rubric, then the extracted ones it is about), and every name
 * resolved in it.
 * @param lookups collects the surname keys whose full names the resolution read (default: not collected)
 */
export function recordTopics(
  record: ArticleRecord,
  entities: readonly ExtractedEntity[],
  lines: readonly number[],
  surnames: ReadonlyMap<string, ReadonlySet<string>>,
  vocab: VocabIndex,
  lookups?: Set<string>,
): { refs: ScoredTopic[]; resolved: Resolved[] } {
  const resolved = resolve(entities, lines, surnames, vocab, lookups);
  const refs: ScoredTopic[] = [];
  const add = (t: ScoredTopic): void => {
    if (t.slug !== "" && !vocab.suppressed.has(t.slug) && !refs.some((r) => r.slug === t.slug)) refs.push(t);
  };
  for (const t of record.topics) {
    const entry = vocab.byKey.get(keyOf(t.name));
    const name = entry?.name ?? t.name;
    add({ name, slug: slugOf(name) || t.slug, kind: entry?.kind ?? t.kind, score: Infinity, evidence: [{ field: "frontMatter", line: null, text: t.name }] });
  }
  if (record.rubric !== null && record.rubric.trim() !== "") {
    const entry = vocab.byKey.get(keyOf(record.rubric));
    const name = entry?.name ?? record.rubric.trim();
    add({ name, slug: slugOf(name) || transliterated(name), kind: entry?.kind ?? "rubric", score: Infinity, evidence: [{ field: "rubric", line: null, text: record.rubric }] });
  }
  for (const r of select(resolved)) add({ name: r.name, slug: slugOf(r.name), kind: r.kind ?? "subject", score: r.score, evidence: r.evidence });
  return { refs, resolved };
}

/** The few entities an article is about: in the headline, in the lead and again, or mentioned repeatedly. */
function select(resolved: readonly Resolved[]): Resolved[] {
  const top = resolved.reduce((m, r) => Math.max(m, r.kind === null ? 0 : r.score), 0);
  const topPerson = resolved.reduce((m, r) => Math.max(m, r.kind === "person" ? r.score : 0), 0);
  const gaz = gazetteer();
  return resolved
    .filter((r) => r.kind !== null && (r.known || r.kind === "person" || r.headline || r.mentions >= 3))
    .filter((r) => {
      if (r.headline) return true;
      if (r.kind === "person") return salientPerson(r, topPerson);
      if (r.kind === "place" && r.score < MIN_PLACE_SCORE) return false;
      // A national body named outside the headline is mostly the story's source ("the Agriculture Department said"):
      // it counts towards its country, and is a topic itself only when it leads the story and recurs.
      if (r.kind === "organisation" && r.known && (gaz.byName(r.name)?.country ?? null) !== null && !(r.lead && r.mentions >= 3)) return false;
      // A place in the lead that weighs a third of the leading name is part of what the story is about.
      if (r.kind === "place" && r.lead && r.score >= LEAD_PLACE_SHARE * top) return true;
      return (r.lead && r.mentions >= 2) || r.mentions >= 3 || (r.known && (r.kind === "subject" || (r.kind === "organisation" && r.mentions >= 2))) || r.score >= 0.5 * top;
    })
    .filter((r) => r.score >= 0.08 * top || (r.known && r.kind === "subject"))
    .slice(0, MAX_TOPICS);
}

/** Mentions that make one of the article's leading people its subject though no title of office introduces them. */
const SUBJECT_PERSON_MENTIONS = 4;

/**
 * Whether a person named outside the headline is what the article is about. Named in the lead and again, or three
 * times, and then either introduced by a title of public office (a president, a minister, a central bank's
 * governor: the people news is about) or named throughout, at least half as prominently as the article's leading
 * person (a researcher whose study it reports, a candidate in a campaign story). Officials quoted along the way,
 * executives, legislators and analysts are its sources. Chosen on both labelled sets and the demo archive: office
 * alone lost GUM's researchers and the demo's Joe Biden; every repeated name kept Reuters' quoted sources.
 */
function salientPerson(r: Resolved, topPerson: number): boolean {
  // An analyst or spokesman quoted in the story is its source, not its subject.
  if (r.commentator > 0 || r.mentions < 2 || !(r.lead || r.mentions >= 3)) return false;
  return r.office || (r.mentions >= SUBJECT_PERSON_MENTIONS && r.score >= 0.5 * topPerson);
}

/** The vocabulary as resolution looks it up. */
export interface VocabIndex {
  /** Folded form -> topic; `kind` null for a merge target the vocabulary does not describe (keeps the extracted kind). */
  byKey: Map<string, { name: string; kind: TopicKind | null; description: string | null }>;
  suppressed: Set<string>;
}

/** Indexes the editors' vocabulary by folded name; none gives an empty index. */
export function indexVocabulary(vocabulary: Vocabulary | undefined): VocabIndex {
  const byKey = new Map<string, { name: string; kind: TopicKind | null; description: string | null }>();
  const suppressed = new Set<string>();
  if (vocabulary === undefined) return { byKey, suppressed };
  for (const e of vocabulary.entries) for (const form of [e.name, ...e.aliases]) byKey.set(keyOf(form), e);
  for (const m of vocabulary.merges ?? []) {
    const target = byKey.get(keyOf(m.into)) ?? { name: m.into, kind: null, description: null };
    byKey.set(keyOf(m.from), target);
  }
  for (const s of vocabulary.suppress) suppressed.add(slugOf(s));
  return { byKey, suppressed };
}

/**
 * What one record's extraction adds to the archive's surname map: `[surname key, full name]` pairs, flat, for each
 * full person name (its last word, and the one before it where that may be a surname too).
 */
export function surnameEntries(entities: readonly ExtractedEntity[]): string[] {
  const entries: string[] = [];
  for (const e of entities) {
    if (e.kind !== "person") continue;
    const parts = e.name.split(" ");
    if (parts.length < 2) continue;
    for (const k of surnameKeys(parts, gazetteer())) entries.push(k, e.name);
  }
  return entries;
}

/** Adds a record's `surnameEntries` to the archive's map (surname key -> the full names it could stand for). */
export function addSurnames(map: Map<string, Set<string>>, entries: readonly string[]): void {
  for (let i = 0; i + 1 < entries.length; i += 2) {
    const set = map.get(entries[i]!);
    if (set === undefined) map.set(entries[i]!, new Set([entries[i + 1]!]));
    else set.add(entries[i + 1]!);
  }
}

function resolve(
  entities: readonly ExtractedEntity[],
  lines: readonly number[],
  surnames: ReadonlyMap<string, ReadonlySet<string>>,
  vocab: VocabIndex,
  lookups: Set<string> | undefined,
): Resolved[] {
  const byName = new Map<string, Resolved>();
  for (const e of entities) {
    let name = e.name;
    let kind = e.kind;
    let known = e.known;
    const entry = vocab.byKey.size === 0 ? undefined : [e.name, ...e.variants].map((v) => vocab.byKey.get(keyOf(v))).find((x) => x !== undefined);
    if (entry !== undefined) {
      name = entry.name;
      kind = entry.kind ?? kind;
      known = true;
    } else if (!e.known && !e.name.includes(" ") && (e.kind === "person" || e.kind === null)) {
      const surname = keyOf(e.name);
      lookups?.add(surname);
      const full = surnames.get(surname);
      if (full !== undefined && full.size === 1) {
        name = [...full][0]!;
        kind = "person";
      }
    }
    if (vocab.suppressed.size > 0 && [name, ...e.variants].some((v) => vocab.suppressed.has(slugOf(v)))) continue;
    const evidence = e.evidence.map((ev): TopicEvidence => ({
      field: ev.block === -1 ? "title" : ev.block === DATELINE_BLOCK ? "dateline" : ev.block === IMPLIED_BLOCK ? "implied" : "body",
      line: ev.block < 0 ? null : (lines[ev.block] ?? null),
      text: ev.text,
    }));
    const prev = byName.get(name);
    if (prev === undefined) {
      byName.set(name, { name, kind, known, score: e.score, mentions: e.mentions, headline: e.headline, lead: e.lead, variants: [...e.variants], evidence, commentator: e.commentator ?? 0, office: e.office === true });
    } else {
      prev.score += e.score;
      prev.mentions += e.mentions;
      prev.headline ||= e.headline;
      prev.lead ||= e.lead;
      prev.kind ??= kind;
      prev.commentator += e.commentator ?? 0;
      prev.office ||= e.office === true;
      for (const v of e.variants) if (!prev.variants.includes(v)) prev.variants.push(v);
      prev.evidence.push(...evidence);
    }
  }
  return [...byName.values()].sort((a, b) => b.score - a.score);
}

/** A record's topics and extracted entities counted into the archive's topic list. */
export function tallyRecord(tally: TopicTally, refs: readonly ScoredTopic[], entities: readonly ExtractedEntity[]): void {
  for (const r of refs) {
    const variants = tally.topic(r.name, r.slug, r.kind);
    for (const ev of r.evidence) if (ev.field !== "implied") variants.add(ev.text);
  }
  for (const e of entities) {
    const variants = tally.entity(slugOf(e.name));
    if (variants !== undefined) for (const v of e.variants) variants.add(v);
  }
}

/**
 * The archive's topic list, counted record by record in the records' order: the first record to carry a topic gives
 * its name and kind, and the names it was found as are kept in the order met.
 */
export class TopicTally {
  readonly #bySlug = new Map<string, { name: string; kind: TopicKind; count: number; variants: Set<string> }>();

  /** Counts a topic of the next record; returns its variants, for the names (not implied) it was found as. */
  topic(name: string, slug: string, kind: TopicKind): Set<string> {
    let t = this.#bySlug.get(slug);
    if (t === undefined) {
      t = { name, kind, count: 0, variants: new Set<string>([name]) };
      this.#bySlug.set(slug, t);
    }
    t.count += 1;
    return t.variants;
  }

  /** The variants of the topic an extracted entity's slug names, if a record counted so far carries it. */
  entity(slug: string): Set<string> | undefined {
    return this.#bySlug.get(slug)?.variants;
  }

  /** The topics counted, most articles first, with the vocabulary's descriptions. */
  topics(vocab: VocabIndex): ArchiveTopic[] {
    return [...this.#bySlug.entries()]
      .map(([slug, t]) => ({ name: t.name, slug, kind: t.kind, description: vocab.byKey.get(keyOf(t.name))?.description ?? null, count: t.count, variants: [...t.variants] }))
      .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
  }
}

const CYRILLIC: Readonly<Record<string, string>> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", к: "k", л: "l", м: "m", н: "n",
  о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y",
  ь: "", э: "e", ю: "yu", я: "ya", і: "i", ї: "yi", є: "ye", ґ: "g",
};

/** A readable slug for a name in Cyrillic ("Политика" -> "politika"). */
function transliterated(name: string): string {
  return slugOf([...name.toLowerCase()].map((c) => CYRILLIC[c] ?? c).join(""));
}
