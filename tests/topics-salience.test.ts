import { describe, expect, it } from "vitest";
import { parseArticle } from "../src/parse/index.ts";
import type { ArticleRecord } from "../src/parse/index.ts";
import { assignTopics, extractEntities } from "../src/topics/index.ts";
import { companiesUpFront } from "../src/topics/implied.ts";

/** A record from text written for the test: headline, then paragraphs. */
function written(title: string, paragraphs: readonly string[]): ArticleRecord {
  return parseArticle(`${title}\n\n${paragraphs.join("\n\n")}\n`, { path: "written.txt" });
}

function topicsOf(r: ArticleRecord): string[] {
  return assignTopics([r]).records[0]!.topics.map((t) => t.name);
}

describe("implied countries", () => {
  it("should make the United States a topic of a story on its national institutions that never names it", () => {
    const r = written("Fed leaves rates unchanged", [
      "The Federal Reserve left its discount rate unchanged on Tuesday, and the Securities and Exchange Commission opened an inquiry.",
      "Officials at the Federal Reserve said the decision was unanimous.",
    ]);
    expect(topicsOf(r)).toContain("United States");
  });

  it("should keep the names that imply a country out of the country's variants", () => {
    const r = written("Fed leaves rates unchanged", [
      "The Federal Reserve left its discount rate unchanged on Tuesday.",
      "Officials at the Federal Reserve said the decision was unanimous.",
    ]);
    const us = assignTopics([r]).topics.find((t) => t.name === "United States");
    expect(us).toBeDefined();
    expect(us!.variants).not.toContain("Federal Reserve");
  });

  it("should give a person's country when the country qualifies their title", () => {
    const x = extractEntities({ title: "Lyng says farm bill is too costly", blocks: [{ text: "U.S. Agriculture Secretary Richard Lyng said the bill would cost too much. Lyng spoke to reporters." }] });
    const lyng = x.entities.find((e) => e.name === "Richard Lyng");
    expect(lyng?.kind).toBe("person");
    expect(lyng?.country).toBe("US");
  });

  it("should not make a country a topic from a single city named in passing", () => {
    const r = written("Company raises its dividend", [
      "Acme Widgets raised its quarterly dividend by ten percent, its chairman said.",
      "The company, which has a plant near Lyon, said demand was strong. Acme Widgets expects more growth.",
    ]);
    expect(topicsOf(r)).not.toContain("France");
  });
});

describe("people a story is about", () => {
  it("should not make a quoted analyst or economist a topic", () => {
    const r = written("Oil prices rise on Saudi effort", [
      "Oil prices rose on Tuesday as Saudi Arabia pressed other producers to keep to their quotas, said Sanford Margoshes, oil analyst with a New York brokerage.",
      "\"The Saudis are jawboning the market,\" Margoshes said. Margoshes expects prices to hold.",
      "Saudi Arabia has cut its own output, economist Alain Marais said. Marais added that stocks were high.",
    ]);
    const got = topicsOf(r);
    expect(got).toContain("Saudi Arabia");
    expect(got.some((n) => /Margoshes|Marais/u.test(n))).toBe(false);
  });

  it("should keep a spokesman who is in the headline", () => {
    const r = written("Peskov denies report", ["Kremlin spokesman Dmitry Peskov denied the report on Monday. Peskov said it was false."]);
    expect(topicsOf(r)).toContain("Dmitry Peskov");
  });

  it("should not read a thing named after a person ('Warhol Polaroids') as a person", () => {
    const x = extractEntities({ title: "Gallery shows Andy Warhol photographs", blocks: [{ text: "The museum received Warhol Polaroids from the Andy Warhol Foundation. Andy Warhol took the Polaroids in 1969. The Warhol Polaroids are on show, and Warhol fans queued." }] });
    expect(x.entities.find((e) => e.name === "Andy Warhol")?.kind).toBe("person");
    expect(x.entities.find((e) => e.name === "Warhol Polaroids")?.kind ?? null).not.toBe("person");
  });

  it("should read 'Secretary of State George Shultz' as George Shultz", () => {
    const x = extractEntities({ title: "Shultz visits Bonn", blocks: [{ text: "U.S. Secretary of State George Shultz arrived in Bonn on Monday. Shultz said the talks went well." }] });
    expect(x.entities.map((e) => e.name)).toContain("George Shultz");
    expect(x.entities.some((e) => e.name.startsWith("State "))).toBe(false);
  });
});

describe("company legal forms", () => {
  it("should make the United States a topic of a story whose subject is an Inc named in the headline", () => {
    const r = written("Champion Products Inc approves stock split", [
      "Champion Products Inc said its board approved a two-for-one stock split of its common shares.",
      "The company said the split would be paid on April 1.",
    ]);
    expect(topicsOf(r)).toContain("United States");
  });

  it("should read a bare Co as American but not a Co Ltd", () => {
    expect(companiesUpFront("Dean Foods Co sees strong earnings", "").map((c) => c.country)).toEqual(["US"]);
    expect(companiesUpFront("Nippon Kokan Co Ltd sees lower profit", "")).toEqual([]);
    expect(companiesUpFront("", "Imperial Chemical Industries Plc said profit rose.").map((c) => c.country)).toEqual(["GB"]);
  });

  it("should let a country named in the lead outweigh the legal form", () => {
    const r = written("Quebecor sees new ventures", [
      "Quebecor Inc, one of Canada's largest publishing companies, is likely to start a newspaper, Canadian officials said.",
      "Quebecor said Canada's market was growing.",
    ]);
    const got = topicsOf(r);
    expect(got).toContain("Canada");
    expect(got).not.toContain("United States");
  });

  it("should read a stock listing as the company's home market, a headline listing first", () => {
    expect(companiesUpFront("Brown-Forman Inc <BFD> 4th qtr net", "").map((c) => c.country)).toEqual(["US"]);
    expect(companiesUpFront("Avery <AVY> sets stock split", "").map((c) => c.country)).toEqual(["US"]);
    expect(companiesUpFront("", "Tesco Plc <TSCO.L> is issuing a convertible bond.").map((c) => c.country)).toEqual(["GB"]);
    expect(companiesUpFront("", "Reuters Holdings <RTRS.L> said it would display the service.").map((c) => c.country)).toEqual(["GB"]);
    const r = written("Computer Terminal Systems <CPML> completes sale", [
      "Computer Terminal Systems said it completed the sale of 200,000 shares to Sedio of Lugano, Switzerland.",
    ]);
    expect(topicsOf(r)).toContain("United States");
  });

  it("should read an earnings table without a language tag as English, and a French notice as not", () => {
    const table = parseArticle("BROWN-FORMAN INC <BFD> 4TH QTR NET\n\nShr one dlr vs 73 cts\n\nNet 12.6 mln vs 15.8 mln\n\nRevs 337.3 mln vs 315.2 mln\n", { path: "t.txt" });
    expect(topicsOf({ ...table, lang: null })).toContain("United States");
    const french = parseArticle("Le groupe Renault annonce ses résultats\n\nLe groupe Renault a annoncé que le bénéfice est en hausse et que les ventes de la société sont stables dans les pays de la zone euro pour le trimestre.\n", { path: "f.txt" });
    expect(topicsOf({ ...french, lang: null })).toEqual([]);
  });
});

describe("salient people and organisations", () => {
  it("should keep a minister named in the lead and again, but not a senator or executive quoted along the way", () => {
    const r = written("Farm exports seen rising", [
      "Agriculture Minister John Kerin said farm exports would rise this year, and Senator Robert Hill agreed.",
      "Kerin said wheat sales to China were strong. Hill said the budget was tight.",
      "Company chairman Peter Frawley said beef sales rose. Frawley expects more growth.",
    ]);
    const got = topicsOf(r);
    expect(got).toContain("John Kerin");
    expect(got).not.toContain("Robert Hill");
    expect(got).not.toContain("Peter Frawley");
  });

  it("should read an office in an apposition ('the Governor of the Bank of England, Robin Leigh-Pemberton,')", () => {
    const r = written("Banking head attacks City predators", [
      "The Governor of the Bank of England, Robin Leigh-Pemberton, repeated his criticism of takeover bids.",
      "Leigh-Pemberton said the rules would not change.",
    ]);
    expect(topicsOf(r)).toContain("Robin Leigh-Pemberton");
  });

  it("should keep a person without a title who is named throughout the article", () => {
    const r = written("Scientists analyse effects of global warming on crops", [
      "A research team has analysed the effects of ozone pollution on the production of wheat and rice.",
      "Colette Heald, who led the study, said yields would fall.",
      "Heald said the team used a climate model. According to Heald, ozone matters as much as heat.",
      "The findings, Heald said, are a warning.",
    ]);
    expect(topicsOf(r)).toContain("Colette Heald");
  });

  it("should make a national body named outside the headline evidence of its country, not a topic of its own", () => {
    const r = written("Wheat exports to the Soviet Union stay low", [
      "Wheat exports to the Soviet Union stayed low in February, traders in Chicago said.",
      "The Agriculture Department said sales were 100,000 tonnes, and the Agriculture Department expects no change.",
    ]);
    const got = topicsOf(r);
    expect(got).toContain("Soviet Union");
    expect(got).not.toContain("US Department of Agriculture");
  });

  it("should count the person a headline names by office ('JAPAN MINISTER SAYS') as in the headline", () => {
    const r = written("JAPAN MINISTER SAYS ABOUT 170 YEN APPROPRIATE", [
      "International Trade and Industry Minister Hajime Tamura told a parliamentary session that the yen was about right.",
      "The dollar closed at 153 yen, dealers said.",
    ]);
    expect(topicsOf(r)).toContain("Hajime Tamura");
  });

  it("should read a name before a stock listing as a company, not a person", () => {
    const r = written("MILLER TABAK HAS 91.8 PCT OF PENN TRAFFIC <PNF>", [
      "Miller Tabak said it received 3,424,729 common shares of Penn Traffic Co in response to its offer.",
      "With the shares it already owned, it now has about 91.8 pct of Penn Traffic.",
    ]);
    const x = extractEntities({ title: r.title, blocks: r.body.map((b) => ({ text: b.text })) });
    expect(x.entities.find((e) => e.name === "Penn Traffic")?.kind).toBe("organisation");
  });
});
