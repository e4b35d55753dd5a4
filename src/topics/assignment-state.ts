/**
 * What an assignment keeps of each record so that the next one redoes only what changed (see incremental.ts): the
 * record's source key, and its facts: what it adds to the archive's surname map, the surname keys its resolution
 * read, its topics with the names they were found as, and each extracted entity's slug and variants (what the
 * archive's topic list counts). Every string once in a table, each record's facts a run of numbers (counts, and indices
 * into the table) in one array, plain or typed (a file can hold it as 32-bit integers):
 *
 *   surname pairs n, [key, full name] × n; lookups n, key × n;
 *   topics n, [name, slug, kind, texts m, text × m] × n; entities n, [slug, variants m, variant × m] × n
 */
import { topicKindSchema, type TopicKind } from "../parse/schema.ts";

/** The state as written to and read from a file. */
export interface EncodedState {
  readonly strings: readonly string[];
  readonly sources: readonly string[];
  readonly facts: ArrayLike<number>;
}

/** Which part of a record's facts a string index is (the `field` of a `walkFacts` visit). */
export const PAIR_KEY = 0;
export const PAIR_NAME = 1;
export const LOOKUP = 2;
export const TOPIC_NAME = 3;
export const TOPIC_SLUG = 4;
export const TOPIC_KIND = 5;
export const TOPIC_TEXT = 6;
export const ENTITY_SLUG = 7;
export const ENTITY_VARIANT = 8;

/**
 * Visits the string indices of the facts of the record starting at `at`, each with its field and position; returns
 * where the next record starts. Throws on facts that run past the array's end.
 */
export function walkFacts(facts: ArrayLike<number>, at: number, visit: (field: number, id: number, position: number) => void): number {
  const length = facts.length;
  let i = at;
  // Each section: a count, then that many groups of string indices (a topic's and an entity's groups end in a run).
  for (let n = numberAt(facts, i++, length); n > 0; n -= 1, i += 2) {
    if (i + 1 >= length) throw new RangeError("facts cut short");
    visit(PAIR_KEY, facts[i]!, i);
    visit(PAIR_NAME, facts[i + 1]!, i + 1);
  }
  for (let n = numberAt(facts, i++, length); n > 0; n -= 1, i += 1) visit(LOOKUP, numberAt(facts, i, length), i);
  for (let n = numberAt(facts, i++, length); n > 0; n -= 1) {
    visit(TOPIC_NAME, numberAt(facts, i, length), i);
    visit(TOPIC_SLUG, numberAt(facts, i + 1, length), i + 1);
    visit(TOPIC_KIND, numberAt(facts, i + 2, length), i + 2);
    i += 3;
    for (let m = numberAt(facts, i++, length); m > 0; m -= 1, i += 1) visit(TOPIC_TEXT, numberAt(facts, i, length), i);
  }
  for (let n = numberAt(facts, i++, length); n > 0; n -= 1) {
    visit(ENTITY_SLUG, numberAt(facts, i, length), i);
    i += 1;
    for (let m = numberAt(facts, i++, length); m > 0; m -= 1, i += 1) visit(ENTITY_VARIANT, numberAt(facts, i, length), i);
  }
  return i;
}

/** The number at `i`, which must be in the facts. */
function numberAt(facts: ArrayLike<number>, i: number, length: number): number {
  if (i >= length) throw new RangeError("facts cut short");
  return facts[i]!;
}

/** A checked state: every index in range, every kind a topic kind, every string once. */
export class AssignmentState {
  readonly strings: readonly string[];
  readonly sources: readonly string[];
  readonly facts: ArrayLike<number>;
  /** Where each record's facts start. */
  readonly starts: readonly number[];

  private constructor(encoded: EncodedState, starts: number[]) {
    this.strings = encoded.strings;
    this.sources = encoded.sources;
    this.facts = encoded.facts;
    this.starts = starts;
  }

  /** The state of a parsed JSON value (`facts` a plain or an Int32Array); undefined for anything damaged or foreign. */
  static decode(value: unknown): AssignmentState | undefined {
    if (typeof value !== "object" || value === null) return undefined;
    const { strings, sources, facts } = value as Partial<Record<keyof EncodedState, unknown>>;
    if (!isStrings(strings) || !isStrings(sources) || !(Array.isArray(facts) || facts instanceof Int32Array)) return undefined;
    if (new Set(strings).size !== strings.length) return undefined;
    const numbers = facts as ArrayLike<unknown>;
    for (let i = 0; i < numbers.length; i += 1) {
      const n = numbers[i];
      if (!Number.isInteger(n) || (n as number) < 0) return undefined;
    }
    const starts: number[] = [];
    let ok = true;
    const check = (field: number, id: number): void => {
      if (id >= strings.length || (field === TOPIC_KIND && !topicKindSchema.safeParse(strings[id]).success)) ok = false;
    };
    try {
      for (let at = 0; at < numbers.length && ok; ) {
        starts.push(at);
        at = walkFacts(numbers as ArrayLike<number>, at, check);
      }
    } catch {
      return undefined;
    }
    if (!ok || starts.length !== sources.length) return undefined;
    return new AssignmentState({ strings, sources, facts: numbers as ArrayLike<number> }, starts);
  }

  /** Builds a state record by record. */
  static writer(): StateWriter {
    return new StateWriter((encoded, starts) => new AssignmentState(encoded, starts));
  }

  /** The state as JSON (facts a plain array). */
  toJSON(): EncodedState {
    return { strings: this.strings, sources: this.sources, facts: Array.from(this.facts) };
  }

  /** A record's surname entries (`[key, full name]` pairs, flat), read without walking its other facts. */
  surnamePairs(index: number): string[] {
    const at = this.starts[index]!;
    const pairs: string[] = [];
    for (let i = at + 1, end = at + 1 + 2 * this.facts[at]!; i < end; i += 1) pairs.push(this.strings[this.facts[i]!]!);
    return pairs;
  }

  /** The surname keys a record's resolution looked up. */
  lookups(index: number): string[] {
    const at = this.starts[index]!;
    const from = at + 2 + 2 * this.facts[at]!;
    const keys: string[] = [];
    for (let i = from, end = from + this.facts[from - 1]!; i < end; i += 1) keys.push(this.strings[this.facts[i]!]!);
    return keys;
  }

  /** Where a record's topics start in the facts (after its surname pairs and lookups). */
  topicsStart(index: number): number {
    const at = this.starts[index]!;
    const lookups = at + 1 + 2 * this.facts[at]!;
    return lookups + 1 + this.facts[lookups]!;
  }

  /** The kind a string index of a TOPIC_KIND field stands for (checked when the state was decoded). */
  kind(id: number): TopicKind {
    return this.strings[id] as TopicKind;
  }
}

/** One record's facts, as an assignment finds them (see the module's comment). */
export interface RecordFacts {
  readonly pairs: readonly string[];
  readonly lookups: Iterable<string>;
  readonly topics: readonly { readonly name: string; readonly slug: string; readonly kind: TopicKind; readonly texts: readonly string[] }[];
  readonly entities: readonly (readonly [slug: string, variants: readonly string[]])[];
}

/** Writes a state record by record, each either new facts or copied from a previous state. */
export class StateWriter {
  readonly #strings: string[] = [];
  readonly #ids = new Map<string, number>();
  readonly #sources: string[] = [];
  readonly #facts: number[] = [];
  readonly #starts: number[] = [];
  readonly #make: (encoded: EncodedState, starts: number[]) => AssignmentState;
  /** Index in this state of each string index of the state copied from last (-1: not yet). */
  #remap: { from: AssignmentState; ids: Int32Array } | undefined;

  constructor(make: (encoded: EncodedState, starts: number[]) => AssignmentState) {
    this.#make = make;
  }

  /** Adds a record with its facts. */
  add(source: string, facts: RecordFacts): void {
    this.#begin(source);
    // Pushed one by one: spreading a mapped array made two arrays per run of strings.
    const out = this.#facts;
    out.push(facts.pairs.length / 2);
    for (const s of facts.pairs) out.push(this.#id(s));
    const countAt = out.push(0) - 1;
    for (const s of facts.lookups) out.push(this.#id(s));
    out[countAt] = out.length - countAt - 1;
    out.push(facts.topics.length);
    for (const t of facts.topics) {
      out.push(this.#id(t.name), this.#id(t.slug), this.#id(t.kind), t.texts.length);
      for (const s of t.texts) out.push(this.#id(s));
    }
    out.push(facts.entities.length);
    for (const [slug, variants] of facts.entities) {
      out.push(this.#id(slug), variants.length);
      for (const s of variants) out.push(this.#id(s));
    }
  }

  /** Adds a record of a previous state as it was there. */
  copy(from: AssignmentState, index: number): void {
    this.#begin(from.sources[index]!);
    if (this.#remap?.from !== from) this.#remap = { from, ids: new Int32Array(from.strings.length).fill(-1) };
    const ids = this.#remap.ids;
    const strings = from.strings;
    const facts = from.facts;
    const out = this.#facts;
    // Counts are copied as they are; string indices are mapped into this state's table. The layout is `walkFacts`'s,
    // spelt out: a walk with a visitor per index took a second for 50,000 records.
    const map = (id: number): number => {
      let mapped = ids[id]!;
      if (mapped < 0) ids[id] = mapped = this.#id(strings[id]!);
      return mapped;
    };
    let i = from.starts[index]!;
    let n = facts[i++]!;
    out.push(n);
    for (let k = 2 * n; k > 0; k -= 1) out.push(map(facts[i++]!));
    n = facts[i++]!;
    out.push(n);
    for (let k = n; k > 0; k -= 1) out.push(map(facts[i++]!));
    for (let section = 0; section < 2; section += 1) {
      n = facts[i++]!;
      out.push(n);
      for (; n > 0; n -= 1) {
        // A topic's name, slug and kind, or an entity's slug; then a run of texts or variants.
        for (let k = section === 0 ? 3 : 1; k > 0; k -= 1) out.push(map(facts[i++]!));
        let m = facts[i++]!;
        out.push(m);
        for (; m > 0; m -= 1) out.push(map(facts[i++]!));
      }
    }
  }

  /** The state written. */
  state(): AssignmentState {
    return this.#make({ strings: this.#strings, sources: this.#sources, facts: this.#facts }, this.#starts);
  }

  #begin(source: string): void {
    this.#sources.push(source);
    this.#starts.push(this.#facts.length);
  }

  #id(text: string): number {
    let id = this.#ids.get(text);
    if (id === undefined) {
      id = this.#strings.push(text) - 1;
      this.#ids.set(text, id);
    }
    return id;
  }
}

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((s) => typeof s === "string");
}
