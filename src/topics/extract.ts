/**
 * Entity extraction from one article's headline and body: candidate spans are classified by the gazetteer,
 * title and speech cues, first names and organisation head words, then variants are merged and each entity
 * gets a salience score. The result is plain JSON so it can be cached by content hash.
 */
import type { TopicKind } from "../parse/schema.ts";
import { gazetteer } from "./gazetteer.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { classify, looksLikeName } from "./classify.ts";
import type { Evidence, Mention } from "./classify.ts";
import { addImpliedCountries, companiesUpFront } from "./implied.ts";
import { isAllCaps, keyOf } from "./normalise.ts";
import { findSpans, SentenceStarts, stripPossessive } from "./spans.ts";
import type { Span } from "./spans.ts";
import { tokenize } from "./tokenize.ts";
import type { Tokens } from "./tokenize.ts";

/** The text extraction reads: the headline and the body blocks (never byline, photo credit or source). */
export interface ArticleText {
  readonly title: string | null;
  readonly blocks: readonly { readonly text: string; readonly line?: number }[];
  /** The dateline ("BUENOS AIRES, Feb 26"): its country counts as a mention in the lead, the city is no topic. */
  readonly dateline?: string | null;
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
  /** Some mention names it as a location ("in Paris"): a capital named so stays a place of its own. */
  located: boolean;
  evidence: Evidence[];
  /** Mentions introducing the name as a commentator's (analyst, economist, spokesman): a source, not a subject. */
  commentator?: number;
  /** A person's country, from a country qualifying their title ("U.S. Trade Representative Clayton Yeutter"). */
  country?: string;
  /** Some mention introduces the person by a title of public office ("Finance Minister", "President"). */
  office?: boolean;
}

/** What extraction returns for one article. */
export interface Extraction {
  readonly entities: ExtractedEntity[];
}

/** Bumped whenever extraction changes, so cached results of an older extractor are not reused. */
export const EXTRACTOR_VERSION = 9;

export type { Evidence } from "./classify.ts";


/**
 * Patterns with Unicode property escapes, made once: tsx compiles such a literal inside a function to a new `RegExp`
 * on every call.
 */
const NOT_LETTERS = /[^\p{L}]/gu;
const WORD_START = /\b\p{L}/gu;
const HEADLINE_WORD = /[\p{L}\p{N}][\p{L}\p{N}.&'-]*/gu;
const HEADLINE_SEPARATOR = /[^\p{L}\p{N}-]+/u;
const STARTS_UPPER = /^\p{Lu}/u;

/** The `block` of a dateline mention. */
export const DATELINE_BLOCK = -2;


/**
 * Extracts the entities of one English article.
 * @param text headline and body blocks
 * @param gaz the gazetteer (default: the built-in one)
 */
export function extractEntities(text: ArticleText, gaz: Gazetteer = gazetteer()): Extraction {
  const title = text.title ?? "";
  const shoutedTitle = isAllCaps(title) && title.replace(NOT_LETTERS, "").length > 12;
  const dateline = text.dateline ?? null;
  // Arrays are made by literals and loops rather than `map` and `filter` here and below: a literal's arrays all
  // get the one element kind it learns, while an empty result of `map` has another, and code compiled for one
  // starts over (is deoptimised and compiled again) on meeting the other.
  const texts: string[] = [];
  for (let i = 0; i < text.blocks.length; i += 1) texts.push(i === 0 && dateline !== null ? withoutDateline(text.blocks[i]!.text, dateline) : text.blocks[i]!.text);
  const blocks = firstCharacters(texts, MAX_TEXT);
  const tokens: Tokens[] = [];
  for (const b of blocks) tokens.push(tokenize(b));
  const titleTokens = shoutedTitle ? { texts: [], offsets: [], kinds: [] } : tokenize(title);
  // Spans are classified once every block is read: whether a sentence's first word is a name depends on the whole text.
  const starts = new SentenceStarts(gaz.commonWords);
  const spans: Span[][] = [];
  for (let block = shoutedTitle ? 0 : -1; block < tokens.length; block += 1) spans.push(findSpans(block === -1 ? titleTokens : tokens[block]!, starts));
  starts.resolve([titleTokens, ...tokens]);
  const mentions: Mention[] = [];
  for (let block = shoutedTitle ? 0 : -1, k = 0; block < tokens.length; block += 1, k += 1) {
    for (const span of spans[k]!) classify(span, block, gaz, mentions);
  }
  if (shoutedTitle) mentions.push(...shoutedHeadline(title, gaz));
  for (const m of mentions) {
    if (m.evidence.block < 0 || !(m.kind === "person" || (m.kind === null && !m.known))) continue;
    const block = blocks[m.evidence.block]!;
    if (isCommentator(block, m.evidence.offset, m.surface.length)) m.commentator = true;
    else if (m.office !== true && inOffice(block, m.evidence.offset, m.surface.length)) m.office = true;
  }
  const place = dateline === null ? undefined : datelinePlace(dateline, gaz);
  if (dateline !== null && place !== undefined) {
    // The dateline says where the story is: it weighs like the headline.
    mentions.push({ surface: place, name: place, kind: "place", known: true, weight: 1, cue: false, located: true, evidence: { block: DATELINE_BLOCK, offset: 0, text: dateline }, commentator: undefined, country: undefined, office: undefined });
  }
  const merged = merge(mentions, shoutedTitle ? title : null, gaz);
  const lead = blocks.length > 0 ? blocks[0]! : "";
  headlineByOffice(merged, title, lead);
  listedCompanies(merged, [title, ...blocks]);
  const entities = addImpliedCountries(mergeCapitals(merged, gaz), gaz, companiesUpFront(title, lead));
  return { entities };
}

/** Roles of people who comment on news rather than make it. */
const COMMENTATOR = "(?:analysts?|economists?|professor|strategists?|traders?|dealers?|consultants?|researchers?|experts?|spokes(?:man|woman|person))";
/** The role right before the name, with only capitalised words between ("Societe Generale economist Alain Marais"). */
const ROLE_BEFORE = new RegExp(`\\b${COMMENTATOR}\\s+(?:\\p{Lu}[\\p{L}.'-]*\\s+){0,3}$`, "u");
/** The role in an apposition right after the name ("Sanford Margoshes, oil analyst with ..."). */
const ROLE_AFTER = new RegExp(`^(?:['’]s)?,\\s+(?:an?\\s+|the\\s+)?(?:[\\p{L}-]+\\s+){0,3}?${COMMENTATOR}\\b`, "u");

/** Whether the name at `offset` is introduced as a commentator's (an analyst, an economist, a spokesman). */
function isCommentator(text: string, offset: number, length: number): boolean {
  // Each pattern is tried only where its edge can match, without cutting the text: the role before ends in white
  // space right before the name; the apposition after starts with a comma or "'s,".
  if (offset > 0 && mayBeSpace(text.charCodeAt(offset - 1)) && ROLE_BEFORE.test(text.slice(Math.max(0, offset - 60), offset))) return true;
  const end = offset + length;
  if (end >= text.length) return false;
  const c = text.charCodeAt(end);
  return (c === 44 || c === 39 || c === 0x2019) && ROLE_AFTER.test(text.slice(end, end + 60));
}

/** False for a code unit that `\s` cannot match: ASCII other than tab, line breaks and space (others are not ruled out). */
function mayBeSpace(c: number): boolean {
  return c >= 128 || c === 32 || (c >= 9 && c <= 13);
}

/** A public office in an apposition: "the Governor of the Bank of England, Robin Leigh-Pemberton," or "..., Prime Minister of Italy". */
const OFFICE_TITLE = "(?:[Pp]resident|[Pp]rime [Mm]inister|[Pp]remier|[Cc]hancellor|[Gg]overnor|[Mm]inister|[Ss]ecretary|[Kk]ing|[Qq]ueen)";
const OFFICE_BEFORE = new RegExp(`(?:^|[^\\p{L}-])${OFFICE_TITLE}\\s+of\\s+(?:the\\s+)?\\p{Lu}[\\p{L}\\s'.&-]{0,50},\\s*$`, "u");
const OFFICE_AFTER = new RegExp(`^,\\s+(?:the\\s+)?(?:[\\p{L}.'-]+\\s+){0,2}?${OFFICE_TITLE}\\b`, "u");
const JUNIOR_TITLE = /\b(?:[Vv]ice|[Dd]eputy|[Aa]ssistant|[Uu]nder|[Ff]ormer|[Aa]cting|[Ss]tate)\b/u;

/** Whether the name at `offset` is set beside a public office in an apposition (not a deputy's or a former holder's). */
function inOffice(text: string, offset: number, length: number): boolean {
  // Both forms need a comma beside the name: most mentions have none, and skip the regular expressions.
  let b = offset - 1;
  while (b >= 0 && text.charCodeAt(b) === 32) b -= 1;
  const commaBefore = b >= 0 && text.charCodeAt(b) === 44;
  const commaAfter = offset + length < text.length && text.charCodeAt(offset + length) === 44;
  if (!commaBefore && !commaAfter) return false;
  const before = commaBefore ? OFFICE_BEFORE.exec(text.slice(Math.max(0, offset - 80), offset)) : null;
  if (before !== null) return !JUNIOR_TITLE.test(before[0].slice(0, before[0].search(/\s+of\s+/u)));
  if (!commaAfter) return false;
  const after = OFFICE_AFTER.exec(text.slice(offset + length, offset + length + 50));
  return after !== null && !JUNIOR_TITLE.test(after[0]);
}

/** A name right before a stock listing: "PENN TRAFFIC <PNF>", "Merrill Lynch and Co <MER>". */
const LISTED = /(\p{Lu}[\p{L}&.'-]*(?:\s+(?:and\s+|&\s+)?\p{Lu}[\p{L}&.'-]*){0,5})\s*<[A-Z]{1,5}(?:\.[A-Z]{1,2})?>/gu;
const LEGAL_TAIL = /\s+(?:and\s+|&\s+)?(?:inc|corp|co|ltd|plc|group|cos|companies|holdings)\.?$/iu;

/** Names listed on a stock exchange ("Penn Traffic <PNF>") are companies, whatever their first word suggests. */
function listedCompanies(entities: ExtractedEntity[], texts: readonly string[]): void {
  const listed = new Set<string>();
  for (const text of texts) {
    if (!text.includes("<")) continue;
    LISTED.lastIndex = 0;
    for (let m = LISTED.exec(text); m !== null; m = LISTED.exec(text)) {
      let name = m[1]!;
      for (let prev = ""; prev !== name; ) {
        prev = name;
        name = name.replace(LEGAL_TAIL, "");
      }
      // "... 91.8 PCT OF PENN TRAFFIC <PNF>": the run may begin before the company's name; every tail of it is a candidate.
      const words = name.split(/\s+/u);
      for (let i = Math.max(0, words.length - 4); i < words.length; i += 1) listed.add(keyOf(words.slice(i).join(" ")));
    }
  }
  if (listed.size === 0) return;
  for (const e of entities) {
    if (e.known || e.kind !== "person") continue;
    if (listed.has(e.key) || e.variants.some((v) => listed.has(keyOf(v)))) e.kind = "organisation";
  }
}

/** Offices a headline names people by ("JAPAN MINISTER SAYS ...", "Brazilian president visits ..."). */
const HEADLINE_OFFICE = /\b(minister|president|premier|chancellor|governor|secretary|king|queen)\b/iu;

/**
 * "JAPAN MINISTER SAYS ..." above "International Trade and Industry Minister Hajime Tamura told ...": the headline names
 * by office the first person the lead introduces with that office, so that person counts as in the headline.
 */
function headlineByOffice(entities: ExtractedEntity[], title: string, lead: string): void {
  const office = HEADLINE_OFFICE.exec(title)?.[1]?.toLowerCase();
  if (office === undefined) return;
  let best: { e: ExtractedEntity; offset: number } | undefined;
  for (const e of entities) {
    if (e.kind !== "person" || e.headline || !e.lead) continue;
    let first: Evidence | undefined;
    for (let k = 0; k < e.evidence.length && first === undefined; k += 1) if (e.evidence[k]!.block === 0) first = e.evidence[k];
    if (first === undefined || !lead.slice(Math.max(0, first.offset - 50), first.offset).toLowerCase().includes(office)) continue;
    if (best === undefined || first.offset < best.offset) best = { e, offset: first.offset };
  }
  if (best === undefined) return;
  best.e.headline = true;
  best.e.score += 3;
}

/**
 * Most characters of body text read: what an article is about shows long before (an article is 4 KB on average;
 * a 10 MB file would otherwise take seconds).
 */
const MAX_TEXT = 100_000;

function firstCharacters(blocks: readonly string[], max: number): string[] {
  const out: string[] = [];
  let left = max;
  for (const b of blocks) {
    if (left <= 0) break;
    out.push(b.length <= left ? b : b.slice(0, left));
    left -= b.length;
  }
  return out;
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
    const hit = gaz.placeNamed(part) ?? gaz.placeNamed(part.toLowerCase().replace(WORD_START, (c) => c.toUpperCase()));
    if (hit !== undefined && hit.country !== null) return gaz.countryName(hit.country) ?? hit.name;
    if (US_STATE_ABBREVIATIONS.test(part)) return gaz.countryName("US");
  }
  return undefined;
}

/** An all-caps headline ("CANADA'S WILSON SEEKS ..."): only gazetteer names are read from it directly. */
function shoutedHeadline(title: string, gaz: Gazetteer): Mention[] {
  const words = [...title.matchAll(HEADLINE_WORD)];
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i += 1) {
    for (let j = Math.min(words.length, i + 4); j > i; j -= 1) {
      const surface = words.slice(i, j).map((m) => stripPossessive(m[0])).join(" ");
      const hit = gaz.lookup(surface);
      if (hit !== undefined) {
        out.push({ surface, name: hit.entry.name, kind: hit.entry.kind, known: true, weight: hit.demonym ? 0.6 : 1, cue: false, located: false, evidence: { block: -1, offset: words[i]!.index, text: surface }, commentator: undefined, country: undefined, office: undefined });
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

/** The mentions, most words in the name first, in their order within the same count (a stable sort, by buckets). */
function byWordCountDescending(mentions: readonly Mention[]): Mention[] {
  const buckets: Mention[][] = [];
  for (const m of mentions) (buckets[wordCount(m.name)] ??= []).push(m);
  const out: Mention[] = [];
  for (let n = buckets.length - 1; n >= 0; n -= 1) if (buckets[n] !== undefined) out.push(...buckets[n]!);
  return out;
}

/**
 * "Ankara's decision", "Washington imposed": a capital stands for its country when the country is named too,
 * unless it is in the headline or named as a location ("held in Washington").
 */
function mergeCapitals(entities: ExtractedEntity[], gaz: Gazetteer): ExtractedEntity[] {
  const countries = new Map<string, ExtractedEntity>();
  for (const e of entities) {
    const entry = e.known && e.kind === "place" ? gaz.byName(e.name) : undefined;
    if (entry?.placeType === "country" && entry.country !== null) countries.set(entry.country, e);
  }
  const kept: ExtractedEntity[] = [];
  for (const e of entities) {
    const entry = e.known && e.kind === "place" && !e.headline && !e.located ? gaz.byName(e.name) : undefined;
    const country = entry?.placeType === "capital" && entry.country !== null ? countries.get(entry.country) : undefined;
    if (country === undefined) {
      kept.push(e);
      continue;
    }
    country.mentions += e.mentions;
    country.score += e.score;
    country.lead ||= e.lead;
    for (const v of e.variants) if (!country.variants.includes(v)) country.variants.push(v);
    country.evidence.push(...e.evidence.slice(0, 5 - Math.min(5, country.evidence.length)));
  }
  return kept.sort(byScore);
}

/**
 * The words a full name may be shortened to: its last word, and in a name of three words or more the one before it
 * when that is no first name (Spanish and Portuguese names: "Rosselló" for "Ricardo Rosselló Nevares").
 * @param parts the full name's words
 * @param gaz the gazetteer (its first names)
 */
export function surnameKeys(parts: readonly string[], gaz: Gazetteer): string[] {
  const keys = [keyOf(parts[parts.length - 1]!)];
  if (parts.length >= 3) {
    const k = keyOf(parts[parts.length - 2]!);
    if (k.length > 2 && !gaz.firstNames.has(k) && STARTS_UPPER.test(parts[parts.length - 2]!)) keys.push(k);
  }
  return keys;
}

/**
 * An entity while the mentions are merged: every field there from the start, so that the merge loops meet one shape
 * (code compiled for one shape is deoptimised on meeting another, and an entity's optional fields appear in any
 * order), with the order its optional fields were first set in, for the entity made from it (see `entityOf`).
 */
interface Draft extends Omit<ExtractedEntity, "commentator" | "country" | "office"> {
  commentator: number | undefined;
  country: string | undefined;
  office: boolean | undefined;
  /** The optional fields in the order first set, in base 4 (the last set lowest): `COMMENTATOR_FIELD`, `COUNTRY_FIELD`, `OFFICE_FIELD`. */
  extras: number;
}

const COMMENTATOR_FIELD = 1;
const COUNTRY_FIELD = 2;
const OFFICE_FIELD = 3;

/** The entity of a draft, its optional fields added in the order they were set (the order JSON lists them in). */
function entityOf(d: Draft): ExtractedEntity {
  const e: ExtractedEntity = {
    name: d.name, kind: d.kind, key: d.key, known: d.known, variants: d.variants, mentions: d.mentions, headline: d.headline,
    lead: d.lead, score: d.score, located: d.located, evidence: d.evidence,
  };
  const x = d.extras;
  if (x >= 16) addField(e, d, x >> 4);
  if (x >= 4) addField(e, d, (x >> 2) & 3);
  if (x >= 1) addField(e, d, x & 3);
  return e;
}

/**
 * Added as `Object.defineProperty` adds them, not by assignment: an assignment compiled for the shapes met so far was
 * deoptimised on each new order of the optional fields (up to 15), and `merge`, where it is inlined, compiled again
 * each time (four or five compiles per thread, among its costliest). The fields are the same plain data properties.
 */
function addField(e: ExtractedEntity, d: Draft, field: number): void {
  const [name, value] = field === COMMENTATOR_FIELD ? ["commentator", d.commentator] : field === COUNTRY_FIELD ? ["country", d.country] : ["office", d.office];
  Object.defineProperty(e, name, { value, writable: true, enumerable: true, configurable: true });
}

function merge(mentions: readonly Mention[], shoutedTitle: string | null, gaz: Gazetteer): ExtractedEntity[] {
  const byKey = new Map<string, Draft>();
  const aliasOf = new Map<string, string>();
  for (const m of mentions) if (m.weight === 0) aliasOf.set(keyOf(m.surface), keyOf(m.name));
  // Full names first, so that surnames and acronyms met later can join them.
  const ordered = byWordCountDescending(mentions);
  const keys: string[] = [];
  for (const m of ordered) keys.push(keyOf(m.name));
  const surnames = new Map<string, string>();
  // A name met again adds nothing: its surnames are in the map already.
  const named = new Set<string>();
  for (let i = 0; i < ordered.length; i += 1) {
    const m = ordered[i]!;
    if ((m.kind === "person" || (m.kind === null && !m.known)) && m.name.includes(" ") && !named.has(m.name)) {
      named.add(m.name);
      for (const sk of surnameKeys(m.name.split(" "), gaz)) if (!surnames.has(sk)) surnames.set(sk, keys[i]!);
    }
  }
  for (let i = 0; i < ordered.length; i += 1) {
    const m = ordered[i]!;
    let key = keys[i]!;
    key = aliasOf.get(key) ?? key;
    if (!m.known && !m.name.includes(" ")) key = surnames.get(key) ?? key;
    let e = byKey.get(key);
    if (e === undefined) {
      e = {
        name: m.name, kind: m.kind, key, known: m.known, variants: [], mentions: 0, headline: false, lead: false, score: 0, located: false,
        evidence: [], commentator: undefined, country: undefined, office: undefined, extras: 0,
      };
      byKey.set(key, e);
    }
    if (e.kind === null || (!e.known && m.kind === "person")) e.kind = m.kind ?? e.kind;
    if (m.known && !e.known) {
      e.known = true;
      e.kind = m.kind;
      e.name = m.name;
    }
    if (!e.variants.includes(m.surface)) e.variants.push(m.surface);
    e.located ||= m.located;
    if (m.country !== undefined && e.country === undefined) {
      e.country = m.country;
      e.extras = e.extras * 4 + COUNTRY_FIELD;
    }
    if (m.commentator === true) {
      if (e.commentator === undefined) e.extras = e.extras * 4 + COMMENTATOR_FIELD;
      e.commentator = (e.commentator ?? 0) + 1;
    }
    if (m.office === true && e.office === undefined) {
      e.office = true;
      e.extras = e.extras * 4 + OFFICE_FIELD;
    }
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
  // "Warhol Polaroids" beside "Andy Warhol": a name led by a person's surname is a thing of theirs, not a person.
  const personSurnames = new Set<string>();
  for (const e of byKey.values()) if (e.kind === "person" && e.name.includes(" ")) personSurnames.add(keyOf(e.name.split(" ").at(-1)!));
  for (const e of byKey.values()) {
    if (e.kind === "person" && !e.known && e.name.includes(" ") && personSurnames.has(keyOf(e.name.slice(0, e.name.indexOf(" "))))) e.kind = null;
  }
  if (shoutedTitle !== null) {
    const words = new Set(shoutedTitle.split(HEADLINE_SEPARATOR).map((w) => keyOf(w)));
    for (const e of byKey.values()) {
      if (e.headline) continue;
      // "DENG SAYS ..." for Deng Xiaoping: a family name may come first, but a first name alone is no headline mention.
      const first = e.kind === "person" ? keyOf(e.name.split(" ")[0]!) : "";
      if (e.variants.some((v) => words.has(keyOf(v)) || words.has(keyOf(v.split(" ").at(-1) ?? ""))) || (first !== "" && e.name.includes(" ") && words.has(first) && !gaz.firstNames.has(first) && !gaz.commonWords.has(first))) {
        e.headline = true;
        e.score += 3;
      }
    }
  }
  // A name of unknown kind met once outside the headline can never be selected: not worth caching.
  const kept: ExtractedEntity[] = [];
  for (const e of byKey.values()) if (e.mentions > 1 || (e.mentions === 1 && (e.kind !== null || e.headline))) kept.push(entityOf(e));
  return kept.sort(byScore);
}

/** Most salient first. */
function byScore(a: ExtractedEntity, b: ExtractedEntity): number {
  return b.score - a.score;
}
