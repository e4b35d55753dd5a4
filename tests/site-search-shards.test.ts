import { describe, expect, it } from "vitest";
import { config } from "../src/config.ts";
import { estimateMb } from "../src/site/search-index.ts";
import { planSearchShards } from "../src/site/search-shards.ts";

describe("planSearchShards", () => {
  it("should make one bundle per year, newest first", () => {
    const shards = planSearchShards(["2019-01-04", "2021-06-03", "2019-12-31", "2020-02-29"], 10);
    expect(shards.map((s) => s.id)).toEqual(["2021", "2020", "2019"]);
    expect(shards.map((s) => s.articles)).toEqual([1, 1, 2]);
    expect(shards[2]?.glob).toBe("2019/[0-9][0-9]/[0-9][0-9]/*/index.html");
  });

  it("should split a year larger than the limit by month, and keep smaller years whole", () => {
    const dates = ["2020-01-01", "2020-01-02", "2020-03-05", "2019-07-01"];
    const shards = planSearchShards(dates, 2);
    expect(shards.map((s) => s.id)).toEqual(["2020-03", "2020-01", "2019"]);
    expect(shards[1]).toEqual({ id: "2020-01", glob: "2020/01/[0-9][0-9]/*/index.html", articles: 2 });
    expect(shards.reduce((sum, s) => sum + s.articles, 0)).toBe(dates.length);
  });

  it("should split a large year into runs of consecutive months of about equal size, none over the limit", () => {
    const dates = Array.from({ length: 12 }, (_, m) => Array.from({ length: 100 }, () => `2019-${String(m + 1).padStart(2, "0")}-15`)).flat();
    const shards = planSearchShards(dates, 400);
    expect(shards.map((s) => s.id)).toEqual(["2019-09_12", "2019-05_08", "2019-01_04"]);
    expect(shards[0]).toEqual({ id: "2019-09_12", glob: "2019/{09,10,11,12}/[0-9][0-9]/*/index.html", articles: 400 });
    const uneven = planSearchShards([...dates, ...Array.from({ length: 500 }, () => "2019-06-01")], 400);
    expect(uneven.find((s) => s.id === "2019-06")?.articles).toBe(600);
    expect(uneven.every((s) => s.articles <= 400 || s.id === "2019-06")).toBe(true);
    expect(uneven.reduce((sum, s) => sum + s.articles, 0)).toBe(1700);
  });

  it("should plan no bundle for an empty archive", () => {
    expect(planSearchShards([], 100)).toEqual([]);
  });

  it("should make bundles two of which fit in the search step's memory together, so two Pagefind processes run at once", () => {
    // A year of 2,500 articles (a 50,000-article archive over twenty years) splits into two runs of months.
    const dates = Array.from({ length: 2_500 }, (_, i) => `2020-${String(1 + Math.floor(i / 209)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`);
    const shards = planSearchShards(dates, config.searchShardMaxArticles);
    expect(shards).toHaveLength(2);
    for (const shard of shards) expect(shard.articles).toBeLessThanOrEqual(config.searchShardMaxArticles);
    expect(2 * estimateMb({ articles: config.searchShardMaxArticles })).toBeLessThanOrEqual(config.searchIndexMemoryMb);
  });
});
