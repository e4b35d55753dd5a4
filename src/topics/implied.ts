/**
 * Countries an article is about without naming them: a story on the Federal Reserve, the White House and Ohio is
 * about the United States even when it never says so. Evidence comes only from names that belong to one country:
 * its cities and regions, its national institutions (the organisation list carries their country) and people whose
 * title a country qualifies.
 */
import type { ExtractedEntity } from "./extract.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { keyOf } from "./normalise.ts";

/** The `block` of evidence that implies a country (the name that implies it, not a mention of the country). */
export const IMPLIED_BLOCK = -3;

/**
 * How much a name of one country weighs towards that country. An institution, or a person whose title the country
 * qualifies ("U.S. Trade Representative Clayton Yeutter"), speaks for the country: named in the lead or twice, it
 * passes the bar a country named outright must pass. A city or region (often just where something happened) counts less.
 */
const WEIGHT: Readonly<Record<string, number>> = { organisation: 1.7, person: 1.7, region: 0.8, city: 0.6, capital: 0.6 };

/**
 * Adds (or strengthens) the country of each city, region and national institution among the entities, so that
 * the country is a topic once its evidence is as strong as a country named outright would need to be.
 * @param entities one article's merged entities (changed in place; the country entity is added when missing)
 * @param gaz the gazetteer
 * @returns the entities, most salient first
 */
export function addImpliedCountries(entities: ExtractedEntity[], gaz: Gazetteer, companies: readonly CompanyMention[] = []): ExtractedEntity[] {
  const byCountry = new Map<string, { score: number; mentions: number; headline: boolean; lead: boolean; evidence: ExtractedEntity["evidence"] }>();
  // A company's legal form is a weak default: another country named in the headline or lead says more.
  const upFront = new Set<string>();
  for (const e of entities) {
    const code = e.kind === "place" && e.known && (e.headline || e.lead) ? gaz.byName(e.name)?.country : null;
    if (code !== undefined && code !== null) upFront.add(code);
  }
  for (const m of companies) {
    if (m.listed !== true && [...upFront].some((code) => code !== m.country)) continue;
    const c = byCountry.get(m.country) ?? { score: 0, mentions: 0, headline: false, lead: false, evidence: [] };
    c.score += WEIGHT["organisation"]! * (m.evidence.block < 0 ? 3 : 1.5);
    c.mentions += 1;
    c.lead ||= m.evidence.block === 0;
    if (c.evidence.length < 5) c.evidence.push({ ...m.evidence, block: IMPLIED_BLOCK });
    byCountry.set(m.country, c);
  }
  for (const e of entities) {
    const entry = e.known ? gaz.byName(e.name) : undefined;
    const code = e.kind === "person" ? e.country : entry?.country;
    if (code === undefined || code === null || entry?.placeType === "country") continue;
    const weight = WEIGHT[e.kind === "person" ? "person" : entry?.kind === "organisation" ? "organisation" : entry?.placeType ?? ""] ?? 0;
    if (weight === 0) continue;
    const c = byCountry.get(code) ?? { score: 0, mentions: 0, headline: false, lead: false, evidence: [] };
    // Capped at a headline mention's weight: a much-quoted official must not outweigh every name actually in the story.
    c.score += weight * Math.min(e.score, 3);
    c.mentions += e.mentions;
    c.headline ||= e.headline && (e.kind === "organisation" || e.kind === "person");
    c.lead ||= e.lead;
    if (c.evidence.length < 5 && e.evidence[0] !== undefined) c.evidence.push({ ...e.evidence[0], block: IMPLIED_BLOCK });
    byCountry.set(code, c);
  }
  if (byCountry.size === 0) return entities;
  // The country each entity names outright (null for other entities), looked up once rather than once per country.
  const namesCountry: (string | null)[] = [];
  for (const e of entities) namesCountry.push(countryNamed(e, gaz));
  for (const [code, c] of byCountry) {
    const name = gaz.countryName(code) ?? gaz.byName(code)?.name;
    if (name === undefined) continue;
    const key = keyOf(name);
    let country: ExtractedEntity | undefined;
    for (let i = 0; i < entities.length && country === undefined; i += 1) if (entities[i]!.key === key || namesCountry[i] === code) country = entities[i];
    if (country !== undefined) {
      // Named outright as well: the institutions and cities add to its salience, not to its mention count.
      country.score += c.score;
      country.lead ||= c.lead;
      continue;
    }
    const added: ExtractedEntity = {
      name, kind: "place", key, known: true, variants: [], mentions: c.mentions, headline: c.headline, lead: c.lead,
      score: c.score, located: false, evidence: c.evidence,
    };
    entities.push(added);
    namesCountry.push(countryNamed(added, gaz));
  }
  return entities.sort((a, b) => b.score - a.score);
}

/** The country code of a known place that is a country, else null. */
function countryNamed(e: ExtractedEntity, gaz: Gazetteer): string | null {
  if (e.kind !== "place" || !e.known) return null;
  const entry = gaz.byName(e.name);
  return entry?.placeType === "country" ? (entry.country ?? null) : null;
}

/** A company named with its legal form in the headline or lead, and the country that form belongs to. */
export interface CompanyMention {
  readonly country: string;
  /** A stock listing in the headline: the story's own company, whatever other country the lead names. */
  readonly listed?: boolean;
  readonly evidence: ExtractedEntity["evidence"][number];
}

/**
 * Legal forms that belong to one country's company law: "Inc", "Corp" and a bare "Co" are American (a British or
 * Japanese company is "Co Ltd"), "plc" British, "GmbH" German.
 */
const LEGAL_FORMS: Readonly<Record<string, string>> = {
  inc: "US", incorporated: "US", corp: "US", co: "US", llc: "US", plc: "GB", gmbh: "DE", spa: "IT", "s.p.a": "IT", nv: "NL", "n.v": "NL",
  kk: "JP", "k.k": "JP", pty: "AU", oyj: "FI", asa: "NO",
};
const COMPANY = /(?:^|[^\p{L}])(\p{Lu}[\p{L}\p{N}&'-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&'-]*|and|of|&)){0,5})\s+(Inc|INC|Incorporated|INCORPORATED|Corp|CORP|Co(?!\.?,?\s+(?:Ltd|LTD|Limited|LIMITED|KG|Inc|INC|Corp|CORP))|CO(?!\.?,?\s+(?:LTD|LIMITED|KG|INC|CORP))|LLC|[Pp]lc|PLC|GmbH|GMBH|S\.?p\.?A|SPA|N\.?V|K\.?K|Pty|PTY|Oyj|ASA)\b\.?/gu;

/**
 * What every match of `COMPANY` holds, found much faster: a legal form after white space. A text without one (most
 * leads) is not searched with the full pattern.
 */
const LEGAL_FORM = /\s(?:Inc|INC|Incorporated|INCORPORATED|Corp|CORP|Co|CO|LLC|[Pp]lc|PLC|GmbH|GMBH|S\.?p\.?A|SPA|N\.?V|K\.?K|Pty|PTY|Oyj|ASA)\b/u;

/**
 * The exchange suffix of a Reuters instrument code ("TSCO.L" is listed in London): the market of a company's home
 * country. A code without a suffix is a US listing, the wire's default.
 */
const EXCHANGE_SUFFIXES: Readonly<Record<string, string>> = {
  L: "GB", T: "JP", PA: "FR", P: "FR", F: "DE", DE: "DE", AS: "NL", TO: "CA", HK: "HK", MI: "IT", MC: "ES", MA: "ES",
  S: "CH", VX: "CH", Z: "CH", ST: "SE", OL: "NO", CO: "DK", HE: "FI", BR: "BE", AX: "AU", NZ: "NZ", SI: "SG", KS: "KR",
  TW: "TW", SA: "BR", MX: "MX", BO: "IN", NS: "IN", J: "ZA", VI: "AT", LS: "PT", AT: "GR",
};
/** Named US exchanges in a listing note: "(NYSE: IBM)", "(Nasdaq: AAPL)". */
const LISTING = /\((?:NYSE|Nasdaq|NASDAQ|AMEX|Amex)\s*:\s*[A-Z][A-Z.]{0,5}\)|<([A-Z]{1,5})(?:\.([A-Z]{1,2}))?>/gu;

/**
 * Companies named with a legal form or a stock listing in the headline or the lead: the subject of a business story.
 * A listing ("Brown-Forman Inc <BFD>", "Tesco Plc <TSCO.L>", "(NYSE: IBM)") names the company's home market.
 * @param title the headline
 * @param lead the lead paragraph
 */
export function companiesUpFront(title: string, lead: string): CompanyMention[] {
  const out: CompanyMention[] = [];
  for (const [block, text] of [[-1, title], [0, lead]] as const) {
    const ends: number[] = [];
    COMPANY.lastIndex = 0;
    for (let m = LEGAL_FORM.test(text) ? COMPANY.exec(text) : null; m !== null && out.length < 6; m = COMPANY.exec(text)) {
      const country = LEGAL_FORMS[m[2]!.toLowerCase().replace(/\.$/u, "")];
      if (country === undefined) continue;
      out.push({ country, evidence: { block, offset: m.index, text: `${m[1]!} ${m[2]!}` } });
      ends.push(m.index + m[0].length);
    }
    LISTING.lastIndex = 0;
    for (let m = LISTING.exec(text); m !== null && out.length < 6; m = LISTING.exec(text)) {
      // A listing right after a legal form names the same company: one mention, not two.
      if (ends.some((end) => m!.index - end >= 0 && m!.index - end <= 2)) continue;
      const country = m[1] === undefined ? "US" : m[2] === undefined ? "US" : EXCHANGE_SUFFIXES[m[2]];
      if (country !== undefined) out.push({ country, listed: block === -1, evidence: { block, offset: m.index, text: m[0] } });
    }
  }
  return out;
}
