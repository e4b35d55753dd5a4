/**
 * The built demo site in Debian's Chromium: a reader's path from the home page to a topic, an article, its day
 * and month pages (with JavaScript off: only search needs it), a Pagefind search that opens its result, axe-core on
 * each page kind in light and dark themes, and screenshots at 375 px and 1280 px in tests/screenshots/.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoSite, projectRoot, type TempBuild } from "./helpers/build.ts";
import { follow, launchChromium, linksOf, openContext, pathBelow, runAxe, searchFor, type ContextOptions, type SiteContext } from "./helpers/browser.ts";
import { serveStatic, type StaticServer } from "./helpers/server.ts";

const SCREENSHOTS = path.join(projectRoot, "tests", "screenshots");
const WIDTHS = [375, 1280] as const;
const SCHEMES = ["light", "dark"] as const;
const ARTICLE = /^\/(\d{4})\/(\d{2})\/(\d{2})\/[^/]+\/$/u;

// Pages are static and their fonts local, so loading them should move nothing; the allowance is for sub-pixel noise.
const MAX_LAYOUT_SHIFT = 0.01;
/** Runs in the page: the layout shift accumulated since it started loading (Chromium's layout-shift entries). */
const CUMULATIVE_LAYOUT_SHIFT = `new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(total), 300);
})`;

type Kind = "home" | "topic" | "article" | "day" | "month" | "search";

let site: TempBuild;
let server: StaticServer;
let browser: Browser;
/** Every context opened, to check at the end that none loaded from outside or met a missing file. */
const contexts: SiteContext[] = [];
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

async function open(options: ContextOptions): Promise<SiteContext> {
  const opened = await openContext(browser, server, options);
  contexts.push(opened);
  return opened;
}

const isArticle = (url: string): boolean => ARTICLE.test(pathBelow(server, url) ?? "");

describe("the demo site in Chromium", () => {
  it("should lead a reader without JavaScript from home to a topic, an article, its day and month pages", async () => {
    const { context } = await open({ javaScript: false, width: 1280, scheme: "light" });
    const page = await context.newPage();
    const response = await page.goto(server.url);
    expect(response?.status()).toBe(200);
    visited.set("home", page.url());

    let topicUrl: string;
    try {
      topicUrl = await follow(page, server, "a topic page", (p) => /^\/topics\/[^/]+\/$/u.test(p));
    } catch {
      // Home may list articles without their topics: the topics index is then the way in.
      await follow(page, server, "the topics index", (p) => p === "/topics/");
      topicUrl = await follow(page, server, "a topic page", (p) => /^\/topics\/[^/]+\/$/u.test(p));
    }
    visited.set("topic", topicUrl);

    const articleUrl = await follow(page, server, "an article", (p) => ARTICLE.test(p));
    visited.set("article", articleUrl);
    const [, year, month, day] = ARTICLE.exec(pathBelow(server, articleUrl) ?? "") ?? [];
    const headline = (await page.locator("h1").first().textContent()) ?? "";
    searchWord = [...headline.matchAll(/\p{L}{5,}/gu)].map((m) => m[0]).sort((a, b) => b.length - a.length)[0] ?? "";

    visited.set("day", await follow(page, server, `its day page /${year}/${month}/${day}/`, (p) => p === `/${year}/${month}/${day}/`));
    visited.set("month", await follow(page, server, `its month page /${year}/${month}/`, (p) => p === `/${year}/${month}/`));
    await context.close();
  }, 120_000);

  it("should find the article by a word of its headline on /search/ and open the result", async () => {
    expect(searchWord, "a word of five letters or more from the article's headline").not.toBe("");
    const { context } = await open({ javaScript: true, width: 1280, scheme: "light" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${server.url}search/`);
    visited.set("search", page.url());
    const results = await searchFor(page, searchWord, isArticle);
    const article = visited.get("article") ?? "";
    expect(results, `results for "${searchWord}"`).toContain(article);
    const raw = (await linksOf(page)).find((link) => link.url === article)?.raw ?? "";
    await page.locator(`a[href="${raw}"]`).first().click();
    await page.waitForURL(article);
    expect(await page.locator("h1").first().textContent()).toMatch(searchWord);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it("should search the older years' bundles too (the index is built a year per bundle and merged)", async () => {
    const { context } = await open({ javaScript: true, width: 1280, scheme: "light" });
    const page = await context.newPage();
    await page.goto(`${server.url}search/`);
    // The demo archive's oldest article (January 2019) is not in the primary, newest bundle.
    const results = await searchFor(page, "Magnitogorsk", isArticle);
    expect(results.some((url) => (pathBelow(server, url) ?? "").startsWith("/2019/01/04/magnitogorsk-"))).toBe(true);
    await context.close();
  }, 120_000);

  it("should offer a visible skip link as the first Tab stop, and show focus on links", async () => {
    const { context } = await open({ javaScript: false, width: 375, scheme: "light" });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.keyboard.press("Tab");
    const skip = (await page.evaluate(`(() => {
      const el = document.activeElement;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const target = document.getElementById((el.getAttribute("href") || "").replace(/^#/, ""));
      return {
        tag: el.tagName, href: el.getAttribute("href"), text: el.textContent.trim(),
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight && style.visibility !== "hidden",
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== "none",
        target: target ? target.tagName : null,
      };
    })()`)) as { tag: string; href: string | null; text: string; visible: boolean; outline: boolean; target: string | null };
    expect(skip.tag).toBe("A");
    expect(skip.href).toMatch(/^#/u);
    expect(skip.text).toMatch(/skip/iu);
    expect(skip.visible, "the skip link is on screen when focused").toBe(true);
    expect(skip.outline, "the focused skip link shows a focus ring").toBe(true);
    expect(skip.target, "the skip link's target exists").not.toBeNull();
    await page.keyboard.press("Tab");
    const next = (await page.evaluate(`(() => {
      const style = getComputedStyle(document.activeElement);
      return { tag: document.activeElement.tagName, outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 || style.boxShadow !== "none" };
    })()`)) as { tag: string; outline: boolean };
    expect(next).toEqual({ tag: "A", outline: true });
    await context.close();
  }, 60_000);

  it("should change colours with prefers-color-scheme", async () => {
    const colours: string[] = [];
    for (const scheme of SCHEMES) {
      const { context } = await open({ javaScript: false, width: 1280, scheme });
      const page = await context.newPage();
      await page.goto(server.url);
      colours.push((await page.evaluate("getComputedStyle(document.body).backgroundColor + ' / ' + getComputedStyle(document.body).color")) as string);
      await context.close();
    }
    expect(colours[0]).not.toBe(colours[1]);
  }, 60_000);

  it("should have no axe-core violation nor layout shift on any page kind, light or dark, and write screenshots at 375 and 1280 px", async () => {
    expect([...visited.keys()].sort()).toEqual(["article", "day", "home", "month", "search", "topic"]);
    await mkdir(SCREENSHOTS, { recursive: true });
    const problems: string[] = [];
    for (const scheme of SCHEMES) {
      for (const width of WIDTHS) {
        const { context } = await open({ javaScript: true, width, scheme });
        const page = await context.newPage();
        for (const [kind, url] of visited) {
          await page.goto(url);
          const shift = (await page.evaluate(CUMULATIVE_LAYOUT_SHIFT)) as number;
          if (shift > MAX_LAYOUT_SHIFT) problems.push(`${kind} ${width}px ${scheme}: layout shift ${shift.toFixed(3)} while loading`);
          if (kind === "search") await searchFor(page, searchWord, isArticle);
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

  it("should fit every page kind on a 320 px phone without scrolling sideways", async () => {
    expect(visited.size).toBe(6);
    const { context } = await open({ javaScript: true, width: 320, scheme: "light" });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const [kind, url] of visited) {
      await page.goto(url);
      if (kind === "search") await searchFor(page, searchWord, isArticle);
      const overflow = (await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")) as number;
      if (overflow > 0) problems.push(`${kind}: scrolls sideways by ${overflow}px at 320 px`);
    }
    await context.close();
    expect(problems).toEqual([]);
  }, 120_000);

  it("should load nothing from outside the site and meet no missing file", () => {
    expect(contexts.length).toBeGreaterThan(0);
    expect(contexts.flatMap((c) => c.outside)).toEqual([]);
    expect(contexts.flatMap((c) => c.failed)).toEqual([]);
  });
});
