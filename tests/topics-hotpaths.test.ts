import { describe, expect, it } from "vitest";
import { extractEntities, slugOf } from "../src/topics/index.ts";
import { stripPossessive } from "../src/topics/spans.ts";

describe("topic extraction's faster paths", () => {
  it("should strip a possessive ending exactly as the pattern /['’]s?$/u does", () => {
    const words = ["", "s", "'", "’", "'s", "’s", "A's", "Ankara’s", "Reuters'", "a''", "x's's", "James", "O'Neil", "O'Neil's", "Ss", "s's", "U.S.'s"];
    for (const w of words) expect(stripPossessive(w)).toBe(w.replace(/['’]s?$/u, ""));
  });

  it("should list an entity's optional fields in the order its mentions first set them", () => {
    const officeFirst = extractEntities({
      title: "Talks in Tokyo",
      blocks: [{ text: "Prime Minister Yasuhiro Nakasone met bankers on Monday. Later, Japanese Prime Minister Yasuhiro Nakasone said rates would fall." }],
    });
    const countryFirst = extractEntities({
      title: "Talks in Tokyo",
      blocks: [{ text: "Japanese Prime Minister Yasuhiro Nakasone met bankers on Monday. Later, economist Yasuhiro Nakasone said rates would fall." }],
    });
    const a = officeFirst.entities.find((e) => e.name === "Yasuhiro Nakasone");
    const b = countryFirst.entities.find((e) => e.name === "Yasuhiro Nakasone");
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(Object.keys(a!).slice(-2)).toEqual(["office", "country"]);
    expect(Object.keys(b!).slice(-3)).toEqual(["country", "office", "commentator"]);
    expect(a!.country).toBe("JP");
    expect(b!.commentator).toBe(1);
  });

  it("should make an entity's optional fields plain data properties: enumerable, writable, configurable, in its JSON", () => {
    const { entities } = extractEntities({
      title: "Talks in Tokyo",
      blocks: [{ text: "Japanese Prime Minister Yasuhiro Nakasone met bankers on Monday. Later, economist Yasuhiro Nakasone said rates would fall." }],
    });
    const e = entities.find((x) => x.name === "Yasuhiro Nakasone")!;
    for (const name of ["country", "office", "commentator"]) {
      expect(Object.getOwnPropertyDescriptor(e, name)).toEqual({ value: e[name as keyof typeof e], writable: true, enumerable: true, configurable: true });
    }
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ country: "JP", office: true, commentator: 1 });
    e.commentator = 2;
    expect(e.commentator).toBe(2);
  });

  it("should give a name's slug from its memo as computed, also once the memo has been cleared", () => {
    const names: [string, string][] = [["Recep Tayyip Erdoğan", "recep-tayyip-erdogan"], ["U.S.", "u-s"], ["  Straße ", "strasse"], ["Łódź", "lodz"], ["Москва", ""]];
    for (const [name, slug] of names) expect(slugOf(name)).toBe(slug);
    for (const [name, slug] of names) expect(slugOf(name)).toBe(slug);
    for (let i = 0; i <= 100_001; i += 1) slugOf(`Name ${i}`);
    for (const [name, slug] of names) expect(slugOf(name)).toBe(slug);
    expect(slugOf("Name 7")).toBe("name-7");
  });

  it("should give the same entities for an article with no body and for one whose headline is all capitals", () => {
    const empty = extractEntities({ title: "Japan and Germany sign a trade accord", blocks: [] });
    expect(empty.entities.map((e) => e.name).sort()).toEqual(["Germany", "Japan"]);
    const shouted = extractEntities({ title: "JAPAN AND WEST GERMANY SIGN TRADE ACCORD", blocks: [{ text: "Japan and West Germany signed an accord on Monday." }] });
    expect(shouted.entities.filter((e) => e.headline).map((e) => e.name).sort()).toEqual(["Japan", "West Germany"]);
  });
});
