/**
 * The checkers behind the quality and browser tests must themselves catch what they claim to: a link outside the
 * prefix, a missing file or fragment, a feed without its required elements, a server that leaks outside its root.
 */
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkAtom, checkJsonFeed, checkSitemap, jsonLdOf } from "./helpers/formats.ts";
import { serveStatic, type StaticServer } from "./helpers/server.ts";
import { findBrokenReferences, headOf, scanHtml } from "./helpers/site.ts";

const BASE = "https://example.org";
let dir: string;
let server: StaticServer;

const page = (body: string): string =>
  `<!doctype html><html lang="en"><head><title>t</title><link rel="stylesheet" href="/pr-42/site.css"></head><body>${body}</body></html>`;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "news-archive-helpers-"));
  await mkdir(path.join(dir, "a"), { recursive: true });
  await writeFile(path.join(dir, "site.css"), "body { background: url(/pr-42/missing.png); }");
  await writeFile(path.join(dir, "404.html"), page("<h1>Not found</h1>"));
  await writeFile(path.join(dir, "a", "index.html"), page('<h1 id="top">A</h1>'));
  await writeFile(
    path.join(dir, "index.html"),
    page(
      '<a href="/pr-42/a/">ok</a> <a href="a/#top">ok fragment</a> <a href="/a/">outside prefix</a> ' +
        '<a href="/pr-42/b/">missing page</a> <a href="/pr-42/a/#nowhere">missing id</a> ' +
        '<img alt="" srcset="/pr-42/x.png 1x, /pr-42/site.css 2x"> <a href="https://other.example/">external</a> ' +
        `<link rel="canonical" href="${BASE}/pr-42/a/">`,
    ),
  );
  server = await serveStatic(dir, "pr-42");
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("findBrokenReferences", () => {
  it("should report links outside the prefix, missing files and ids, and CSS url()s, and nothing else", async () => {
    const problems = await findBrokenReferences(dir, "/pr-42/", BASE);
    expect(problems).toEqual([
      "index.html -> /a/: resolves to /a/, outside the path prefix /pr-42/",
      "index.html -> /pr-42/b/: no file for /pr-42/b/",
      "index.html -> /pr-42/a/#nowhere: no element with id \"nowhere\"",
      "index.html -> /pr-42/x.png: no file for /pr-42/x.png",
      "site.css -> /pr-42/missing.png: no file for /pr-42/missing.png",
    ]);
  });

  it("should read srcset candidates and ids from HTML, and head declarations in any attribute order", () => {
    const scan = scanHtml('<img srcset="a.png 1x, b.png 2x" id="i"><a name="n"></a>');
    expect(scan.references.map((r) => r.value)).toEqual(["a.png", "b.png"]);
    expect([...scan.ids]).toEqual(["i", "n"]);
    const head = headOf('<html lang="ru"><title> T &amp; U </title><meta content="width=device-width" name="viewport">');
    expect(head).toMatchObject({ lang: "ru", title: "T & U" });
    expect(head.meta.get("viewport")).toBe("width=device-width");
  });
});

describe("serveStatic", () => {
  it("should serve index.html under the prefix, redirect the bare prefix, and answer 404 outside it", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/pr-42\/$/u);
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(home.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const bare = await fetch(`${server.origin}/pr-42`, { redirect: "manual" });
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/pr-42/");
    const outside = await fetch(`${server.origin}/a/`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).toContain("Not found");
  });

  it("should never serve a file outside its root, whatever the request's dot segments", async () => {
    // Encoded slashes survive URL normalisation, so only the server's own guard stands between them and /etc.
    for (const attempt of ["..%2F..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd", "a/..%2F..%2F..%2Fetc/passwd"]) {
      const response = await fetch(`${server.url}${attempt}`);
      expect(response.status, attempt).toBe(404);
      expect(await response.text(), attempt).not.toContain("root:");
    }
  });
});

describe("format checks", () => {
  it("should accept a minimal valid Atom feed and name each missing element of a broken one", () => {
    const good = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><id>${BASE}/</id><title>T</title>` +
      `<updated>2021-06-03T00:00:00Z</updated><link rel="self" href="${BASE}/feed.xml"/><author><name>N</name></author>` +
      `<entry><id>${BASE}/a/</id><title>A</title><updated>2021-06-03T00:00:00Z</updated><link href="${BASE}/a/"/></entry></feed>`;
    expect(checkAtom(good, "good").problems).toEqual([]);
    expect(checkAtom(good, "good").entryLinks).toEqual([`${BASE}/a/`]);
    const broken = good.replace(`<id>${BASE}/a/</id>`, "").replace("<updated>2021-06-03T00:00:00Z</updated><link href", "<updated>2021-06-03</updated><link href");
    expect(checkAtom(broken, "broken").problems).toEqual(["broken entry 1: no <id>", 'broken entry 1: <updated> "2021-06-03" is not RFC 3339']);
    expect(() => checkAtom("<feed><id>", "bad")).toThrow(/not well-formed/u);
  });

  it("should require JSON Feed 1.1's version, title and item ids and content", () => {
    const feed = { version: "https://jsonfeed.org/version/1", title: "", items: [{ id: 1, url: `${BASE}/a/` }] };
    expect(checkJsonFeed(JSON.stringify(feed), "f").problems).toEqual([
      'f: version is "https://jsonfeed.org/version/1", not https://jsonfeed.org/version/1.1',
      "f: no title",
      "f item 1: id is not a non-empty string",
      "f item 1: neither content_html nor content_text",
    ]);
  });

  it("should require the sitemap namespace and absolute locations", () => {
    const sitemap = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/a/</loc></url></urlset>';
    expect(checkSitemap(sitemap, "s").problems).toEqual(['s url 1: <loc> "/a/" is not an absolute URL']);
  });

  it("should throw naming the page when a JSON-LD block does not parse", () => {
    expect(jsonLdOf('<script type="application/ld+json">{"a":1}</script>', "p")).toEqual([{ a: 1 }]);
    expect(() => jsonLdOf('<script type="application/ld+json">{a:1}</script>', "p.html")).toThrow(/p\.html: JSON-LD block 1/u);
  });
});
