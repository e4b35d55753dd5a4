/**
 * The demo site as a pull-request preview, built for and served under `/pr-42/`, in Debian's Chromium: styles and
 * links stay under the prefix, and Pagefind search finds and opens an article there.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoSite, type TempBuild } from "./helpers/build.ts";
import { follow, launchChromium, openContext, pathBelow, searchFor, type SiteContext } from "./helpers/browser.ts";
import { serveStatic, type StaticServer } from "./helpers/server.ts";

const PREFIX = "/pr-42/";
const ARTICLE = /^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/$/u;

let site: TempBuild;
let server: StaticServer;
let browser: Browser;
const contexts: SiteContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  site = await buildDemoSite(PREFIX);
  server = await serveStatic(site.dir, PREFIX);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

const isArticle = (url: string): boolean => ARTICLE.test(pathBelow(server, url) ?? "");

describe("the demo site served under /pr-42/ in Chromium", () => {
  it("should style the home page and reach an article and the archive by links under the prefix", async () => {
    const opened = await openContext(browser, server, { javaScript: false, width: 1280, scheme: "light" });
    contexts.push(opened);
    const page = await opened.context.newPage();
    expect((await page.goto(server.url))?.status()).toBe(200);
    const sheets = (await page.evaluate("document.styleSheets.length")) as number;
    expect(sheets, "stylesheets applied on the home page").toBeGreaterThan(0);
    const article = await follow(page, server, "an article", (p) => ARTICLE.test(p));
    expect(new URL(article).pathname.startsWith(PREFIX)).toBe(true);
    await follow(page, server, "the archive", (p) => p === "/archive/");
    await opened.context.close();
  }, 120_000);

  it("should search with Pagefind under the prefix and open the result", async () => {
    const opened = await openContext(browser, server, { javaScript: true, width: 1280, scheme: "light" });
    contexts.push(opened);
    const page = await opened.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}search/`);
    const results = await searchFor(page, "Peskov", isArticle);
    expect(results.every((url) => new URL(url).pathname.startsWith(PREFIX))).toBe(true);
    await follow(page, server, "the first search result", (p) => p === pathBelow(server, results[0]!));
    expect(await page.locator("h1").first().textContent()).toMatch(/Peskov/u);
    expect(errors).toEqual([]);
    await opened.context.close();
  }, 120_000);

  it("should load nothing from outside the site and meet no missing file", () => {
    expect(contexts.length).toBe(2);
    expect(contexts.flatMap((c) => c.outside)).toEqual([]);
    expect(contexts.flatMap((c) => c.failed)).toEqual([]);
  });
});
