/**
 * The page cache: a warm build copies (or hard-links) the pages whose data did not change and renders only the
 * others, and its output is byte-identical to a build without any cache.
 */
import { statSync } from "node:fs";
import { cp, link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceKeyOf, withFields } from "../src/archive/index.ts";
import { buildSite, loadSite, unshareFiles, type BuildOptions, type BuildResult, type SiteData } from "../src/site/index.ts";
import { KEYED_PAGE_FIELDS, KEYED_SITE_FIELDS, PageKeys, RECORD_FIELDS, SUMMARY_FIELDS } from "../src/site/page-keys.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "site", "articles");
const CHANGED = "2020/02/2020-02-10-first-foreigners-die-from-coronavirus-in-wuhan-china.txt";

let base: string;
let input: string;
let cacheDir: string;

/** Every file of a built site with its bytes, by path relative to the site. */
async function readSite(dir: string): Promise<Map<string, Buffer>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file))] as const)));
}

/** The cache entries (file names) in the page cache folder. */
async function cacheEntries(): Promise<Set<string>> {
  const entries = await readdir(join(cacheDir, "pages"), { recursive: true, withFileTypes: true });
  return new Set(entries.filter((e) => e.isFile()).map((e) => e.name));
}

/** The inode numbers of every file under a folder. */
async function inodes(dir: string): Promise<Set<number>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return new Set(entries.filter((e) => e.isFile()).map((e) => statSync(join(e.parentPath, e.name)).ino));
}

/** Each file of a built site (relative path) with its inode number. */
async function outputInodes(output: string): Promise<[string, number][]> {
  const dir = join(base, output);
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => [relative(dir, join(e.parentPath, e.name)), statSync(join(e.parentPath, e.name)).ino]);
}

function build(output: string, options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  return buildSite({ input, output: join(base, output), cacheDir, baseUrl: "https://news.example", pathPrefix: "/", search: false, ...options });
}

function expectSameSite(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
  expect([...actual.keys()]).toEqual([...expected.keys()]);
  for (const [file, bytes] of expected) expect(actual.get(file)?.equals(bytes), file).toBe(true);
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "news-archive-page-cache-"));
  input = join(base, "articles");
  cacheDir = join(base, "cache");
  await cp(FIXTURES, input, { recursive: true });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("the page cache", () => {
  it("should render every page on a cold build and copy every page on a warm one, with the same output", async () => {
    const cold = await build("cold");
    expect(cold.ok).toBe(true);
    expect(cold.pagesFromCache).toBe(0);
    const warm = await build("warm");
    expect(warm.ok).toBe(true);
    const site = await readSite(join(base, "warm"));
    const htmlPages = [...site.keys()].filter((file) => file.endsWith(".html")).length;
    expect(warm.pagesFromCache).toBe(htmlPages);
    expectSameSite(site, await readSite(join(base, "cold")));
  });

  it("should render again only the changed article, the pages that show it, and give the same output as a build without cache", async () => {
    const before = await loadSite(input, { cacheDir, baseUrl: "https://news.example", pathPrefix: "/" });
    const stored = await cacheEntries();
    const text = await readFile(join(input, CHANGED), "utf8");
    expect(text).toContain("According to officials on Saturday,");
    await writeFile(join(input, CHANGED), text.replace("According to officials on Saturday,", "According to officials on Saturday morning,"));

    const warm = await build("changed");
    expect(warm.ok).toBe(true);
    const uncached = await build("uncached", { cacheDir: null });
    const site = await readSite(join(base, "changed"));
    expectSameSite(site, await readSite(join(base, "uncached")));

    // The entries this build added are the pages it rendered: find each one's page by its bytes.
    const byBytes = new Map([...site].map(([file, bytes]) => [bytes.toString("base64"), file]));
    const added = [...(await cacheEntries())].filter((name) => !stored.has(name));
    const rendered = new Set<string>();
    for (const name of added) {
      const bytes = await readFile(join(cacheDir, "pages", name.slice(0, 2), name));
      rendered.add(byBytes.get(bytes.toString("base64")) ?? `unmatched ${name}`);
    }

    const expected = pagesShowing(before.site, changedPath(before.site));
    expect(expected.article).toBe("2020/02/10/first-foreigners-die-from-coronavirus-in-wuhan-china/index.html");
    expect(expected.neighbours).toHaveLength(2);
    expect(expected.listings).toEqual(expect.arrayContaining(["index.html", "2020/index.html", "2020/02/index.html", "2020/02/10/index.html", "on-this-day/02-10/index.html"]));
    const json = expected.article.replace(/index\.html$/u, "article.json");
    expect([...rendered].sort()).toEqual([...new Set([expected.article, json, ...expected.neighbours, ...expected.related, ...expected.listings])].sort());
    expect(warm.pagesFromCache).toBe([...site.keys()].filter((file) => file.endsWith(".html")).length - [...rendered].filter((f) => f.endsWith(".html")).length);
    expect(uncached.pagesFromCache).toBe(0);
  });

  it("should copy entries into the output without linkPages, so that writing an output file leaves the cache as it was", async () => {
    expect((await build("copied", { linkPages: false })).ok).toBe(true);
    const first = join(base, "copied", "index.html");
    const original = await readFile(first);
    await writeFile(first, "overwritten in place");
    const again = await build("again");
    expect(again.ok).toBe(true);
    expect((await readFile(join(base, "again", "index.html"))).equals(original)).toBe(true);
  });

  it("should hard-link pages to and from the cache with linkPages, a warm build's output byte-identical to a cold one", async () => {
    const linked = join(base, "cache-linked");
    const cold = await build("linked-cold", { cacheDir: linked, linkPages: true });
    expect(cold.ok).toBe(true);
    const inCache = await inodes(join(linked, "pages"));
    // Every page and article.json the cold build rendered or wrote is stored as a link to its output file.
    const coldFiles = (await outputInodes("linked-cold")).filter(([file]) => file.endsWith(".html") || file.endsWith("article.json"));
    expect(coldFiles.length).toBeGreaterThan(0);
    expect(coldFiles.filter(([, ino]) => !inCache.has(ino)).map(([file]) => file)).toEqual([]);
    const warm = await build("linked-warm", { cacheDir: linked, linkPages: true });
    expect(warm.ok).toBe(true);
    expect(warm.pagesFromCache).toBe(coldFiles.filter(([file]) => file.endsWith(".html")).length);
    expectSameSite(await readSite(join(base, "linked-warm")), await readSite(join(base, "linked-cold")));
    const warmFiles = (await outputInodes("linked-warm")).filter(([file]) => file.endsWith(".html") || file.endsWith("article.json"));
    expect(warmFiles.filter(([, ino]) => !inCache.has(ino)).map(([file]) => file)).toEqual([]);
  });

  it("should share no file with the cache when linkPages is false, cold or warm", async () => {
    const copied = join(base, "cache-copied");
    for (const output of ["copy-cold", "copy-warm"]) {
      expect((await build(output, { cacheDir: copied, linkPages: false })).ok).toBe(true);
      const inCache = await inodes(join(copied, "pages"));
      expect(inCache.size).toBeGreaterThan(0);
      const files = await outputInodes(output);
      expect(files.filter(([, ino]) => inCache.has(ino)).map(([file]) => file)).toEqual([]);
      for (const [file] of files) expect(statSync(join(base, output, file)).nlink, file).toBe(1);
    }
  });

  it("should give each hard-linked file of a folder its own copy, so that writing it in place leaves the other name as it was", async () => {
    const dir = join(base, "unshare");
    await mkdir(join(dir, "sub"), { recursive: true });
    await writeFile(join(base, "entry.html"), "cached page");
    await link(join(base, "entry.html"), join(dir, "sub", "index.html"));
    await writeFile(join(dir, "own.html"), "own page");
    expect(unshareFiles(dir)).toBe(1);
    expect(statSync(join(dir, "sub", "index.html")).nlink).toBe(1);
    await writeFile(join(dir, "sub", "index.html"), "re-rendered in place");
    expect(await readFile(join(base, "entry.html"), "utf8")).toBe("cached page");
    expect(await readFile(join(dir, "own.html"), "utf8")).toBe("own page");
    expect(unshareFiles(join(base, "no-such-folder"))).toBe(0);
  });

  it("should keep the pages of two path prefixes and prune to the latest build's once a third comes", async () => {
    const shared = join(base, "cache-prefixes");
    const entries = async (): Promise<string[]> => (await readdir(join(shared, "pages"), { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
    const outputs = async (dir: string): Promise<number> => [...(await readSite(join(base, dir))).keys()].filter((f) => f.endsWith(".html") || f.endsWith("article.json")).length;
    expect((await build("root", { cacheDir: shared })).ok).toBe(true);
    const root = await entries();
    expect(root).toHaveLength(await outputs("root"));
    // Under another prefix every page has a new key (an article.json does not depend on the prefix).
    expect((await build("pr-42", { cacheDir: shared, pathPrefix: "/pr-42/" })).ok).toBe(true);
    const two = await entries();
    expect(two.length).toBeGreaterThan(root.length);
    expect(two).toEqual(expect.arrayContaining(root));
    // A third prefix takes the cache past twice what one build uses: only the latest build's entries stay.
    expect((await build("pr-43", { cacheDir: shared, pathPrefix: "/pr-43/" })).ok).toBe(true);
    const three = await entries();
    expect(three).toHaveLength(await outputs("pr-43"));
    expect(three.filter((name) => name.endsWith(".html") && two.includes(name))).toEqual([]);
    expect(three.filter((name) => name.endsWith(".json")).sort()).toEqual(root.filter((name) => name.endsWith(".json")).sort());
  });
});

describe("the page keys", () => {
  it("should change an article's or a listing's key when a summary it shows changes, moves or swaps places", async () => {
    const { site } = await loadSite(FIXTURES, { cacheDir: null, baseUrl: "https://news.example", pathPrefix: "/" });
    const keys = new PageKeys(site);
    const article = site.articlePages.find((p) => p.related.length >= 2 && p.previous !== null && p.next !== null);
    const listing = site.listingPages.find((p) => p.items.length >= 2);
    if (article === undefined || listing === undefined) throw new Error("the fixtures have no article with two related articles and both neighbours, or no listing of two");
    const [first, second] = [article.related[0]!, article.related[1]!];
    const variants = [
      article,
      { ...article, related: [{ ...first, title: `${first.title}!` }, ...article.related.slice(1)] },
      { ...article, related: [second, first, ...article.related.slice(2)] },
      { ...article, related: article.related.slice(1) },
      { ...article, previous: article.next, next: article.previous },
      { ...article, previous: null },
      { ...article, next: null },
      { ...article, previous: null, next: null, related: [article.previous!, article.next!, ...article.related] },
      // The same summaries in the same order, only moved from one field to the next.
      { ...article, related: [...article.related, article.previous!], previous: null },
      { ...article, topics: article.topics.map((t, i) => (i === 0 ? { ...t, count: t.count + 1 } : t)) },
    ];
    const pageKeys = variants.map((page) => keys.article(page).page);
    expect(new Set(pageKeys).size).toBe(variants.length);
    // The same data in new objects (no shared identity) has the same key.
    expect(keys.article({ ...article, related: article.related.map((s) => ({ ...s })) }).page).toBe(pageKeys[0]);
    const [a, b] = [listing.items[0]!, listing.items[1]!];
    const listings = [listing, { ...listing, items: [b, a, ...listing.items.slice(2)] }, { ...listing, items: [{ ...a, summary: "changed" }, ...listing.items.slice(1)] }, { ...listing, items: listing.items.slice(1) }];
    expect(new Set(listings.map((page) => keys.listing(page))).size).toBe(listings.length);
  });

  it("should key a page by its record's source key, its topic links and summaries, and by all its fields without a source key", async () => {
    const { site } = await loadSite(FIXTURES, { cacheDir: null, baseUrl: "https://news.example", pathPrefix: "/" });
    const keys = new PageKeys(site);
    const page = site.articlePages.find((p) => p.topics.length >= 1 && p.related.length >= 1);
    if (page === undefined) throw new Error("the fixtures have no article with a topic and a related article");
    expect(sourceKeyOf(page.article)).toMatch(/^[0-9a-f]{64}$/u);
    const base = keys.article(page);
    // A record with its source key: its topics change both keys; the page's topic links change the page's key.
    const retopicked = keys.article({ ...page, article: withFields(page.article, { topics: page.article.topics.slice(1) }) });
    expect(retopicked.json).not.toBe(base.json);
    expect(retopicked.page).not.toBe(base.page);
    const relinked = keys.article({ ...page, topics: page.topics.map((t, i) => (i === 0 ? { ...t, href: null } : t)) });
    expect(relinked).toEqual({ page: expect.not.stringMatching(base.page), json: base.json });
    // The same record without its source key (a spread drops it): keyed by its JSON and every field of the page.
    const unmarked = { ...page, article: { ...page.article } };
    expect(sourceKeyOf(unmarked.article)).toBeUndefined();
    const plain = keys.article(unmarked);
    expect(plain.page).not.toBe(base.page);
    expect(keys.article({ ...unmarked, article: { ...page.article } })).toEqual(plain);
    const changed = [
      { ...unmarked, description: `${unmarked.description}!` },
      { ...unmarked, title: `${unmarked.title}!` },
      { ...unmarked, jsonLd: `${unmarked.jsonLd} ` },
      { ...unmarked, article: { ...page.article, title: "Another title" } },
    ].map((variant) => keys.article(variant).page);
    expect(new Set([plain.page, ...changed]).size).toBe(changed.length + 1);
    expect(keys.article({ ...unmarked, article: { ...page.article, title: "Another title" } }).json).not.toBe(plain.json);
  });

  it("should say for every field of an article page whether the record fixes it or the key holds it apart", async () => {
    const { site } = await loadSite(FIXTURES, { cacheDir: null, baseUrl: "https://news.example", pathPrefix: "/" });
    const fields = new Set(site.articlePages.flatMap((page) => Object.keys(page)));
    expect([...fields].sort()).toEqual([...RECORD_FIELDS, ...KEYED_PAGE_FIELDS].sort());
    const summaries = site.articlePages.flatMap((page) => [...page.related, ...(page.previous === null ? [] : [page.previous])]);
    expect(summaries.length).toBeGreaterThan(0);
    expect([...new Set(summaries.flatMap((summary) => Object.keys(summary)))].sort()).toEqual([...SUMMARY_FIELDS].sort());
  });

  it("should tell a summary's missing field from an empty one, and text moved from one field to the next", async () => {
    const { site } = await loadSite(FIXTURES, { cacheDir: null, baseUrl: "https://news.example", pathPrefix: "/" });
    const listing = site.listingPages.find((p) => p.items.length >= 1);
    if (listing === undefined) throw new Error("the fixtures have no listing with an item");
    const keys = new PageKeys(site);
    const item = listing.items[0]!;
    const variants = [
      { ...item, summary: null, lang: null },
      { ...item, summary: "", lang: null },
      { ...item, summary: null, lang: "" },
      { ...item, summary: "ab", lang: null },
      { ...item, summary: "a", lang: "b" },
      { ...item, title: `${item.title}${item.href.charAt(0)}`, href: item.href.slice(1) },
    ];
    const listingKeys = variants.map((summary) => keys.listing({ ...listing, items: [summary, ...listing.items.slice(1)] }));
    expect(new Set(listingKeys).size).toBe(variants.length);
  });

  it("should cover every global field of the site data that the templates print", async () => {
    const templates = join(import.meta.dirname, "..", "templates");
    // Fields that choose which pages are rendered, not what a page prints.
    const selection = ["articlePages", "listingPages", "textFiles", "renderSingles"];
    // Each one-off page prints its own part of the site data, which is in its own key.
    const own: Record<string, string> = { "404.11ty.ts": "notFound", "archive.11ty.ts": "archiveIndex", "search.11ty.ts": "search", "topics.11ty.ts": "topicsIndex" };
    const files = (await readdir(templates, { recursive: true })).filter((file) => file.endsWith(".ts"));
    expect(files).toEqual(expect.arrayContaining(["article.11ty.ts", "listing.11ty.ts", join("_includes", "layout.ts")]));
    for (const file of files) {
      const source = await readFile(join(templates, file), "utf8");
      const read = new Set([...source.matchAll(/(?<![\w/.-])site\.(\w+)/gu)].map((m) => m[1] ?? ""));
      for (const m of source.matchAll(/\{([^{}]*)\}\s*=\s*site\b/gu)) for (const name of (m[1] ?? "").split(",")) read.add(name.trim().split(/[\s:]/u)[0] ?? "");
      const allowed = new Set<string>([...KEYED_SITE_FIELDS, ...selection, ...(own[file] === undefined ? [] : [own[file]])]);
      expect([...read].filter((field) => !allowed.has(field)), file).toEqual([]);
    }
  });
});

function changedPath(site: SiteData): string {
  const page = site.articlePages.find((p) => p.article.file.endsWith(CHANGED));
  if (page === undefined) throw new Error(`${CHANGED} is not among the planned pages`);
  return page.path;
}

/** The output files of the pages whose data shows an article (before the change), relative to the site. */
function pagesShowing(site: SiteData, path: string): { article: string; neighbours: string[]; related: string[]; listings: string[] } {
  const file = (sitePath: string): string => `${sitePath.slice(1)}index.html`;
  const neighbours = site.articlePages.filter((p) => p.previous?.path === path || p.next?.path === path).map((p) => file(p.path));
  const related = site.articlePages.filter((p) => p.related.some((r) => r.path === path)).map((p) => file(p.path));
  const listings = site.listingPages.filter((p) => p.items.some((item) => item.path === path)).map((p) => file(p.path));
  return { article: file(path), neighbours, related, listings };
}
