/**
 * Entity extraction from one article's headline and body: candidate spans are classified by the gazetteer,
 * title and speech cues, first names and organisation head words, then variants are merged and each entity
 * gets a salience score. The result is plain JSON so it can be cached by content hash.
 */
import type { TopicKind } from "../parse/schema.ts";
import { gazetteer } from "./gazetteer.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { isAllCaps, keyOf } from "./normalise.ts";
import { findSpans, lowercaseWordsOf, stripPossessive } from "./spans.ts";
import type { Span } from "./spans.ts";
import { ORG_HEADS, ORG_SUFFIXES, SPEECH_VERBS, TITLE_WORDS } from "./words.ts";

/** The text extraction reads: the headline and the body blocks (never byline, photo credit or source). */
export interface ArticleText {
  readonly title: string | null;
  readonly blocks: readonly { readonly text: string; readonly line?: number }[];
}

/** Where a mention was found: `block` -1 is the headline. */
export interface Evidence {
  readonly block: number;
  readonly offset: number;
  readonly text: string;
}

/** One entity of an article, before archive-wide merging. `kind` null: a name of unknown kind. */
export interface ExtractedEntity {
  name: string;
  kind: TopicKind | null;
  /** Folded key of the canonical name. */
  key: string;
  /** True when the gazetteer knows the name (its kind is certain). */
  known: boolean;
  variants: string[];
  mentions: number;
  headline: boolean;
  lead: boolean;
  score: number;
  evidence: Evidence[];
}

/** What extraction returns for one article. */
export interface Extraction {
  readonly entities: ExtractedEntity[];
}

/** Bumped whenever extraction changes, so cached results of an older extractor are not reused. */
export const EXTRACTOR_VERSION = 1;

interface Mention {
  surface: string;
  name: string;
  kind: TopicKind | null;
  known: boolean;
  weight: number;
  cue: boolean;
  evidence: Evidence;
}

const MODEL_NUMBER = /^(\p{Lu}{1,5})-(\d{1,4}\p{Lu}?)(?:s|'s|’s)?$/u;

/**
 * Extracts the entities of one English article.
 * @param text headline and body blocks
 * @param gaz the gazetteer (default: the built-in one)
 */
export function extractEntities(text: ArticleText, gaz: Gazetteer = gazetteer()): Extraction {
  const title = text.title ?? "";
  const shoutedTitle = isAllCaps(title) && title.replace(/[^\p{L}]/gu, "").length > 12;
  const blocks = text.blocks.map((b) => b.text);
  const lowercaseWords = lowercaseWordsOf(shoutedTitle ? blocks : [title, ...blocks]);
  const mentions: Mention[] = [];
  const sources: [number, string][] = shoutedTitle ? [] : [[-1, title]];
  blocks.forEach((b, i) => sources.push([i, b]));
  for (const [block, body] of sources) {
    for (const span of findSpans(body, lowercaseWords)) mentions.push(...classify(span, block, gaz));
  }
  if (shoutedTitle) mentions.push(...shoutedHeadline(title, gaz));
  const entities = mergeCapitals(merge(mentions, shoutedTitle ? title : null), gaz);
  return { entities };
}

function classify(span: Span, block: number, gaz: Gazetteer): Mention[] {
  const toks = span.tokens.map((t) => stripPossessive(t.text));
  const at = (i: number, surface: string, kind: TopicKind | null, extra: Partial<Mention> = {}): Mention => ({
    surface,
    name: surface,
    kind,
    known: false,
    weight: 1,
    cue: false,
    evidence: { block, offset: span.tokens[i]!.offset, text: surface },
    ...extra,
  });
  const out: Mention[] = [];
  const whole = toks.join(" ");
  const known = gaz.lookup(whole);
  if (known !== undefined) {
    return [at(0, whole, known.entry.kind, { name: known.entry.name, known: true, weight: known.demonym ? 0.6 : 1 })];
  }
  const last = toks[toks.length - 1]!.toLowerCase();
  const first = toks[0]!.toLowerCase();
  if (toks.length >= 2 && (ORG_SUFFIXES.has(last) || (ORG_HEADS.has(first) && toks[1] === "of"))) {
    let s = 0;
    while (s < toks.length - 1 && TITLE_WORDS.has(toks[s]!.toLowerCase()) && !ORG_HEADS.has(toks[s]!.toLowerCase())) s += 1;
    const name = toks.slice(s).join(" ");
    out.push(at(s, name, "organisation", { weight: 1 }));
    for (let i = s; i < toks.length; i += 1) {
      const hit = gaz.lookup(toks[i]!);
      if (hit?.entry.kind === "place") out.push(at(i, toks[i]!, "place", { name: hit.entry.name, known: true, weight: 0.4 }));
    }
    if (span.definedAs !== null) out.push(at(0, span.definedAs, "organisation", { name, weight: 0 }));
    return out;
  }
  let cue = span.before.some((w) => TITLE_WORDS.has(w));
  let run: number[] = [];
  const flush = (end: boolean): void => {
    while (run.length > 0 && /^\p{Ll}/u.test(toks[run[run.length - 1]!]!)) run.pop();
    if (run.length === 0) return;
    const surface = run.map((i) => toks[i]!).join(" ");
    const speech = end && SPEECH_VERBS.has(span.after);
    const firstName = gaz.firstNames.has(keyOf(toks[run[0]!]!));
    if (run.length === 1 && isAllCaps(surface)) out.push(at(run[0]!, surface, cue ? "person" : null, { cue }));
    else if (run.length >= 2 && (firstName || cue)) out.push(at(run[0]!, surface, "person", { known: false, cue: true }));
    else out.push(at(run[0]!, surface, cue || speech ? "person" : null, { cue: cue || speech }));
    run = [];
  };
  for (let i = 0; i < toks.length; i += 1) {
    let matched = -1;
    for (let j = Math.min(toks.length, i + 6); j > i; j -= 1) {
      const sub = toks.slice(i, j);
      if (/^\p{Ll}/u.test(sub[0]!) || /^\p{Ll}/u.test(sub[sub.length - 1]!)) continue;
      const hit = gaz.lookup(sub.join(" "));
      if (hit !== undefined) {
        flush(false);
        out.push(at(i, sub.join(" "), hit.entry.kind, { name: hit.entry.name, known: true, weight: hit.demonym ? 0.6 : 1 }));
        matched = j;
        break;
      }
    }
    if (matched > 0) {
      i = matched - 1;
      cue = false;
      continue;
    }
    const w = toks[i]!.toLowerCase();
    const model = MODEL_NUMBER.exec(toks[i]!);
    if (model !== null) {
      flush(false);
      out.push(at(i, `${model[1]}-${model[2]}`, "subject", { known: true }));
    } else if (/^\p{Lu}{2,}s$/u.test(toks[i]!)) flush(false);
    else if (TITLE_WORDS.has(w) && run.length === 0) cue = true;
    else if (/^\p{Ll}/u.test(toks[i]!) && run.length === 0) continue;
    else run.push(i);
  }
  flush(true);
  if (span.definedAs !== null && out.length > 0) {
    const target = out[out.length - 1]!;
    out.push({ ...target, surface: span.definedAs, weight: 0, kind: target.kind ?? "organisation" });
    if (target.kind === null) target.kind = "organisation";
  }
  return out;
}

/** An all-caps headline ("CANADA'S WILSON SEEKS ..."): only gazetteer names are read from it directly. */
function shoutedHeadline(title: string, gaz: Gazetteer): Mention[] {
  const words = [...title.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.&'-]*/gu)];
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i += 1) {
    for (let j = Math.min(words.length, i + 4); j > i; j -= 1) {
      const surface = words.slice(i, j).map((m) => stripPossessive(m[0])).join(" ");
      const hit = gaz.lookup(surface);
      if (hit !== undefined) {
        out.push({ surface, name: hit.entry.name, kind: hit.entry.kind, known: true, weight: hit.demonym ? 0.6 : 1, cue: false, evidence: { block: -1, offset: words[i]!.index, text: surface } });
        i = j - 1;
        break;
      }
    }
  }
  return out;
}

/** "Ankara's decision", "Washington imposed": a capital stands for its country when the country is named too. */
function mergeCapitals(entities: ExtractedEntity[], gaz: Gazetteer): ExtractedEntity[] {
  const countries = new Map<string, ExtractedEntity>();
  for (const e of entities) {
    const entry = e.known && e.kind === "place" ? gaz.byName(e.name) : undefined;
    if (entry?.placeType === "country" && entry.country !== null) countries.set(entry.country, e);
  }
  return entities.filter((e) => {
    const entry = e.known && e.kind === "place" && !e.headline ? gaz.byName(e.name) : undefined;
    const country = entry?.placeType === "capital" && entry.country !== null ? countries.get(entry.country) : undefined;
    if (country === undefined) return true;
    country.mentions += e.mentions;
    country.score += e.score;
    country.lead ||= e.lead;
    for (const v of e.variants) if (!country.variants.includes(v)) country.variants.push(v);
    country.evidence.push(...e.evidence.slice(0, 5 - Math.min(5, country.evidence.length)));
    return false;
  }).sort((a, b) => b.score - a.score);
}

function merge(mentions: readonly Mention[], shoutedTitle: string | null): ExtractedEntity[] {
  const byKey = new Map<string, ExtractedEntity>();
  const aliasOf = new Map<string, string>();
  for (const m of mentions) if (m.weight === 0) aliasOf.set(keyOf(m.surface), keyOf(m.name));
  // Full names first, so that surnames and acronyms met later can join them.
  const ordered = [...mentions].sort((a, b) => b.name.split(" ").length - a.name.split(" ").length);
  const surnames = new Map<string, string>();
  for (const m of ordered) {
    const parts = m.name.split(" ");
    if (m.kind === "person" || (m.kind === null && parts.length >= 2 && !m.known)) {
      if (parts.length >= 2) {
        const sk = keyOf(parts[parts.length - 1]!);
        if (!surnames.has(sk)) surnames.set(sk, keyOf(m.name));
      }
    }
  }
  for (const m of ordered) {
    let key = keyOf(m.name);
    key = aliasOf.get(key) ?? key;
    if (!m.known && m.name.split(" ").length === 1) key = surnames.get(key) ?? key;
    let e = byKey.get(key);
    if (e === undefined) {
      e = { name: m.name, kind: m.kind, key, known: m.known, variants: [], mentions: 0, headline: false, lead: false, score: 0, evidence: [] };
      byKey.set(key, e);
    }
    if (e.kind === null || (!e.known && m.kind === "person")) e.kind = m.kind ?? e.kind;
    if (m.known && !e.known) {
      e.known = true;
      e.kind = m.kind;
      e.name = m.name;
    }
    if (!e.variants.includes(m.surface)) e.variants.push(m.surface);
    if (m.weight > 0) {
      e.mentions += 1;
      e.score += m.weight * (m.evidence.block === -1 ? 3 : m.evidence.block === 0 ? 1.5 : 1);
      if (m.evidence.block === -1) e.headline = true;
      if (m.evidence.block === 0) e.lead = true;
      if (e.evidence.length < 5) e.evidence.push(m.evidence);
    }
  }
  // A name repeated by its last word alone is a person's ("Stephen Hess" ... "Hess").
  for (const e of byKey.values()) {
    if (e.kind === null && !e.known && e.name.split(" ").length >= 2 && e.variants.some((v) => !v.includes(" "))) e.kind = "person";
  }
  if (shoutedTitle !== null) {
    const words = new Set(shoutedTitle.split(/[^\p{L}\p{N}-]+/u).map((w) => keyOf(w)));
    for (const e of byKey.values()) {
      if (e.headline) continue;
      if (e.variants.some((v) => words.has(keyOf(v)) || words.has(keyOf(v.split(" ").at(-1) ?? "")))) {
        e.headline = true;
        e.score += 3;
      }
    }
  }
  return [...byKey.values()].filter((e) => e.mentions > 0).sort((a, b) => b.score - a.score);
}
