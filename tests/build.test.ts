import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, type BuildResult } from "../src/site/index.ts";

const ROOT = join(import.meta.dirname, "..");
const FIXTURES = join(import.meta.dirname, "fixtures", "site", "articles");
// Article folders are found by date and a slug prefix, so a change in transliteration does not break these tests.
let ESCAPING: string;
let RUSSIAN: string;

let base: string;
let site: string;
let result: BuildResult;

const read = (path: string): Promise<string> => readFile(join(site, path), "utf8");
const exists = (path: string): Promise<boolean> => stat(join(site, path)).then(() => true, () => false);

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

function hrefsOf(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="([^"]*)"/gu)].map((m) => m[1] ?? "");
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "news-archive-build-"));
  await cp(FIXTURES, join(base, "articles"), { recursive: true });
  site = join(base, "_site");
  result = await buildSite({ input: join(base, "articles"), output: site, cacheDir: join(base, "cache"), baseUrl: "https://news.example", pathPrefix: "/" });
  const folder = async (day: string, prefix: string): Promise<string> => {
    const name = (await readdir(join(site, day))).find((entry) => entry.startsWith(prefix));
    return `${day}/${name ?? `${prefix}-not-found`}`;
  };
  ESCAPING = await folder("2024/09/02", "mayor-says");
  RUSSIAN = await folder("2023/05/01", "peskov-zayavil");
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("the built site", () => {
  it("should build without errors and leave no temporary folder", async () => {
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.ok).toBe(true);
    expect((await readdir(base)).sort()).toEqual(["_site", "articles", "cache"]);
  });

  it("should have every page kind at its URL", async () => {
    const expected = [
      "index.html", `${ESCAPING}/index.html`, `${ESCAPING}/article.json`, "2024/index.html", "2024/09/index.html", "2024/09/02/index.html",
      "archive/index.html", "on-this-day/09-02/index.html", "topics/index.html", "topics/fixture-topic/index.html",
      "topics/fixture-topic/feed.xml", "feed.xml", "feed.json", "sitemap.xml", "robots.txt", "404.html", "search/index.html",
      "css/site.css", "js/search.js", "pagefind/2024/pagefind-ui.js",
    ];
    const missing = [];
    for (const path of expected) if (!(await exists(path))) missing.push(path);
    expect(missing).toEqual([]);
  });

  it("should build one search bundle per year of articles and list them all on the search page", async () => {
    const years = (await readdir(site)).filter((name) => /^\d{4}$/u.test(name)).sort().reverse();
    const bundles = (await readdir(join(site, "pagefind"))).sort().reverse();
    expect(years.length).toBeGreaterThan(1);
    expect(bundles).toEqual(years);
    for (const year of years) expect(await exists(`pagefind/${year}/pagefind-entry.json`)).toBe(true);
    const page = await readFile(join(site, "search", "index.html"), "utf8");
    expect(page).toContain(`data-bundles="${years.map((year) => `/pagefind/${year}/`).join(" ")}"`);
    expect(page).toContain(`src="/pagefind/${years[0]}/pagefind-ui.js"`);
  });

  it("should not publish drafts", async () => {
    expect(await exists("2023/05/02/a-draft-that-must-not-be-published/index.html")).toBe(false);
    expect(await read("sitemap.xml")).not.toContain("a-draft");
  });

  it("should list the articles newest first on the home page and both articles of a day on its page", async () => {
    const home = await read("index.html");
    const links = hrefsOf(home).filter((h) => /^\/\d{4}\/\d\d\/\d\d\/[a-z0-9-]+\/$/u.test(h));
    const dates = links.map((h) => h.slice(1, 11));
    expect(dates.length).toBeGreaterThan(5);
    expect([...dates].sort().reverse()).toEqual(dates);
    const day = await read("2024/09/02/index.html");
    expect(day).toContain("Second article on the same day");
    expect(day).toContain(`href="/${ESCAPING}/"`);
    expect(day).toContain('href="/on-this-day/09-02/"');
  });

  it("should link prev/next articles by date and stop at the newest one", async () => {
    const newest = await read(`${ESCAPING}/index.html`);
    expect(newest).not.toMatch(/<span class="hint">Next<\/span>/u);
    const tass = await read("2021/06/03/peskov-said-that-turkey-did-not-deport-russian-specialists-who-were-servicing-s/index.html");
    expect(tass).toMatch(new RegExp(`href="/${RUSSIAN}/"><span class="hint">Next</span>`, "u"));
  });

  it("should show a calendar on the month page with links only on days that have articles", async () => {
    const month = await read("2024/09/index.html");
    const linkedDays = [...month.matchAll(/<td class="has-articles"><a href="([^"]+)"/gu)].map((m) => m[1]);
    expect(linkedDays).toEqual(["/2024/09/02/"]);
    expect(month).toContain('<caption class="visually-hidden">September 2024</caption>');
  });

  it("should escape a hostile headline in the page, the feeds, the sitemap and the JSON-LD", async () => {
    const page = await read(`${ESCAPING}/index.html`);
    expect(page).not.toContain("<script>alert(1)");
    expect(page).not.toContain('" onload="');
    expect(page).toContain("<title>Mayor says &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; and &quot; onload=&quot;alert(2) &amp; more");
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/su.exec(page)?.[1] ?? "";
    expect(jsonLd).toContain("\\u003c/title\\u003e\\u003cscript\\u003e");
    const data = JSON.parse(jsonLd) as { "@type": string; headline: string; datePublished: string; author: { name: string } };
    expect(data["@type"]).toBe("NewsArticle");
    expect(data.headline).toBe(`Mayor says </title><script>alert(1)</script> and " onload="alert(2) & more`);
    expect(data.datePublished).toBe("2024-09-02");
    expect(data.author.name).toBe('Jo "Quote" Writer');
    for (const file of ["feed.xml", "topics/fixture-topic/feed.xml"]) {
      const xml = await read(file);
      expect(xml).not.toContain("<script>");
      const feed = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { entry: { title: string }[] } };
      expect(feed.feed.entry.map((e) => e.title)).toContain(`Mayor says </title><script>alert(1)</script> and " onload="alert(2) & more`);
    }
    const json = JSON.parse(await read("feed.json")) as { items: { title: string }[] };
    expect(json.items[0]?.title).toBe(`Mayor says </title><script>alert(1)</script> and " onload="alert(2) & more`);
    for (const file of await allFiles(site)) {
      if (!/\.(html|xml|json)$/u.test(file) || file.startsWith("pagefind/")) continue;
      expect(await read(file), file).not.toMatch(/<script>alert|" onload="/u);
    }
  });

  it("should write feeds with the required elements and `updated` from the newest article", async () => {
    const atom = new XMLParser({ ignoreAttributes: false }).parse(await read("feed.xml")) as { feed: Record<string, unknown> & { entry: Record<string, unknown>[] } };
    expect(atom.feed["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(atom.feed["title"]).toBe("News Archive");
    expect(atom.feed["id"]).toBe("https://news.example/");
    expect(atom.feed["updated"]).toBe("2024-09-02T00:00:00Z");
    for (const entry of atom.feed.entry) for (const key of ["title", "id", "updated", "link"]) expect(entry[key], key).toBeDefined();
    const json = JSON.parse(await read("feed.json")) as Record<string, unknown> & { items: Record<string, unknown>[] };
    expect(json["version"]).toBe("https://jsonfeed.org/version/1.1");
    expect(json["feed_url"]).toBe("https://news.example/feed.json");
    for (const item of json.items) {
      expect(typeof item["id"]).toBe("string");
      expect(typeof item["content_html"]).toBe("string");
    }
  });

  it("should list every page in a sitemap that parses, with absolute URLs", async () => {
    const parsed = new XMLParser().parse(await read("sitemap.xml")) as { urlset: { url: { loc: string }[] } };
    const locs = parsed.urlset.url.map((u) => u.loc);
    expect(locs).toContain("https://news.example/");
    expect(locs).toContain(`https://news.example/${ESCAPING}/`);
    expect(locs).toContain("https://news.example/topics/fixture-topic/");
    expect(locs).toContain("https://news.example/on-this-day/09-02/");
    expect(locs.every((l) => l.startsWith("https://news.example/"))).toBe(true);
    expect(await read("robots.txt")).toContain("Sitemap: https://news.example/sitemap.xml");
  });

  it("should set lang per article and give each article its record as JSON", async () => {
    expect(await read(`${RUSSIAN}/index.html`)).toMatch(/^<!DOCTYPE html>\n<html lang="ru">/u);
    expect(await read("index.html")).toMatch(/<li class="teaser" lang="ru">/u);
    const record = JSON.parse(await read(`${RUSSIAN}/article.json`)) as { title: string; date: string; lang: string; body: { text: string }[] };
    expect(record).toMatchObject({ date: "2023-05-01", lang: "ru" });
    expect(record.body[0]?.text).toMatch(/^Российские специалисты/u);
  });

  it("should use JavaScript only on the search page", async () => {
    for (const file of await allFiles(site)) {
      if (!file.endsWith(".html") || file.startsWith("pagefind/")) continue;
      const scripts = [...(await read(file)).matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>/gu)];
      if (file === "search/index.html") expect(scripts.length).toBeGreaterThan(0);
      else expect(scripts, file).toEqual([]);
    }
  });
});

describe("a build under a path prefix", () => {
  it("should put every internal link, asset and absolute URL under the prefix", async () => {
    const prefixed = join(base, "prefixed");
    const built = await buildSite({ input: join(base, "articles"), output: prefixed, cacheDir: join(base, "cache"), baseUrl: "https://news.example", pathPrefix: "/pr-42/", search: false });
    expect(built.ok).toBe(true);
    const bad: string[] = [];
    for (const file of await allFiles(prefixed)) {
      if (!file.endsWith(".html")) continue;
      for (const href of hrefsOf(await readFile(join(prefixed, file), "utf8"))) {
        if (!href.startsWith("/pr-42/") && !href.startsWith("#") && !/^https?:\/\//u.test(href)) bad.push(`${file}: ${href}`);
        if (href.startsWith("https://news.example/") && !href.startsWith("https://news.example/pr-42/")) bad.push(`${file}: ${href}`);
      }
    }
    expect(bad).toEqual([]);
    expect(await readFile(join(prefixed, "sitemap.xml"), "utf8")).toContain("<loc>https://news.example/pr-42/</loc>");
    await rm(prefixed, { recursive: true, force: true });
  });
});

describe("a build rendered in several Eleventy runs", () => {
  it("should write exactly the same files as a build in one run", async () => {
    const batched = join(base, "batched");
    // A cache folder of its own: with the first build's, every page would come from the page cache, not from Eleventy.
    const built = await buildSite({ input: join(base, "articles"), output: batched, cacheDir: join(base, "cache-batched"), baseUrl: "https://news.example", pathPrefix: "/", search: false, renderBatch: 4 });
    expect(built.pagesFromCache).toBe(0);
    expect(built.ok).toBe(true);
    const files = (await allFiles(batched)).sort();
    expect(files).toEqual((await allFiles(site)).filter((f) => !f.startsWith("pagefind/")).sort());
    for (const file of files) expect(await readFile(join(batched, file), "utf8"), file).toBe(await read(file));
    await rm(batched, { recursive: true, force: true });
  });
});

describe("a build over an existing site", () => {
  it("should replace the site and remove the replaced one, and any an earlier build left, in the background", async () => {
    const output = join(base, "rebuilt");
    const options = { input: join(base, "articles"), output, cacheDir: join(base, "cache"), baseUrl: "https://news.example", pathPrefix: "/", search: false };
    expect((await buildSite(options)).ok).toBe(true);
    await writeFile(join(output, "stale.html"), "from the replaced site");
    // What a build whose remover was killed leaves behind.
    const leftover = join(base, "rebuilt.replaced-1-abc");
    await cp(join(output, "index.html"), join(leftover, "page", "index.html"), { recursive: true });
    expect((await buildSite(options)).ok).toBe(true);
    expect(await exists("../rebuilt/index.html")).toBe(true);
    expect(await exists("../rebuilt/stale.html")).toBe(false);
    const replaced = async (): Promise<string[]> => (await readdir(base)).filter((name) => name.startsWith("rebuilt.replaced-"));
    for (let waited = 0; (await replaced()).length > 0 && waited < 20_000; waited += 100) await new Promise((done) => setTimeout(done, 100));
    expect(await replaced()).toEqual([]);
    await rm(output, { recursive: true, force: true });
  });
});

describe("a failing build", () => {
  it("should exit 1 with located diagnostics and leave the previous site as it was", async () => {
    const before = await read("index.html");
    const beforeFiles = (await allFiles(site)).sort();
    await writeFile(join(base, "articles", "undated.txt"), "A headline without any date\n\nSome text.\n");
    const run = promisify(execFile)(process.execPath, [join(ROOT, "bin", "news-archive.js"), "build", "--input", join(base, "articles"), "--output", site, "--cache-dir", join(base, "cache")], { cwd: ROOT });
    const failure = (await run.then(() => null, (error: unknown) => error)) as { code: number; stderr: string } | null;
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/undated\.txt:1:1 {2}error {2}This article has no date[^\n]* {2}archive\/no-date/u);
    expect(await read("index.html")).toBe(before);
    expect((await allFiles(site)).sort()).toEqual(beforeFiles);
    expect((await readdir(base)).filter((name) => name.includes(".tmp"))).toEqual([]);
    await rm(join(base, "articles", "undated.txt"));
  });
});
