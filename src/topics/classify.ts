/** Classification of one candidate span into mentions of people, places, organisations and subjects. */
import type { TopicKind } from "../parse/schema.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { isTitleCase, keyOfWord, startsLower } from "./normalise.ts";
import { stripPossessive } from "./spans.ts";
import type { Span, SpanToken } from "./spans.ts";
import { EVENT_SUFFIXES, ORG_HEADS, ORG_SUFFIXES, PLACE_SUFFIXES, TITLE_WORDS } from "./words.ts";

/** Where a mention was found: `block` -1 is the headline, -2 the dateline. */
export interface Evidence {
  readonly block: number;
  readonly offset: number;
  readonly text: string;
}

/**
 * One mention of a name in an article. `weight` 0 marks an alias (an acronym defined in brackets). Every mention is
 * made with all the fields, the last three undefined unless known, so that all have one shape (code compiled for
 * one shape starts over when it meets another).
 */
export interface Mention {
  surface: string;
  name: string;
  kind: TopicKind | null;
  known: boolean;
  weight: number;
  cue: boolean;
  /** Named as a location ("in Washington"), not as an actor ("Washington imposed"). */
  located: boolean;
  evidence: Evidence;
  /** Introduced as a commentator ("economist Alain Marais", "Sanford Margoshes, oil analyst with ..."). */
  commentator: boolean | undefined;
  /** A person's country when a country qualifies their title ("U.S. Agriculture Secretary Richard Lyng"): ISO alpha-2. */
  country: string | undefined;
  /** A person introduced by a title of public office ("Finance Minister", "President"), not a deputy's or a spokesman's. */
  office: boolean | undefined;
}

/** What classifying one span needs, passed to the helpers instead of closures (cheaper per span). */
interface Context {
  readonly span: Span;
  readonly block: number;
  readonly tokens: readonly SpanToken[];
  readonly toks: readonly string[];
  readonly gaz: Gazetteer;
  readonly out: Mention[];
  cue: boolean;
  readonly run: number[];
  /** The run's words in lowercase, as the loop made them. */
  readonly runLower: string[];
  /** Country of a place that qualifies the title words that follow ("Japanese Prime Minister ..."). */
  qualifier: string | null;
  /** Title words met since the last name ("finance", "minister"), lowercase; null for none (most spans). */
  titles: string[] | null;
}

const MODEL_NUMBER = /^(\p{Lu}{1,5})-(\d{1,4}\p{Lu}?)(?:s|'s|’s)?$/u;
/**
 * "MPs", "CEOs". Patterns with Unicode property escapes are made once here: tsx compiles such a literal inside a
 * function to a new `RegExp` on every call.
 */
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;

/**
 * Classifies one candidate span into mentions: a known name, an organisation, a place or event by its last word,
 * a person (first name, title cue), a model number, or a name of unknown kind.
 * @param span the span
 * @param block the block it is in (-1 headline)
 * @param gaz the gazetteer
 * @param out where the span's mentions are added (the article's mentions: no array per span)
 */
export function classify(span: Span, block: number, gaz: Gazetteer, out: Mention[]): void {
  let tokens = span.tokens;
  let toks: string[] = [];
  for (const t of tokens) toks.push(stripPossessive(t.text));
  if (hasApostrophe(toks[0]!) && CONTRACTION.test(toks[0]!)) return;
  if (span.ordinaryFirst && !TITLE_WORDS.has(toks[0]!.toLowerCase()) && !startsKnown(toks, gaz)) {
    tokens = tokens.slice(1);
    toks = toks.slice(1);
  }
  if (tokens.length === 0) return;
  // The run arrays are the module's own, emptied by `flush`: classify never runs inside itself.
  const c: Context = { span, block, tokens, toks, gaz, out, cue: span.before.length > 0 && TITLE_WORDS.has(span.before[0]!), run: RUN, runLower: RUN_LOWER, qualifier: null, titles: span.before.length > 0 && TITLE_WORDS.has(span.before[0]!) ? leadingTitles(span.before) : null };
  const start = out.length;
  const whole = toks.length === 1 ? toks[0]! : toks.join(" ");
  const known = gaz.lookup(whole);
  if (known !== undefined) {
    const weight = CURRENCY_WORDS.has(span.after) ? 0.1 : known.demonym ? 0.6 : 1;
    out.push(mention(c, 0, whole, known.entry.kind, { name: known.entry.name, known: true, weight }));
    return;
  }
  if (isOrganisation(toks)) {
    out.push(mention(c, 0, whole, "organisation"));
    for (let i = 0; i < toks.length; i += 1) {
      const hit = gaz.lookup(toks[i]!);
      if (hit?.entry.kind === "place") out.push(mention(c, i, toks[i]!, "place", { name: hit.entry.name, known: true, weight: 0.4 }));
    }
    if (span.definedAs !== null && gaz.lookup(span.definedAs) === undefined) out.push(mention(c, 0, span.definedAs, "organisation", { name: whole, weight: 0 }));
    return;
  }
  for (let i = 0; i < toks.length; i += 1) {
    let matched = -1;
    // The last token can start no longer name: no need to ask how long names starting with it are.
    for (let j = i + 1 < toks.length ? Math.min(toks.length, i + gaz.longestFrom(toks[i]!)) : i + 1; j > i; j -= 1) {
      // All the tokens are the whole span, which is known to be no known name.
      if (j - i === toks.length) continue;
      if (startsLower(toks[i]!) || startsLower(toks[j - 1]!)) continue;
      const sub = j - i === 1 ? toks[i]! : toks.slice(i, j).join(" ");
      const hit = gaz.lookup(sub);
      if (hit !== undefined) {
        flush(c);
        // A place inside a longer name ("U.S. Embassy report", "Turkish Foreign Minister") is a modifier: it weighs less.
        const modifier = hit.entry.kind === "place" && j - i < toks.length;
        out.push(mention(c, i, sub, hit.entry.kind, { name: hit.entry.name, known: true, weight: hit.demonym ? 0.6 : modifier ? 0.7 : 1 }));
        matched = j;
        // "Japanese Prime Minister ...", "Federal Reserve Board Chairman ...": the title's country is the person's.
        if (j < toks.length && TITLE_WORDS.has(toks[j]!.toLowerCase())) {
          if (hit.entry.country !== null) c.qualifier = hit.entry.country;
          // "World Bank President", "Fed Chairman": the head of a known institution.
          if (hit.entry.kind === "organisation") (c.titles ??= []).push("institution");
        }
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
      flush(c);
      out.push(mention(c, i, `${model[1]}-${model[2]}`, "subject", { known: true }));
    } else if (toks[i]!.length > 2 && toks[i]!.endsWith("s") && isCapital(toks[i]!.charCodeAt(1)) && PLURAL_ACRONYM.test(toks[i]!)) flush(c);
    else if (TITLE_WORDS.has(w) || (w === "state" && i > 0 && toks[i - 1] === "of")) {
      flush(c);
      c.cue = true;
      (c.titles ??= []).push(w);
    } else if (startsLower(toks[i]!) && c.run.length === 0) continue;
    else {
      c.run.push(i);
      c.runLower.push(w);
    }
  }
  flush(c);
  // "U.S. dlrs", "Canadian dollar": a currency says nothing about what the article is about.
  const last = out.length > start ? out[out.length - 1]! : undefined;
  if (last !== undefined && last.kind === "place" && CURRENCY_WORDS.has(span.after)) last.weight = 0.1;
  if (span.definedAs !== null && out.length - start === 1 && gaz.lookup(span.definedAs) === undefined) {
    const t = out[out.length - 1]!;
    // Written out rather than spread: a spread copy may get a shape of its own.
    out.push({ surface: span.definedAs, name: t.name, kind: t.kind, known: t.known, weight: 0, cue: t.cue, located: t.located, evidence: t.evidence, commentator: t.commentator, country: t.country, office: t.office });
  }
}

/** The indices and lowercase words of the run `flush` classifies next, shared by every call of `classify`. */
const RUN: number[] = [];
const RUN_LOWER: string[] = [];

/** Two to four capitalised words, none an organisation or title word, none common past a first name. */
export function looksLikeName(name: string, gaz: Gazetteer): boolean {
  const words = name.split(" ");
  if (words.length < 2 || words.length > 4) return false;
  const lower: string[] = [];
  for (const w of words) lower.push(w.toLowerCase());
  for (let k = 0; k < words.length; k += 1) if (!isTitleCase(words[k]!) || ORG_SUFFIXES.has(lower[k]!) || TITLE_WORDS.has(lower[k]!)) return false;
  // No common word past a first name: "Stephen Hess", "Dilson Funaro", but not "Red Hat Enterprise Linux".
  for (let k = 0; k < lower.length; k += 1) if (gaz.commonWords.has(lower[k]!) && !(k === 0 && gaz.firstNames.has(lower[k]!))) return false;
  return true;
}

/** Titles of public office: a head of state or government, a minister, a central bank's governor. */
const OFFICE = new Set(["president", "premier", "prime", "minister", "chancellor", "secretary", "governor", "king", "queen", "emperor", "pope", "emir", "sultan", "shah"]);
/** Words that make such a title a junior's, a former holder's or a spokesman's. */
const JUNIOR = new Set(["vice", "deputy", "assistant", "under", "undersecretary", "former", "ex", "press", "state", "executive", "general", "spokesman", "spokeswoman", "aide", "adviser", "advisor"]);

/** Heads of an institution: an office when the institution is a known one ("Fed Chairman", "IMF Managing Director"). */
const HEAD = new Set(["chairman", "chairwoman", "president", "director", "director-general", "head", "chief", "secretary-general"]);

/** Whether the title words before a name ("finance minister", "Prime Minister") are a public office's. */
function isOffice(titles: readonly string[]): boolean {
  const words: string[] = [];
  for (const t of titles) words.push(t.toLowerCase());
  const institution = words.includes("institution");
  let office = false;
  for (const w of words) {
    if (JUNIOR.has(w) || w.startsWith("vice-") || w.startsWith("deputy-")) return false;
    if (OFFICE.has(w) || (institution && HEAD.has(w))) office = true;
  }
  return office;
}

/** The title words right before a span, nearest first in `before`: "finance minister" in "... finance minister Jaime Ongpin". */
function leadingTitles(before: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of before) {
    if (!TITLE_WORDS.has(w) && !JUNIOR.has(w)) break;
    out.push(w);
  }
  return out;
}

const CURRENCY_WORDS = new Set(["dollar", "dollars", "dlr", "dlrs", "cent", "cents", "currency", "yen", "pound", "pounds", "sterling", "mark", "marks", "franc", "francs", "peso", "pesos", "lira", "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "yuan", "won", "riyal", "riyals", "crown", "crowns", "guilder", "guilders"]);

const CONTRACTION = /['’](?:re|ve|ll|d|m)$|n['’]t$/iu;

/** Whether the text holds an apostrophe, as every contraction does: most words skip the regular expression. */
function hasApostrophe(text: string): boolean {
  return text.includes("'") || text.includes("’");
}

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

/**
 * Classifies the words collected since the last known name or title word. No closures here: it runs for most spans,
 * and tsx (esbuild `keepNames`) wraps each named function made per call in a costly `__name` call.
 */
function flush(c: Context): void {
  const { toks, gaz, span, out } = c;
  const run = c.run;
  const lowers = c.runLower;
  while (run.length > 0 && startsLower(toks[run[run.length - 1]!]!)) {
    run.pop();
    lowers.pop();
  }
  if (run.length === 0) return;
  const n = run.length;
  const words: string[] = [];
  let nameLike = true;
  for (let k = 0; k < n; k += 1) {
    const w = toks[run[k]!]!;
    words.push(w);
    if (nameLike && !isTitleCase(w) && !isNameParticle(w)) nameLike = false;
  }
  // The word-list facts below are look-ups in large sets: each is computed only where a branch reads it.
  const last = n >= 2 ? lowers[n - 1]! : "";
  if (n >= 2 && (ORG_SUFFIXES.has(last) || (ORG_HEADS.has(lowers[0]!) && words[1] === "of"))) out.push(mention(c, run[0]!, words.join(" "), "organisation"));
  else if (n >= 2 && PLACE_SUFFIXES.has(last) && !(n === 2 && firstNameAt(words, lowers, gaz) === 0 && !gaz.everydayWords.has(lowers[0]!))) {
    out.push(mention(c, run[0]!, words.join(" "), "place"));
  } else if (n >= 2 && EVENT_SUFFIXES.has(last)) out.push(mention(c, run[0]!, words.join(" "), "subject"));
  else {
    // Read only for names: the first-name look-ups are the costly part.
    const at = n >= 2 && nameLike ? firstNameAt(words, lowers, gaz) : -1;
    if (n >= 2 && n <= 4 && nameLike && ((at === 0 && (!gaz.everydayWords.has(lowers[0]!) || !commonTail(lowers, gaz))) || (c.cue && rare(lowers, gaz)))) {
      out.push(mention(c, run[0]!, words.join(" "), "person", { cue: true }));
    } else if (n >= 3 && nameLike && at > 0) {
      out.push(mention(c, run[0]!, words.slice(0, at).join(" "), null));
      out.push(mention(c, run[at]!, words.slice(at).join(" "), "person", { cue: true }));
    } else if (n === 1 && c.cue && nameLike && !ORG_SUFFIXES.has(lowers[0]!)) out.push(mention(c, run[0]!, words[0]!, "person", { cue: true }));
    else if (n === 1 && run[0] === 0 && span.before.length > 0 && PLACE_PREPOSITIONS.has(span.before[0]!) && gaz.placeNamed(words[0]!) !== undefined) {
      const place = gaz.placeNamed(words[0]!)!;
      out.push(mention(c, run[0]!, words[0]!, "place", { name: place.name, known: true }));
    }
    else out.push(mention(c, run[0]!, words.join(" "), null));
  }
  run.length = 0;
  lowers.length = 0;
  c.cue = false;
  c.qualifier = null;
  c.titles = null;
}

/** Where the first of the words that is a first name is, not counting the last word (-1: none). */
function firstNameAt(words: readonly string[], lowers: readonly string[], gaz: Gazetteer): number {
  if (words.length < 2) return -1;
  for (let k = 0; k < words.length - 1; k += 1) if (gaz.firstNames.has(keyOfWord(words[k]!, lowers[k]!))) return k;
  return -1;
}

/** Some word is no common word (the words in lowercase). */
function rare(lowers: readonly string[], gaz: Gazetteer): boolean {
  for (const w of lowers) if (!gaz.commonWords.has(w)) return true;
  return false;
}

/** Some word past the first is a common word (the words in lowercase). */
function commonTail(lowers: readonly string[], gaz: Gazetteer): boolean {
  for (let k = 1; k < lowers.length; k += 1) if (gaz.commonWords.has(lowers[k]!)) return true;
  return false;
}

/** Whether the code unit is an ASCII capital or any other than ASCII (a capital there is told by the pattern). */
function isCapital(c: number): boolean {
  return (c >= 65 && c <= 90) || c >= 128;
}

/** `NAME_PARTICLE`, which only words starting with a lowercase letter, "Mc" or "O'" can match. */
function isNameParticle(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128 && !(c >= 97 && c <= 122) && !word.startsWith("Mc") && !word.startsWith("O'")) return false;
  return NAME_PARTICLE.test(word);
}

/** What a mention differs in from a plain one (named as it is written, unknown, weight 1, no cue). */
type MentionExtra = Partial<Pick<Mention, "name" | "known" | "weight" | "cue">>;

function mention(c: Context, i: number, surface: string, kind: TopicKind | null, extra?: MentionExtra): Mention {
  const located = i === 0 && c.span.before.length > 0 && PLACE_PREPOSITIONS.has(c.span.before[0]!);
  const m: Mention = {
    surface, name: extra?.name ?? surface, kind, known: extra?.known ?? false, weight: extra?.weight ?? 1, cue: extra?.cue ?? false, located,
    evidence: { block: c.block, offset: c.tokens[i]!.offset, text: surface }, commentator: undefined, country: undefined, office: undefined,
  };
  if (m.kind === "person" && c.qualifier !== null) m.country = c.qualifier;
  if (m.kind === "person" && c.titles !== null && i === c.run[0] && isOffice(c.titles)) m.office = true;
  return m;
}

