/**
 * Countries an article is about without naming them: a story on the Federal Reserve, the White House and Ohio is
 * about the United States even when it never says so. Evidence comes only from names that belong to one country:
 * its cities and regions, its national institutions (the organisation list carries their country) and people whose
 * title a country qualifies.
 */
import type { ExtractedEntity } from "./extract.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { keyOf } from "./normalise.ts";

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
export function addImpliedCountries(entities: ExtractedEntity[], gaz: Gazetteer): ExtractedEntity[] {
  const byCountry = new Map<string, { score: number; mentions: number; headline: boolean; lead: boolean; evidence: ExtractedEntity["evidence"] }>();
  for (const e of entities) {
    const entry = e.known ? gaz.byName(e.name) : undefined;
    const code = e.kind === "person" ? e.country : entry?.country;
    if (code === undefined || code === null || entry?.placeType === "country") continue;
    const weight = WEIGHT[e.kind === "person" ? "person" : entry?.kind === "organisation" ? "organisation" : entry?.placeType ?? ""] ?? 0;
    if (weight === 0) continue;
    const c = byCountry.get(code) ?? { score: 0, mentions: 0, headline: false, lead: false, evidence: [] };
    c.score += weight * e.score;
    c.mentions += e.mentions;
    c.headline ||= e.headline && (e.kind === "organisation" || e.kind === "person");
    c.lead ||= e.lead;
    if (c.evidence.length < 5 && e.evidence[0] !== undefined) c.evidence.push(e.evidence[0]);
    byCountry.set(code, c);
  }
  if (byCountry.size === 0) return entities;
  for (const [code, c] of byCountry) {
    const name = gaz.countryName(code) ?? gaz.byName(code)?.name;
    if (name === undefined) continue;
    const key = keyOf(name);
    const country = entities.find((e) => e.key === key || (e.kind === "place" && e.known && gaz.byName(e.name)?.country === code && gaz.byName(e.name)?.placeType === "country"));
    if (country !== undefined) {
      // Named outright as well: the institutions and cities add to its salience, not to its mention count.
      country.score += c.score;
      country.lead ||= c.lead;
      continue;
    }
    entities.push({
      name, kind: "place", key, known: true, variants: [], mentions: c.mentions, headline: c.headline, lead: c.lead,
      score: c.score, located: false, evidence: c.evidence,
    });
  }
  return entities.sort((a, b) => b.score - a.score);
}
