import { describe, expect, it } from "vitest";
import { extractEntities } from "../src/topics/index.ts";
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

  it("should give the same entities for an article with no body and for one whose headline is all capitals", () => {
    const empty = extractEntities({ title: "Japan and Germany sign a trade accord", blocks: [] });
    expect(empty.entities.map((e) => e.name).sort()).toEqual(["Germany", "Japan"]);
    const shouted = extractEntities({ title: "JAPAN AND WEST GERMANY SIGN TRADE ACCORD", blocks: [{ text: "Japan and West Germany signed an accord on Monday." }] });
    expect(shouted.entities.filter((e) => e.headline).map((e) => e.name).sort()).toEqual(["Japan", "West Germany"]);
  });
});
