/**
 * The topic-extraction cache of a cache folder (`<cacheDir>/topics-pack/`), in a compact encoding: each entity an
 * array of its fields in a fixed order, its evidence one flat array (`[block, offset, text, …]`), instead of objects
 * that repeat every field's name. A warm build reads and parses the whole pack, so its size is read time: about half
 * the JSON of the plain objects. Decoding gives back the very values extraction returned.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { TopicKind } from "../parse/index.ts";
import type { CachedExtraction, ExtractedEntity, ExtractionCache } from "../topics/index.ts";
import { PackStore } from "./pack-store.ts";

/** Bumped when the encoding changes: part of every key, so an older encoding is never read as this one. */
const CODEC = "extraction-codec-1";

/**
 * An extraction cache that also takes a value in its stored form: the JSON of `encodeExtraction` (as parse workers
 * send it), stored as it is and decoded only when asked for.
 */
export interface EncodedExtractionCache extends ExtractionCache {
  setEncoded(key: string, json: string): void;
}

/** An extraction cache that writes what `set` buffered on `flush`. */
export interface ExtractionStore extends EncodedExtractionCache {
  flush(): void;
}

/**
 * The extraction cache of a cache folder; its values may be asked for twice in a build (the same object is then
 * returned).
 * @param cacheDir the cache folder
 */
export function extractionStore(cacheDir: string): ExtractionStore {
  // The pack drops each encoded value once read; the decoded one is kept instead, for a key asked for again (two
  // articles of the same text). Keeping both held every extraction twice until the topics were assigned.
  // Partial: a build that assigns topics only for what changed asks for a few values, and must not drop the others.
  const store = new PackStore(join(cacheDir, "topics-pack"), { partial: true });
  const decoded = new Map<string, CachedExtraction>();
  // Values set in their stored form, until first asked for: a JSON text holds a cold build's extractions in a fraction
  // of the memory of their objects while the parse workers (and their heaps) are still running.
  // Both maps are keyed by the caller's key: only the pack's keys are hashed again (a cold build then hashes each key
  // once, as its value is set, and not again when the assignment asks for it).
  const encoded = new Map<string, string>();
  return {
    get: (key) => {
      let value = decoded.get(key);
      if (value === undefined) {
        const json = encoded.get(key);
        encoded.delete(key);
        value = decodeExtraction(json === undefined ? store.get(packKey(key)) : JSON.parse(json));
        if (value !== undefined) decoded.set(key, value);
      }
      return value;
    },
    set: (key, value) => {
      decoded.set(key, value);
      encoded.delete(key);
      store.set(packKey(key), encodeExtraction(value));
    },
    setEncoded: (key, json) => {
      decoded.delete(key);
      encoded.set(key, json);
      store.setJson(packKey(key), json);
    },
    flush: () => store.flush(),
  };
}

function packKey(key: string): string {
  return createHash("sha256").update(`${CODEC}\0${key}`).digest("hex");
}

type Evidence = ExtractedEntity["evidence"][number];

/** known, headline, lead, located; office true or false (neither: absent). */
const KNOWN = 1;
const HEADLINE = 2;
const LEAD = 4;
const LOCATED = 8;
const OFFICE = 16;
const NOT_OFFICE = 32;

type EncodedEntity = [
  name: string, kind: TopicKind | null, key: string | 0, flags: number, variants: string[], mentions: number, score: number,
  evidence: (number | string)[], commentator: number | null, country: string | null,
];

type EncodedExtraction = [entities: EncodedEntity[], lines: readonly number[] | null];

/** The compact form of an extraction (see the module's comment). */
export function encodeExtraction(value: CachedExtraction): EncodedExtraction {
  const entities = value.entities.map((e): EncodedEntity => {
    const flags = (e.known ? KNOWN : 0) | (e.headline ? HEADLINE : 0) | (e.lead ? LEAD : 0) | (e.located ? LOCATED : 0) |
      (e.office === true ? OFFICE : e.office === false ? NOT_OFFICE : 0);
    const evidence: (number | string)[] = [];
    for (const ev of e.evidence) evidence.push(ev.block, ev.offset, ev.text);
    // The key is mostly the name itself.
    return [e.name, e.kind, e.key === e.name ? 0 : e.key, flags, e.variants, e.mentions, e.score, evidence, e.commentator ?? null, e.country ?? null];
  });
  return [entities, value.lines ?? null];
}

/** An extraction from its compact form; undefined for anything else (a damaged or foreign value: a miss). */
export function decodeExtraction(value: unknown): CachedExtraction | undefined {
  if (!Array.isArray(value) || value.length !== 2 || !Array.isArray(value[0])) return undefined;
  const [encoded, lines] = value as EncodedExtraction;
  const entities: ExtractedEntity[] = [];
  for (const item of encoded) {
    if (!Array.isArray(item) || item.length !== 10) return undefined;
    const [name, kind, key, flags, variants, mentions, score, flat, commentator, country] = item;
    const evidence: Evidence[] = [];
    for (let i = 0; i + 2 < flat.length; i += 3) evidence.push({ block: flat[i] as number, offset: flat[i + 1] as number, text: flat[i + 2] as string });
    const entity: ExtractedEntity = {
      name, kind, key: key === 0 ? name : key, known: (flags & KNOWN) !== 0, variants, mentions,
      headline: (flags & HEADLINE) !== 0, lead: (flags & LEAD) !== 0, score, located: (flags & LOCATED) !== 0, evidence,
    };
    if (commentator !== null) entity.commentator = commentator;
    if (country !== null) entity.country = country;
    if ((flags & (OFFICE | NOT_OFFICE)) !== 0) entity.office = (flags & OFFICE) !== 0;
    entities.push(entity);
  }
  return lines === null ? { entities } : { entities, lines };
}
