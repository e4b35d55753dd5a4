/**
 * Quality of the whole built demo site, built once by the real build at the root path: valid HTML, no broken
 * internal link or asset, feeds, sitemap and JSON-LD that parse and carry what their formats require.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../src/config.ts";
import { buildDemoSite, type TempBuild } from "./helpers/build.ts";
import { checkAtom, checkJsonFeed, checkSitemap, jsonLdOf } from "./helpers/formats.ts";
import { findBrokenReferences, headOf, listFiles, resolveReference, urlOfFile } from "./helpers/site.ts";

const ARTICLE_PAGE = /^(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\/index\.html$/u;

let site: TempBuild;
let files: string[];

beforeAll(async () => {
  site = await buildDemoSite("/");
  files = await listFiles(site.dir);
}, 300_000);

afterAll(async () => {
  await site?.remove();
});

/** The built file an absolute URL of the published site points to, or null. */
function fileOfUrl(url: string): string | null {
  const resolution = resolveReference(url, "/", "/", site.dir, config.baseUrl);
  return resolution.kind === "internal" ? resolution.file : null;
}

describe("the built demo site", () => {
  it("should hold every page kind the issue lists", () => {
    const required = ["index.html", "404.html", "robots.txt", "sitemap.xml", "feed.xml", "feed.json", "archive/index.html", "topics/index.html", "search/index.html"];
    expect(required.filter((file) => !files.includes(file))).toEqual([]);
    expect(files.some((file) => ARTICLE_PAGE.test(file))).toBe(true);
    expect(files.some((file) => /^\d{4}\/index\.html$/u.test(file))).toBe(true);
    expect(files.some((file) => /^\d{4}\/\d{2}\/index\.html$/u.test(file))).toBe(true);
    expect(files.some((file) => /^\d{4}\/\d{2}\/\d{2}\/index\.html$/u.test(file))).toBe(true);
    expect(files.some((file) => /^on-this-day\/\d{2}-\d{2}\/index\.html$/u.test(file))).toBe(true);
    expect(files.some((file) => /^topics\/[^/]+\/index\.html$/u.test(file))).toBe(true);
    expect(files.some((file) => file.startsWith("pagefind/"))).toBe(true);
  });

  it("should give every article page its record as article.json beside it", async () => {
    const problems: string[] = [];
    for (const file of files.filter((f) => ARTICLE_PAGE.test(f))) {
      const json = path.join(site.dir, path.dirname(file), "article.json");
      if (!existsSync(json)) {
        problems.push(`${file}: no article.json`);
        continue;
      }
      const record = JSON.parse(await readFile(json, "utf8")) as { title?: unknown; url?: unknown };
      if (typeof record.title !== "string") problems.push(`${file}: article.json has no title`);
      if (record.url !== `/${path.dirname(file)}/`) problems.push(`${file}: article.json url is ${JSON.stringify(record.url)}`);
    }
    expect(problems).toEqual([]);
  });

  it("should be valid HTML on every page (html-validate, recommended rules)", async () => {
    const validator = new HtmlValidate(
      new StaticConfigLoader({
        root: true,
        extends: ["html-validate:recommended"],
        elements: ["html5"],
        rules: {
          // Style, not validity: the HTML standard makes the doctype case-insensitive, and `<!doctype html>` is
          // what the templates (and most of the web) write.
          "doctype-style": "off",
          // Search-engine advice, not validity: article titles are the newsroom's headlines, which the archive
          // prints as written rather than cutting them at 70 characters.
          "long-title": "off",
        },
      }),
    );
    const problems: string[] = [];
    const pages = files.filter((file) => file.endsWith(".html"));
    expect(pages.length).toBeGreaterThan(300);
    for (const file of pages) {
      const report = await validator.validateString(await readFile(path.join(site.dir, file), "utf8"), file);
      for (const result of report.results) {
        for (const message of result.messages) {
          problems.push(`${file}:${message.line}:${message.column}  ${message.message}  ${message.ruleId}`);
        }
      }
    }
    const byRule = new Map<string, number>();
    for (const problem of problems) byRule.set(problem.split("  ").at(-1) ?? "", (byRule.get(problem.split("  ").at(-1) ?? "") ?? 0) + 1);
    expect(problems.slice(0, 50), `${problems.length} problems: ${[...byRule].map(([rule, n]) => `${rule} ×${n}`).join(", ")}`).toEqual([]);
  }, 600_000);

  it("should declare lang, a title and a viewport on every page, and canonical and Open Graph tags on articles", async () => {
    const problems: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const head = headOf(await readFile(path.join(site.dir, file), "utf8"));
      if (head.lang === null || !/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/u.test(head.lang)) problems.push(`${file}: lang on <html> is ${JSON.stringify(head.lang)}`);
      if (head.title === "") problems.push(`${file}: no non-empty <title>`);
      if (!head.meta.get("viewport")?.includes("width=device-width")) problems.push(`${file}: no responsive viewport meta`);
      if (!ARTICLE_PAGE.test(file)) continue;
      const canonical = head.links.get("canonical");
      if (canonical === undefined) problems.push(`${file}: no canonical link`);
      else if (fileOfUrl(canonical) !== path.join(site.dir, file)) problems.push(`${file}: canonical ${canonical} is not this page`);
      for (const property of ["og:title", "og:url", "og:type"]) {
        if (!head.meta.get(property)) problems.push(`${file}: no ${property}`);
      }
    }
    expect(problems.slice(0, 50), `${problems.length} problems`).toEqual([]);
  });

  it("should have no broken internal link, asset or fragment", async () => {
    const problems = await findBrokenReferences(site.dir, "/", config.baseUrl);
    expect(problems.slice(0, 50), `${problems.length} broken references`).toEqual([]);
  }, 300_000);

  it("should serve an Atom feed at /feed.xml with the latest articles, newest first", async () => {
    const atom = checkAtom(await readFile(path.join(site.dir, "feed.xml"), "utf8"), "feed.xml");
    expect(atom.problems).toEqual([]);
    expect(atom.entryLinks.length).toBeGreaterThan(0);
    expect(atom.entryLinks.length).toBeLessThanOrEqual(config.feedSize);
    expect(atom.updated).toEqual([...atom.updated].sort().reverse());
    expect(atom.entryLinks.filter((link) => fileOfUrl(link) === null)).toEqual([]);
  });

  it("should give every topic page its own valid Atom feed", async () => {
    const topicPages = files.filter((file) => /^topics\/[^/]+\/index\.html$/u.test(file));
    expect(topicPages.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const page of topicPages) {
      const feedFile = page.replace(/index\.html$/u, "feed.xml");
      if (!files.includes(feedFile)) {
        problems.push(`${page}: no ${feedFile}`);
        continue;
      }
      const atom = checkAtom(await readFile(path.join(site.dir, feedFile), "utf8"), feedFile);
      problems.push(...atom.problems);
      if (atom.entryLinks.length === 0) problems.push(`${feedFile}: no entries`);
      problems.push(...atom.entryLinks.filter((link) => fileOfUrl(link) === null).map((link) => `${feedFile}: entry link ${link} has no page`));
    }
    expect(problems.slice(0, 50), `${problems.length} problems`).toEqual([]);
  });

  it("should serve a JSON Feed 1.1 at /feed.json with its required fields", async () => {
    const feed = checkJsonFeed(await readFile(path.join(site.dir, "feed.json"), "utf8"), "feed.json");
    expect(feed.problems).toEqual([]);
    expect(feed.itemUrls.length).toBeGreaterThan(0);
    expect(feed.itemUrls.length).toBeLessThanOrEqual(config.feedSize);
    expect(feed.itemUrls.filter((url) => fileOfUrl(url) === null)).toEqual([]);
  });

  it("should list every page, and only existing pages, in /sitemap.xml", async () => {
    const sitemap = checkSitemap(await readFile(path.join(site.dir, "sitemap.xml"), "utf8"), "sitemap.xml");
    expect(sitemap.problems).toEqual([]);
    expect(sitemap.locations.filter((loc) => fileOfUrl(loc) === null)).toEqual([]);
    const listed = new Set(sitemap.locations.map((loc) => fileOfUrl(loc)));
    const pages = files.filter((file) => file.endsWith("index.html"));
    expect(pages.filter((file) => !listed.has(path.join(site.dir, file)))).toEqual([]);
  });

  it("should carry parseable schema.org NewsArticle JSON-LD on every article page", async () => {
    const problems: string[] = [];
    const articles = files.filter((file) => ARTICLE_PAGE.test(file));
    expect(articles.length).toBeGreaterThan(250);
    for (const file of articles) {
      const [, year, month, day] = ARTICLE_PAGE.exec(file) ?? [];
      const blocks = jsonLdOf(await readFile(path.join(site.dir, file), "utf8"), file) as Record<string, unknown>[];
      const article = blocks.find((block) => block["@type"] === "NewsArticle");
      if (article === undefined) {
        problems.push(`${file}: no NewsArticle JSON-LD`);
        continue;
      }
      if (!String(article["@context"]).includes("schema.org")) problems.push(`${file}: @context is not schema.org`);
      if (typeof article["headline"] !== "string" || article["headline"] === "") problems.push(`${file}: no headline`);
      if (!String(article["datePublished"]).startsWith(`${year}-${month}-${day}`)) problems.push(`${file}: datePublished ${String(article["datePublished"])} is not the URL's date`);
      if (typeof article["url"] === "string" && fileOfUrl(article["url"]) !== path.join(site.dir, file)) problems.push(`${file}: url ${article["url"]} is not this page (${urlOfFile(file, "/")})`);
    }
    expect(problems.slice(0, 50), `${problems.length} problems`).toEqual([]);
  });
});
