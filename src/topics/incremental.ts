/**
 * Topic assignment that redoes only what changed since a previous one, with the same result as `assignTopics`. A
 * record's topics depend on its own content (fixed by its source key), the vocabulary, the topics code, and of the
 * rest of the archive only on the full names the archive's surname map holds for the surnames its resolution looked
 * up. So a record is resolved again when it is new or changed, or when one of those surnames' full names changed
 * (a record added, changed or removed elsewhere named a second "… Smith"); every other record keeps its topics from
 * the previous state. The archive's topic list is counted again over every record's kept facts, in order.
 *
 * The previous state must come from the same vocabulary and topics code (the caller keys it by them).
 */
import type { ArticleRecord, TopicRef } from "../parse/schema.ts";
import {
  addSurnames, bodyLines, indexVocabulary, recordTopics, surnameEntries, TopicTally, withTopics, type AssignTopicsOptions,
} from "./assign.ts";
import {
  AssignmentState, type RecordFacts,
} from "./assignment-state.ts";
import { sourceContentKey, type CachedExtraction, type ExtractionCache } from "./cache.ts";
import { extractRecord } from "./extract-record.ts";
import { slugOf } from "./normalise.ts";
import type { ArchiveTopic } from "./types.ts";

/** What `assignTopicsIncremental` returns. */
export interface IncrementalAssignment {
  /** The records with `topics` set, as `assignTopics` sets them. */
  readonly records: readonly ArticleRecord[];
  /** The archive's topics, as `assignTopics` lists them. */
  readonly topics: readonly ArchiveTopic[];
  /** What the next assignment starts from. */
  readonly state: AssignmentState;
  /** Records resolved again (new or changed, or reading a surname whose full names changed), and kept. */
  readonly stats: { readonly resolved: number; readonly kept: number };
}

/**
 * Gives each record its topics and lists the archive's topics, as `assignTopics` does, redoing only what changed
 * since `previous`; undefined when a record has no source key (nothing then tells a changed record).
 * @param records validated article records; their `topics` are the front-matter topics
 * @param options vocabulary (default none), extraction cache (default none) and the records' source keys (needed)
 * @param previous the state of the last assignment with the same vocabulary and code (default none: all are resolved)
 */
export function assignTopicsIncremental(
  records: readonly ArticleRecord[],
  options: AssignTopicsOptions,
  previous?: AssignmentState,
): IncrementalAssignment | undefined {
  const sources: string[] = [];
  for (const record of records) {
    const source = options.sourceKey?.(record);
    if (source === undefined) return undefined;
    sources.push(source);
  }
  const vocab = indexVocabulary(options.vocabulary);
  const before = previous ?? AssignmentState.writer().state();
  const kept = new Map<string, number>();
  before.sources.forEach((source, i) => kept.set(source, i));
  const at = sources.map((source) => kept.get(source));
  const present = new Set<number>();
  for (const i of at) if (i !== undefined) present.add(i);

  // New and changed records: their extractions and surname entries.
  const extractions = new Map<number, CachedExtraction>();
  const entries = new Map<number, string[]>();
  at.forEach((i, r) => {
    if (i !== undefined) return;
    const extraction = extractionOf(records[r]!, sources[r]!, options.cache);
    extractions.set(r, extraction);
    entries.set(r, surnameEntries(extraction.entities));
  });

  // The surname map now, and the surnames whose full names may have changed: those of records gone or come.
  const surnames = new Map<string, Set<string>>();
  const touched = new Set<string>();
  at.forEach((i, r) => {
    if (i === undefined) {
      addSurnames(surnames, entries.get(r)!);
      entries.get(r)!.forEach((s, k) => k % 2 === 0 && touched.add(s));
    } else {
      addSurnames(surnames, before.surnamePairs(i));
    }
  });
  before.sources.forEach((_source, i) => {
    if (!present.has(i)) before.surnamePairs(i).forEach((s, k) => k % 2 === 0 && touched.add(s));
  });
  const old = new Map<string, Set<string>>();
  if (touched.size > 0) {
    before.sources.forEach((_source, i) => {
      const pairs = before.surnamePairs(i);
      for (let k = 0; k < pairs.length; k += 2) if (touched.has(pairs[k]!)) addSurnames(old, [pairs[k]!, pairs[k + 1]!]);
    });
  }
  const changed = new Set([...touched].filter((key) => soleName(old.get(key)) !== soleName(surnames.get(key))));

  // Kept records that read a changed surname are resolved again, from their cached extraction.
  if (changed.size > 0) {
    at.forEach((i, r) => {
      if (i === undefined) return;
      if (before.lookups(i).some((key) => changed.has(key))) extractions.set(r, extractionOf(records[r]!, sources[r]!, options.cache));
    });
  }

  const writer = AssignmentState.writer();
  const tally = new TopicTally();
  const shared = new Map<number, TopicRef>();
  const out = records.map((record, r) => {
    const extraction = extractions.get(r);
    if (extraction === undefined) {
      const topics = keptTopics(before, at[r]!, tally, shared);
      writer.copy(before, at[r]!);
      return Object.freeze(withTopics(record, topics));
    }
    const lookups = new Set<string>();
    const { refs } = recordTopics(record, extraction.entities, extraction.lines ?? bodyLines(record), surnames, vocab, lookups);
    // Arrays made by literals and loops, not `map` and `filter`: an empty result of those has another element kind,
    // and the state writer and the tally, compiled for one, were deoptimised and compiled again on meeting the other.
    const topicFacts: Writable<RecordFacts["topics"]> = [];
    for (const t of refs) {
      const texts: string[] = [];
      for (const ev of t.evidence) if (ev.field !== "implied") texts.push(ev.text);
      topicFacts.push({ name: t.name, slug: t.slug, kind: t.kind, texts });
    }
    const entityFacts: Writable<RecordFacts["entities"]> = [];
    for (const e of extraction.entities) entityFacts.push([slugOf(e.name), e.variants]);
    const facts: RecordFacts = { pairs: entries.get(r) ?? surnameEntries(extraction.entities), lookups, topics: topicFacts, entities: entityFacts };
    const topics = tallyFacts(facts, tally);
    writer.add(sources[r]!, facts);
    return Object.freeze(withTopics(record, topics));
  });
  return { records: out, topics: tally.topics(vocab), state: writer.state(), stats: { resolved: extractions.size, kept: records.length - extractions.size } };
}

type Writable<T> = T extends readonly (infer U)[] ? U[] : never;

/** A record's extraction, from the cache under its source key or extracted (and cached), as `assignTopics` does. */
function extractionOf(record: ArticleRecord, source: string, cache: ExtractionCache | undefined): CachedExtraction {
  const key = sourceContentKey(source);
  const hit = cache?.get(key);
  if (hit !== undefined) return hit;
  const extraction = extractRecord(record);
  cache?.set(key, extraction);
  return extraction;
}

/** The full name a surname key stands for: the one the archive knows, else none. */
function soleName(names: ReadonlySet<string> | undefined): string | null {
  return names?.size === 1 ? [...names][0]! : null;
}

/**
 * A kept record's topics, counted into the tally as `tallyRecord` counts them. The same topic is one frozen object
 * for all kept records (as the topics memo gives them), found by its string indices.
 */
function keptTopics(state: AssignmentState, index: number, tally: TopicTally, shared: Map<number, TopicRef>): TopicRef[] {
  const { facts, strings } = state;
  const topics: TopicRef[] = [];
  let i = state.topicsStart(index);
  for (let n = facts[i++]!; n > 0; n -= 1) {
    const [name, slug, kind] = [facts[i]!, facts[i + 1]!, facts[i + 2]!];
    i += 3;
    const id = name * strings.length + slug;
    let ref = shared.get(id);
    if (ref === undefined || ref.kind !== state.kind(kind)) {
      ref = Object.freeze({ name: strings[name]!, slug: strings[slug]!, kind: state.kind(kind) });
      if (!shared.has(id)) shared.set(id, ref);
    }
    topics.push(ref);
    const variants = tally.topic(ref.name, ref.slug, ref.kind);
    for (let m = facts[i++]!; m > 0; m -= 1) variants.add(strings[facts[i++]!]!);
  }
  for (let n = facts[i++]!; n > 0; n -= 1) {
    const variants = tally.entity(strings[facts[i++]!]!);
    let m = facts[i++]!;
    if (variants === undefined) i += m;
    else for (; m > 0; m -= 1) variants.add(strings[facts[i++]!]!);
  }
  return topics;
}

/** A resolved record's topics, counted into the tally as `tallyRecord` counts them. */
function tallyFacts(facts: RecordFacts, tally: TopicTally): TopicRef[] {
  for (const t of facts.topics) {
    const variants = tally.topic(t.name, t.slug, t.kind);
    for (const text of t.texts) variants.add(text);
  }
  for (const [slug, variants] of facts.entities) {
    const topic = tally.entity(slug);
    if (topic !== undefined) for (const v of variants) topic.add(v);
  }
  const topics: TopicRef[] = [];
  for (const { name, slug, kind } of facts.topics) topics.push({ name, slug, kind });
  return topics;
}
