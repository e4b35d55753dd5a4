import { describe, expect, it } from "vitest";
import { buildArchive } from "../src/archive/index.ts";
import { createUrls, outputFile, paginate, planSite, siteOptions } from "../src/site/index.ts";
import { makeRecord, subject } from "./fixtures/site/records.ts";
import { findOutputClashes, type PlannedOutput } from "../src/site/outputs.ts";

const options = siteOptions({ pageSize: 2, feedSize: 3, topicPageMinArticles: 2, pathPrefix: "/", baseUrl: "https://news.example" });

function archiveOf(count: number): ReturnType<typeof buildArchive> {
  // Article i is dated 2024-01-(i+1): article 4 is the newest of five.
  const records = Array.from({ length: count }, (_, i) =>
    makeRecord({ title: `Story ${i}`, date: `2024-01-${String(i + 1).padStart(2, "0")}`, topics: i % 2 === 0 ? [subject("Even")] : [subject("Odd")] }),
  );
  return buildArchive(records);
}

describe("paginate", () => {
  it("should put page 1 at the base path and later pages under page/N/ with links at the boundaries", () => {
    const pages = paginate([1, 2, 3, 4, 5], 2, "/topics/x/");
    expect(pages.map((p) => [p.path, p.items, p.newerPath, p.olderPath])).toEqual([
      ["/topics/x/", [1, 2], null, "/topics/x/page/2/"],
      ["/topics/x/page/2/", [3, 4], "/topics/x/", "/topics/x/page/3/"],
      ["/topics/x/page/3/", [5], "/topics/x/page/2/", null],
    ]);
  });

  it("should give an empty listing one page and an exact multiple no empty last page", () => {
    expect(paginate([], 20, "/")).toHaveLength(1);
    expect(paginate([1, 2, 3, 4], 2, "/").map((p) => p.path)).toEqual(["/", "/page/2/"]);
  });
});

describe("planSite", () => {
  it("should list the home pages newest first, paginated", () => {
    const { site } = planSite(archiveOf(5), options);
    const home = site.listingPages.filter((p) => p.kind === "home");
    expect(home.map((p) => p.path)).toEqual(["/", "/page/2/", "/page/3/"]);
    expect(home.flatMap((p) => p.items.map((i) => i.title))).toEqual(["Story 4", "Story 3", "Story 2", "Story 1", "Story 0"]);
    expect(home[0]?.newerPage).toBeNull();
    expect(home[2]?.olderPage).toBeNull();
    expect(home[1]?.olderPage?.href).toBe("/page/3/");
  });

  it("should link each article to the previous (older) and next (newer) one, with none at the ends", () => {
    const { site } = planSite(archiveOf(3), options);
    const byTitle = new Map(site.articlePages.map((p) => [p.title, p]));
    expect(byTitle.get("Story 2")?.next).toBeNull();
    expect(byTitle.get("Story 2")?.previous?.title).toBe("Story 1");
    expect(byTitle.get("Story 1")?.next?.title).toBe("Story 2");
    expect(byTitle.get("Story 0")?.previous).toBeNull();
  });

  it("should relate articles by shared topics, most shared first, then most recent", () => {
    const records = [
      makeRecord({ title: "Base", date: "2024-02-01", topics: [subject("A"), subject("B")] }),
      makeRecord({ title: "Both old", date: "2023-01-01", topics: [subject("A"), subject("B")] }),
      makeRecord({ title: "One new", date: "2024-03-01", topics: [subject("A")] }),
      makeRecord({ title: "One newer", date: "2024-04-01", topics: [subject("B")] }),
      makeRecord({ title: "None", date: "2024-05-01", topics: [subject("C")] }),
    ];
    const { site } = planSite(buildArchive(records), options);
    const base = site.articlePages.find((p) => p.title === "Base");
    expect(base?.related.map((r) => r.title)).toEqual(["Both old", "One newer", "One new"]);
  });

  it("should make year, month and day pages linking only to periods that have articles", () => {
    const records = [
      makeRecord({ title: "Early", date: "2019-12-31" }),
      makeRecord({ title: "Middle", date: "2021-03-05" }),
      makeRecord({ title: "Late", date: "2021-07-20" }),
    ];
    const { site } = planSite(buildArchive(records), options);
    const page = (path: string): (typeof site.listingPages)[number] | undefined => site.listingPages.find((p) => p.path === path);
    expect(page("/2020/")).toBeUndefined();
    expect(page("/2021/")?.previousPeriod?.href).toBe("/2019/");
    expect(page("/2021/")?.nextPeriod).toBeNull();
    expect(page("/2021/03/")?.previousPeriod?.href).toBe("/2019/12/");
    expect(page("/2021/03/")?.nextPeriod?.href).toBe("/2021/07/");
    expect(page("/2021/03/05/")?.nextPeriod?.href).toBe("/2021/07/20/");
    expect(page("/2021/03/05/")?.onThisDay?.href).toBe("/on-this-day/03-05/");
    expect(page("/2021/")?.children.map((c) => [c.label, c.count])).toEqual([["March", 1], ["July", 1]]);
    const linked = page("/2021/07/")?.calendar?.weeks.flat().filter((c) => c.href !== null).map((c) => c.day);
    expect(linked).toEqual([20]);
    expect(site.archiveIndex.years.map((y) => [y.year, y.count])).toEqual([["2021", 2], ["2019", 1]]);
  });

  it("should gather the same day and month of every year on one on-this-day page", () => {
    const records = [makeRecord({ title: "A", date: "2019-06-03" }), makeRecord({ title: "B", date: "2021-06-03" }), makeRecord({ title: "C", date: "2021-06-04" })];
    const { site } = planSite(buildArchive(records), options);
    const page = site.listingPages.find((p) => p.path === "/on-this-day/06-03/");
    expect(page?.items.map((i) => i.title)).toEqual(["B", "A"]);
  });

  it("should give pages only to topics with enough articles and leave the others as plain text", () => {
    const records = [
      makeRecord({ title: "One", date: "2024-01-01", topics: [subject("Big"), subject("Small")] }),
      makeRecord({ title: "Two", date: "2024-01-02", topics: [subject("Big")] }),
    ];
    const { site } = planSite(buildArchive(records), options);
    expect(site.listingPages.filter((p) => p.kind === "topic").map((p) => p.path)).toEqual(["/topics/big/"]);
    const one = site.articlePages.find((p) => p.title === "One");
    expect(one?.topics.map((t) => [t.name, t.href])).toEqual([["Big", "/topics/big/"], ["Small", null]]);
    expect(site.textFiles.map((f) => f.path)).toContain("/topics/big/feed.xml");
    expect(site.textFiles.map((f) => f.path)).not.toContain("/topics/small/feed.xml");
    expect(site.topicsIndex.groups.map((g) => [g.kind, g.topics.map((t) => [t.name, t.count])])).toEqual([["subject", [["Big", 2], ["Small", 1]]]]);
  });

  it("should put every link and absolute URL under the path prefix", () => {
    const { site } = planSite(archiveOf(3), { ...options, pathPrefix: "pr-42" });
    expect(site.urls.href("/topics/")).toBe("/pr-42/topics/");
    expect(site.articlePages[0]?.canonical).toBe("https://news.example/pr-42/2024/01/03/story-2/");
    expect(site.listingPages[0]?.items[0]?.href).toBe("/pr-42/2024/01/03/story-2/");
    expect(site.textFiles.find((f) => f.path === "/robots.txt")?.body).toContain("Sitemap: https://news.example/pr-42/sitemap.xml");
  });

  it("should keep feeds to the latest entries with `updated` from the newest article", () => {
    const { site } = planSite(archiveOf(5), options);
    const atom = site.textFiles.find((f) => f.path === "/feed.xml")?.body ?? "";
    expect(atom.match(/<entry>/gu)).toHaveLength(3);
    expect(atom).toContain("<updated>2024-01-05T00:00:00Z</updated>");
    const json = JSON.parse(site.textFiles.find((f) => f.path === "/feed.json")?.body ?? "{}") as { items: { title: string }[] };
    expect(json.items.map((i) => i.title)).toEqual(["Story 4", "Story 3", "Story 2"]);
  });

  it("should report two pages whose output paths differ only in case or normalisation, naming both", () => {
    const records = [makeRecord({ title: "Café", date: "2024-01-01", topics: [subject("x")] }), makeRecord({ title: "Other", date: "2024-01-02", topics: [subject("x")] })];
    const archive = buildArchive(records);
    const { diagnostics } = planSite(archive, options);
    expect(diagnostics).toEqual([]);
    // Slugs differing only in case cannot come from the parser, so the archive is given one by hand.
    const clash = planSite({ ...archive, topics: [...archive.topics, { name: "X upper", slug: "X", kind: "subject", description: null, count: 2, variants: [] }], byTopic: new Map([...archive.byTopic, ["X", archive.articles]]) }, options);
    const pageClash = clash.diagnostics.find((d) => d.message.includes('the topic page "x"'));
    expect(pageClash?.message).toContain('the topic page "X upper"');
    expect(pageClash?.message).toContain("differ only in case or Unicode normalisation");
    expect(pageClash?.rule).toBe("site/output-clash");
    expect(pageClash?.severity).toBe("error");
    expect(clash.diagnostics.some((d) => d.message.includes("/topics/X/feed.xml"))).toBe(true);
  });

  it("should find clashes of paths that differ only in Unicode normalisation or case, and none between other paths", () => {
    const output = (path: string, file: string | null = null): PlannedOutput => ({ path, source: `the page ${path}`, file });
    const clashes = findOutputClashes([
      output("/topics/caf\u00e9/"),
      output("/topics/cafe\u0301/"),
      output("/topics/Cafe/index.html", "a.txt"),
      output("/topics/cafe/"),
      output("/topics/cafes/"),
    ]);
    expect(clashes.map((d) => [d.file, d.message.slice(0, d.message.indexOf(" would be written"))])).toEqual([
      ["(site)", "the page /topics/caf\u00e9/ and the page /topics/cafe\u0301/"],
      ["a.txt", "the page /topics/Cafe/index.html and the page /topics/cafe/"],
    ]);
  });

  it("should map site paths to output files", () => {
    expect(outputFile("/")).toBe("index.html");
    expect(outputFile("/2024/01/02/x/")).toBe("2024/01/02/x/index.html");
    expect(outputFile("/feed.xml")).toBe("feed.xml");
    expect(() => outputFile("/../etc/")).toThrow();
    expect(createUrls("/", "https://a.example/").absolute("/x/")).toBe("https://a.example/x/");
  });
});
