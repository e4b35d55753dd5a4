import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticle } from "../src/parse/index.ts";
import type { ArticleRecord } from "../src/parse/index.ts";
import { assignTopics, extractEntities } from "../src/topics/index.ts";

const fixtures = path.join(import.meta.dirname, "fixtures", "topics");

function record(name: string): ArticleRecord {
  const file = path.join(fixtures, name);
  return parseArticle(readFileSync(file), { path: file });
}

/** A record from text written for the test: headline, then paragraphs. */
function written(title: string, paragraphs: readonly string[], extra: Partial<ArticleRecord> = {}): ArticleRecord {
  const text = `${title}\n\n${paragraphs.join("\n\n")}\n`;
  return { ...parseArticle(text, { path: "written.txt" }), ...extra };
}

function names(r: ArticleRecord): string[] {
  return r.topics.map((t) => t.name);
}

describe("topic extraction", () => {
  it("should give the TASS piece Turkey, Russia, the United States, NATO, S-400, F-35 and Dmitry Peskov", () => {
    const [tass] = assignTopics([record("tass-peskov.txt")]).records;
    const got = names(tass!);
    for (const expected of ["Turkey", "Russia", "United States", "NATO", "S-400", "F-35", "Dmitry Peskov"]) expect(got).toContain(expected);
    expect(tass!.topics.find((t) => t.name === "Dmitry Peskov")?.kind).toBe("person");
    expect(tass!.topics.find((t) => t.name === "S-400")?.slug).toBe("s-400");
  });

  it("should not take topics from the photo credit, a weekday or 'The Americans' apart from the United States", () => {
    const [tass] = assignTopics([record("tass-peskov.txt")]).records;
    const got = names(tass!).join("|");
    expect(got).not.toMatch(/Nevar|Thursday|Americans|TASS/u);
    const us = extractEntities({ title: null, blocks: [{ text: "The Americans are putting a lot of pressure on the Turks, the US said. The United States agreed, and the U.S. signed." }] })
      .entities.find((e) => e.name === "United States");
    expect(us?.variants).toEqual(expect.arrayContaining(["Americans", "US", "United States", "U.S."]));
  });

  it("should merge a surname and a title with the full name, and S-400s with S-400", () => {
    const x = extractEntities({
      title: "Peskov comments on S-400s",
      blocks: [{ text: "Kremlin spokesman Dmitry Peskov said on Monday that the S-400 deliveries went ahead. The Kremlin spokesman Peskov added that Russian S-400s were in place." }],
    });
    const peskov = x.entities.filter((e) => /Peskov/u.test(e.name));
    expect(peskov).toHaveLength(1);
    expect(peskov[0]!.name).toBe("Dmitry Peskov");
    expect(peskov[0]!.mentions).toBe(3);
    expect(x.entities.filter((e) => e.name.startsWith("S-400"))).toHaveLength(1);
    expect(x.entities.find((e) => e.name === "Russia")?.variants).toContain("Russian");
  });

  it("should map the adjectives 'Philippine' and 'Puerto Rican' to their places", () => {
    const x = extractEntities({ title: "Philippine network shut down", blocks: [{ text: "The Philippine government and Puerto Rican officials spoke." }] });
    const got = x.entities.map((e) => e.name);
    expect(got).toEqual(expect.arrayContaining(["Philippines", "Puerto Rico"]));
    expect(got).not.toContain("Philippine");
  });

  it("should join the first of two family names to the full name ('Rosselló' for Ricardo Rosselló Nevares)", () => {
    const x = extractEntities({
      title: "Governor resigns",
      blocks: [{ text: "Governor Ricardo Rosselló Nevares resigned on Friday. Rosselló said he was sorry, and Rosselló left the island." }],
    });
    const people = x.entities.filter((e) => e.kind === "person");
    expect(people.map((e) => e.name)).toEqual(["Ricardo Rosselló Nevares"]);
    expect(people[0]!.mentions).toBe(3);
  });

  it("should map demonyms to their country", () => {
    const x = extractEntities({ title: "Turkish and Russian officials meet", blocks: [{ text: "The Turkish side met British and French envoys." }] });
    const got = x.entities.map((e) => e.name);
    expect(got).toEqual(expect.arrayContaining(["Turkey", "Russia", "United Kingdom", "France"]));
    expect(got).not.toContain("Turkish");
  });

  it("should join a surname alone to the one full name the archive knows", () => {
    const first = written("Erdogan proposes converting Hagia Sophia to a mosque", ["Turkish President Recep Tayyip Erdogan said on Wednesday that the museum would become a mosque. Erdogan repeated it on Friday."]);
    const second = written("Erdogan meets Putin", ["Erdogan and Putin met in Sochi on Monday. Erdogan said the talks went well, and Erdogan thanked his host."]);
    const { records, topics } = assignTopics([first, second]);
    expect(names(records[1]!)).toContain("Recep Tayyip Erdogan");
    expect(topics.find((t) => t.name === "Recep Tayyip Erdogan")?.count).toBe(2);
  });

  it("should rank topics by salience and keep only the few an article is about", () => {
    const r = written("Canada raises interest rates", [
      "The Bank of Canada raised its key rate on Wednesday, the third rise this year in Canada.",
      "Economists in Toronto had expected the move. A spokesman for the French embassy declined to comment, as did officials in Brazil.",
    ]);
    const [out] = assignTopics([r]).records;
    expect(out!.topics[0]?.name).toBe("Canada");
    expect(names(out!)).not.toContain("Brazil");
    expect(names(out!)).not.toContain("France");
  });

  it("should give Russian articles their rubric and front-matter topics and no extracted garbage", () => {
    const r = written("Песков: Турция не депортировала российских специалистов", [
      "Российские специалисты, обслуживавшие системы С-400 в Турции, возвращаются домой в плановом порядке, заявил Дмитрий Песков.",
    ], { lang: "ru", rubric: "Политика", topics: [{ name: "Турция", slug: "turtsiia", kind: "place" }] });
    const [out] = assignTopics([r]).records;
    expect(out!.topics).toEqual([
      { name: "Турция", slug: "turtsiia", kind: "place" },
      { name: "Политика", slug: "politika", kind: "rubric" },
    ]);
  });

  it("should read the dateline's country and not make its city a topic", () => {
    const r = written("Grain registrations rise", ["Grain board figures show crop registrations rose in the week to February 11, traders said."], { dateline: "BUENOS AIRES, Feb 26" });
    const [out] = assignTopics([r]).records;
    expect(names(out!)).toContain("Argentina");
    expect(names(out!)).not.toContain("Buenos Aires");
  });

  it("should take the rubric and front-matter topics first", () => {
    const [out] = assignTopics([record("tass-peskov.txt")]).records;
    expect(out!.topics[0]).toEqual({ name: 'GSV "Russia - Islamic World"', slug: "gsv-russia-islamic-world", kind: "rubric" });
  });

  it("should find the people, places and organisations of a Wikinews article", () => {
    const [out] = assignTopics([record("wikinews-hagia-sophia.txt")]).records;
    const got = names(out!);
    expect(got).toEqual(expect.arrayContaining(["Recep Tayyip Erdoğan", "Turkey", "UNESCO"]));
    expect(got).not.toContain("Wednesday");
    for (const t of out!.topics) expect(t.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
  });

  it("should read a 10 MB single-line article without hanging", () => {
    const text = "Turkey and Russia said the NATO summit went well. ".repeat(200_000);
    const started = performance.now();
    const x = extractEntities({ title: "Summit", blocks: [{ text }] });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(x.entities.map((e) => e.name)).toEqual(expect.arrayContaining(["Turkey", "Russia", "NATO"]));
  }, 20_000);
});
