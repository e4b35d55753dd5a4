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
});
