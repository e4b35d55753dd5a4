/**
 * The built demo site in Debian's Chromium: a reader's path from the home page to a topic, an article, its day
 * and month pages (with JavaScript off: only search needs it), a Pagefind search that opens its result, axe-core on
 * each page kind in light and dark themes, and screenshots at 375 px and 1280 px in tests/screenshots/.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoSite, projectRoot, type TempBuild } from "./helpers/build.ts";
import { launchChromium, runAxe } from "./helpers/browser.ts";
import { serveStatic, type StaticServer } from "./helpers/server.ts";

const SCREENSHOTS = path.join(projectRoot, "tests", "screenshots");
const WIDTHS = [375, 1280] as const;
const SCHEMES = ["light", "dark"] as const;
const ARTICLE = /^\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\/$/u;

type Kind = "home" | "topic" | "article" | "day" | "month" | "search";

let site: TempBuild;
let server: StaticServer;
let browser: Browser;
/** Requests that tried to leave 127.0.0.1 (fonts, scripts or trackers from outside): there must be none. */
const outsideRequests: string[] = [];
/** The URL of each page kind, found by following links as a reader would. */
const visited = new Map<Kind, string>();
let searchWord = "";

beforeAll(async () => {
  browser = await launchChromium();
  site = await buildDemoSite("/");
  server = await serveStatic(site.dir, "/");
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.remove();
});

async function newContext(options: { javaScript: boolean; width: number; scheme: "light" | "dark" }): Promise<BrowserContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript,
    viewport: { width: options.width, height: 900 },
    colorScheme: options.scheme,
    reducedMotion: "reduce",
  });
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin + "/")) {
      await route.continue();
    } else {
      outsideRequests.push(url);
      await route.abort();
    }
  });
  return context;
}

/** Site-relative path of a URL served by the test server (`/2021/06/03/x/`). */
function sitePath(url: string): string {
  return new URL(url).pathname;
}

/** Every link of the page: its attribute as written and the absolute URL it resolves to. */
async function links(page: Page): Promise<{ raw: string; url: string }[]> {
  return page.evaluate(
    `[...document.querySelectorAll("a[href]")].map((a) => ({ raw: a.getAttribute("href"), url: a.href }))`,
  ) as Promise<{ raw: string; url: string }[]>;
}

/** Clicks the first link whose path matches `test`, waits for the new page, and returns its URL. */
async function follow(page: Page, what: string, test: (pathname: string) => boolean): Promise<string> {
  const found = (await links(page)).find((link) => link.url.startsWith(server.origin) && test(sitePath(link.url)));
  if (found === undefined) throw new Error(`${sitePath(page.url())} has no link to ${what}`);
  await page.locator(`a[href="${found.raw.replace(/"/gu, '\\"')}"]`).first().click();
  await page.waitForURL(found.url);
  expect(await page.locator("h1").count(), `${sitePath(found.url)} should have an h1`).toBeGreaterThan(0);
  return found.url;
}

/** Types a query into the search page and waits for a result that is an article; returns the results' URLs. */
async function search(page: Page, word: string): Promise<string[]> {
  const input = page.locator('input[type="search"], input.pagefind-ui__search-input, main input[type="text"]').first();
  await input.fill(word);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const results = (await links(page)).map((link) => link.url).filter((url) => ARTICLE.test(sitePath(url)));
    if (results.length > 0) return results;
    await page.waitForTimeout(200);
  }
  throw new Error(`searching /search/ for "${word}" showed no article link within 20 s`);
}

describe("the demo site in Chromium", () => {
  it("should lead a reader without JavaScript from home to a topic, an article, its day and month pages", async () => {
    const context = await newContext({ javaScript: false, width: 1280, scheme: "light" });
    const page = await context.newPage();
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    visited.set("home", page.url());

    let topicUrl: string;
    try {
      topicUrl = await follow(page, "a topic page", (p) => /^\/topics\/[^/]+\/$/u.test(p));
    } catch {
      // Home may list articles without their topics: the topics index is then the way in.
      await follow(page, "the topics index", (p) => p === "/topics/");
      topicUrl = await follow(page, "a topic page", (p) => /^\/topics\/[^/]+\/$/u.test(p));
    }
    visited.set("topic", topicUrl);

    const articleUrl = await follow(page, "an article", (p) => ARTICLE.test(p));
    visited.set("article", articleUrl);
    const [, year, month, day] = ARTICLE.exec(sitePath(articleUrl)) ?? [];
    const headline = (await page.locator("h1").first().textContent()) ?? "";
    searchWord = [...headline.matchAll(/\p{L}{5,}/gu)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0] ?? "";

    visited.set("day", await follow(page, `its day page /${year}/${month}/${day}/`, (p) => p === `/${year}/${month}/${day}/`));
    visited.set("month", await follow(page, `its month page /${year}/${month}/`, (p) => p === `/${year}/${month}/`));
    await context.close();
  }, 120_000);

  it("should find the article by a word of its headline on /search/ and open the result", async () => {
    expect(searchWord, "a word of five letters or more from the article's headline").not.toBe("");
    const context = await newContext({ javaScript: true, width: 1280, scheme: "light" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}search/`);
    visited.set("search", page.url());
    const results = await search(page, searchWord);
    const article = visited.get("article") ?? "";
    expect(results, `results for "${searchWord}"`).toContain(article);
    const raw = (await links(page)).find((link) => link.url === article)?.raw ?? "";
    await page.locator(`a[href="${raw}"]`).first().click();
    await page.waitForURL(article);
    expect(await page.locator("h1").first().textContent()).toMatch(searchWord);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("should have no axe-core violation on any page kind, light or dark, and write screenshots at 375 and 1280 px", async () => {
    expect([...visited.keys()].sort()).toEqual(["article", "day", "home", "month", "search", "topic"]);
    await mkdir(SCREENSHOTS, { recursive: true });
    const problems: string[] = [];
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        const context = await newContext({ javaScript: true, width, scheme });
        const page = await context.newPage();
        for (const [kind, url] of visited) {
          await page.goto(url);
          if (kind === "search") await search(page, searchWord);
          for (const v of await runAxe(page)) {
            problems.push(`${kind} ${width}px ${scheme}: ${v.id} (${v.impact ?? "?"}) ${v.help} at ${v.targets.join(", ")}`);
          }
          const overflow = (await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")) as number;
          if (overflow > 0) problems.push(`${kind} ${width}px ${scheme}: scrolls sideways by ${overflow}px`);
          await page.screenshot({ path: path.join(SCREENSHOTS, `${kind}-${width}-${scheme}.png`), fullPage: true });
        }
        await context.close();
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it("should load nothing from outside the site", () => {
    expect(outsideRequests).toEqual([]);
  });
});
