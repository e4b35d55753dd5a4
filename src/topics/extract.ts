/**
 * Entity extraction from one article's headline and body: candidate spans are classified by the gazetteer,
 * title and speech cues, first names and organisation head words, then variants are merged and each entity
 * gets a salience score. The result is plain JSON so it can be cached by content hash.
 */
import type { TopicKind } from "../parse/schema.ts";
import { gazetteer } from "./gazetteer.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { isAllCaps, isTitleCase, keyOf, startsLower } from "./normalise.ts";
import { findSpans, stripPossessive, tokenize, wordContext } from "./spans.ts";
import type { Span } from "./spans.ts";
import { EVENT_SUFFIXES, ORG_HEADS, ORG_SUFFIXES, PLACE_SUFFIXES, TITLE_WORDS } from "./words.ts";

/** The text extraction reads: the headline and the body blocks (never byline, photo credit or source). */
export interface ArticleText {
  readonly title: string | null;
  readonly blocks: readonly { readonly text: string; readonly line?: number }[];
  /** The dateline ("BUENOS AIRES, Feb 26"): its country counts as a mention in the lead, the city is no topic. */
  readonly dateline?: string | null;
}

/** Where a mention was found: `block` -1 is the headline, -2 the dateline. */
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

/** The `block` of a dateline mention. */
export const DATELINE_BLOCK = -2;

const MODEL_NUMBER = /^(\p{Lu}{1,5})-(\d{1,4}\p{Lu}?)(?:s|'s|’s)?$/u;

/**
 * Extracts the entities of one English article.
 * @param text headline and body blocks
 * @param gaz the gazetteer (default: the built-in one)
 */
export function extractEntities(text: ArticleText, gaz: Gazetteer = gazetteer()): Extraction {
  const title = text.title ?? "";
  const shoutedTitle = isAllCaps(title) && title.replace(/[^\p{L}]/gu, "").length > 12;
  const dateline = text.dateline ?? null;
  const blocks = text.blocks.map((b, i) => (i === 0 && dateline !== null ? withoutDateline(b.text, dateline) : b.text));
  const tokens = blocks.map(tokenize);
  const titleTokens = shoutedTitle ? [] : tokenize(title);
  const words = wordContext([titleTokens, ...tokens], gaz.commonWords);
  const mentions: Mention[] = [];
  for (let block = shoutedTitle ? 0 : -1; block < tokens.length; block += 1) {
    for (const span of findSpans(block === -1 ? titleTokens : tokens[block]!, words)) mentions.push(...classify(span, block, gaz));
  }
  if (shoutedTitle) mentions.push(...shoutedHeadline(title, gaz));
  const place = dateline === null ? undefined : datelinePlace(dateline, gaz);
  if (dateline !== null && place !== undefined) {
    // The dateline says where the story is: it weighs like the headline.
    mentions.push({ surface: place, name: place, kind: "place", known: true, weight: 1, cue: false, evidence: { block: DATELINE_BLOCK, offset: 0, text: dateline } });
  }
  const entities = mergeCapitals(merge(mentions, shoutedTitle ? title : null, gaz), gaz);
  return { entities };
}

function classify(span: Span, block: number, gaz: Gazetteer): Mention[] {
  let tokens = span.tokens;
  const firstWord = stripPossessive(tokens[0]!.text);
  if (CONTRACTION.test(firstWord)) return [];
  if (span.ordinaryFirst && !TITLE_WORDS.has(firstWord.toLowerCase()) && !startsKnown(tokens.map((t) => stripPossessive(t.text)), gaz)) tokens = tokens.slice(1);
  if (tokens.length === 0) return [];
  const toks = tokens.map((t) => stripPossessive(t.text));
  const at = (i: number, surface: string, kind: TopicKind | null, extra?: Partial<Mention>): Mention => {
    const m: Mention = { surface, name: surface, kind, known: false, weight: 1, cue: false, evidence: { block, offset: tokens[i]!.offset, text: surface } };
    return extra === undefined ? m : Object.assign(m, extra);
  };
  const out: Mention[] = [];
  const whole = toks.join(" ");
  const known = gaz.lookup(whole);
  if (known !== undefined) {
    const weight = CURRENCY_WORDS.has(span.after) ? 0.1 : known.demonym ? 0.6 : 1;
    return [at(0, whole, known.entry.kind, { name: known.entry.name, known: true, weight })];
  }
  if (isOrganisation(toks)) {
    out.push(at(0, whole, "organisation"));
    for (let i = 0; i < toks.length; i += 1) {
      const hit = gaz.lookup(toks[i]!);
      if (hit?.entry.kind === "place") out.push(at(i, toks[i]!, "place", { name: hit.entry.name, known: true, weight: 0.4 }));
    }
    if (span.definedAs !== null && gaz.lookup(span.definedAs) === undefined) out.push(at(0, span.definedAs, "organisation", { name: whole, weight: 0 }));
    return out;
  }
  let cue = TITLE_WORDS.has(span.before[0] ?? "");
  let run: number[] = [];
  const flush = (): void => {
    while (run.length > 0 && startsLower(toks[run[run.length - 1]!]!)) run.pop();
    if (run.length === 0) return;
    const words = run.map((i) => toks[i]!);
    const nameLike = words.every((w) => isTitleCase(w) || NAME_PARTICLE.test(w));
    const firstAt = words.findIndex((w, k) => k < words.length - 1 && gaz.firstNames.has(keyOf(w)));
    const rare = words.some((w) => !gaz.commonWords.has(w.toLowerCase()));
    const commonTail = words.slice(1).some((w) => gaz.commonWords.has(w.toLowerCase()));
    const firstStrong = firstAt === 0 && !gaz.everydayWords.has(words[0]!.toLowerCase());
    if (words.length >= 2 && isOrganisation(words)) out.push(at(run[0]!, words.join(" "), "organisation"));
    else if (words.length >= 2 && !(words.length === 2 && firstStrong) && PLACE_SUFFIXES.has(words[words.length - 1]!.toLowerCase())) out.push(at(run[0]!, words.join(" "), "place"));
    else if (words.length >= 2 && EVENT_SUFFIXES.has(words[words.length - 1]!.toLowerCase())) out.push(at(run[0]!, words.join(" "), "subject"));
    else if (words.length >= 2 && words.length <= 4 && nameLike && ((firstAt === 0 && (firstStrong || !commonTail)) || (cue && rare))) out.push(at(run[0]!, words.join(" "), "person", { cue: true }));
    else if (words.length >= 3 && nameLike && firstAt > 0) {
      out.push(at(run[0]!, words.slice(0, firstAt).join(" "), null));
      out.push(at(run[firstAt]!, words.slice(firstAt).join(" "), "person", { cue: true }));
    } else if (words.length === 1 && cue && nameLike && !ORG_SUFFIXES.has(words[0]!.toLowerCase())) out.push(at(run[0]!, words[0]!, "person", { cue: true }));
    else if (words.length === 1 && run[0] === 0 && PLACE_PREPOSITIONS.has(span.before[0] ?? "") && gaz.placeNamed(words[0]!) !== undefined) {
      const place = gaz.placeNamed(words[0]!)!;
      out.push(at(run[0]!, words[0]!, "place", { name: place.name, known: true }));
    }
    else out.push(at(run[0]!, words.join(" "), null));
    run = [];
    cue = false;
  };
  for (let i = 0; i < toks.length; i += 1) {
    let matched = -1;
    for (let j = Math.min(toks.length, i + gaz.longestFrom(toks[i]!)); j > i; j -= 1) {
      const sub = toks.slice(i, j);
      if (startsLower(sub[0]!) || startsLower(sub[sub.length - 1]!)) continue;
      const hit = gaz.lookup(sub.join(" "));
      if (hit !== undefined) {
        flush();
        // A place inside a longer name ("U.S. Embassy report", "Turkish Foreign Minister") is a modifier: it weighs less.
        const modifier = hit.entry.kind === "place" && j - i < toks.length;
        out.push(at(i, sub.join(" "), hit.entry.kind, { name: hit.entry.name, known: true, weight: hit.demonym ? 0.6 : modifier ? 0.7 : 1 }));
        matched = j;
        break;
      }
    }
    if (matched > 0) {
      i = matched - 1;
      continue;
    }
    const w = toks[i]!.toLowerCase();
    const model = toks[i]!.includes("-") ? MODEL_NUMBER.exec(toks[i]!) : null;
    if (model !== null) {
      flush();
      out.push(at(i, `${model[1]}-${model[2]}`, "subject", { known: true }));
    } else if (toks[i]!.endsWith("s") && /^\p{Lu}{2,}s$/u.test(toks[i]!)) flush();
    else if (TITLE_WORDS.has(w)) {
      flush();
      cue = true;
    } else if (startsLower(toks[i]!) && run.length === 0) continue;
    else run.push(i);
  }
  flush();
  // "U.S. dlrs", "Canadian dollar": a currency says nothing about what the article is about.
  const last = out[out.length - 1];
  if (last !== undefined && last.kind === "place" && CURRENCY_WORDS.has(span.after)) last.weight = 0.1;
  if (span.definedAs !== null && out.length === 1 && gaz.lookup(span.definedAs) === undefined) {
    const target = out[out.length - 1]!;
    out.push({ ...target, surface: span.definedAs, weight: 0 });
  }
  return out;
}

/** Two to four capitalised words, none an organisation word, at least one not a common English word. */
function looksLikeName(name: string, gaz: Gazetteer): boolean {
  const words = name.split(" ");
  return words.length >= 2 && words.length <= 4 && words.every((w) => isTitleCase(w) && !ORG_SUFFIXES.has(w.toLowerCase()) && !TITLE_WORDS.has(w.toLowerCase()))
    && words.some((w) => !gaz.commonWords.has(w.toLowerCase()));
}

const CURRENCY_WORDS = new Set(["dollar", "dollars", "dlr", "dlrs", "cent", "cents", "currency", "yen", "pound", "pounds", "sterling", "mark", "marks", "franc", "francs", "peso", "pesos", "lira", "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "yuan", "won", "riyal", "riyals", "crown", "crowns", "guilder", "guilders"]);

const CONTRACTION = /['’](?:re|ve|ll|d|m)$|n['’]t$/iu;

const PLACE_PREPOSITIONS = new Set(["in", "at", "from", "near", "outside"]);

const NAME_PARTICLE = /^(?:de|del|della|da|dos|das|du|la|le|van|von|der|den|bin|al|el|y|Mc\p{Lu}\p{Ll}+|O'\p{Lu}\p{Ll}+)$/u;

/** "Tower Commission", "Bank of Japan": ends with an organisation word, or is "<head> of ...". */
function isOrganisation(words: readonly string[]): boolean {
  if (words.length < 2) return false;
  return ORG_SUFFIXES.has(words[words.length - 1]!.toLowerCase()) || (ORG_HEADS.has(words[0]!.toLowerCase()) && words[1] === "of");
}

/** Whether a known name starts at the first token ("New Zealand" at a sentence start). */
function startsKnown(toks: readonly string[], gaz: Gazetteer): boolean {
  for (let j = Math.min(toks.length, gaz.longestFrom(toks[0]!)); j > 0; j -= 1) if (gaz.lookup(toks.slice(0, j).join(" ")) !== undefined) return true;
  return false;
}

/** The lead without its dateline: "BUENOS AIRES, Feb 26 - Argentine grain ..." -> "Argentine grain ...". */
function withoutDateline(text: string, dateline: string): string {
  if (!text.startsWith(dateline)) return text;
  return text.slice(dateline.length).replace(/^[^-–—]{0,40}?[-–—]\s*/u, "");
}

const US_STATE_ABBREVIATIONS = /^(?:Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N\.?H|N\.?J|N\.?M|N\.?Y|N\.?C|N\.?D|Okla|Ore|Pa|R\.?I|S\.?C|S\.?D|Tenn|Tex|Vt|Va|Wash|W\.?Va|Wis|Wyo|D\.?C)\.?$/iu;

/** The country a dateline names: its city or country, else a US state abbreviation ("WESTPORT, Conn."). */
function datelinePlace(dateline: string, gaz: Gazetteer): string | undefined {
  const parts = dateline.replace(/\(.*$/u, "").split(",").map((p) => p.trim()).filter((p) => p !== "");
  for (const part of parts.slice(0, 2)) {
    const hit = gaz.placeNamed(part) ?? gaz.placeNamed(part.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()));
    if (hit !== undefined && hit.country !== null) return gaz.countryName(hit.country) ?? hit.name;
    if (US_STATE_ABBREVIATIONS.test(part)) return gaz.countryName("US");
  }
  return undefined;
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

function wordCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 32) n += 1;
  return n;
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

function merge(mentions: readonly Mention[], shoutedTitle: string | null, gaz: Gazetteer): ExtractedEntity[] {
  const byKey = new Map<string, ExtractedEntity>();
  const aliasOf = new Map<string, string>();
  for (const m of mentions) if (m.weight === 0) aliasOf.set(keyOf(m.surface), keyOf(m.name));
  // Full names first, so that surnames and acronyms met later can join them.
  const words = new Map<Mention, number>();
  for (const m of mentions) words.set(m, wordCount(m.name));
  const ordered = [...mentions].sort((a, b) => words.get(b)! - words.get(a)!);
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
      e.score += m.weight * (m.evidence.block < 0 ? 3 : m.evidence.block === 0 ? 1.5 : 1);
      if (m.evidence.block < 0) e.headline = true;
      if (m.evidence.block === 0) e.lead = true;
      if (e.evidence.length < 5) e.evidence.push(m.evidence);
    }
  }
  // A name repeated by its last word alone is a person's ("Stephen Hess" ... "Hess").
  for (const e of byKey.values()) {
    if (e.kind === null && !e.known && e.variants.some((v) => !v.includes(" ")) && looksLikeName(e.name, gaz)) e.kind = "person";
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
