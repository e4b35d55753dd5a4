/**
 * Debian's Chromium driven by playwright-core, for browser tests: never a downloaded browser, never a silent skip.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { StaticServer } from "./server.ts";

/** Where `.ci/run` installs Chromium with apt-get. */
export const CHROMIUM = "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches the system Chromium headless. Playwright gives each launch a fresh temporary user-data-dir.
 * Throws, so the test fails, when Chromium is not installed.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}, so the browser test cannot run. ` +
        "Install Debian's package with `apt-get update && apt-get install -y chromium` (.ci/run does this).",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Injects axe-core into the page and returns its violations (WCAG 2.x A/AA and best practices). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  // A string, because the test project's TypeScript has no DOM types: this runs in the page.
  return page.evaluate(`
    axe.run(document, { resultTypes: ["violations"] }).then((results) =>
      results.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
      })),
    )
  `) as Promise<AxeViolation[]>;
}

/** A browser context on the test server, with what went wrong in it. */
export interface SiteContext {
  readonly context: BrowserContext;
  /** Requests that tried to leave the test server (fonts, scripts or trackers from outside); they are aborted. */
  readonly outside: string[];
  /** Responses with status 400 or more (a missing stylesheet, script or page). */
  readonly failed: string[];
}

/** Options of `openContext`. */
export interface ContextOptions {
  readonly javaScript: boolean;
  readonly width: number;
  readonly scheme: "light" | "dark";
}

/** A new context that may load only from `server`, recording outside requests and failed responses. */
export async function openContext(browser: Browser, server: StaticServer, options: ContextOptions): Promise<SiteContext> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript,
    viewport: { width: options.width, height: 900 },
    colorScheme: options.scheme,
    reducedMotion: "reduce",
  });
  const outside: string[] = [];
  const failed: string[] = [];
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.startsWith(server.origin + "/")) {
      await route.continue();
    } else {
      outside.push(url);
      await route.abort();
    }
  });
  context.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  return { context, outside, failed };
}

/** The path of a URL below the server's prefix, with a leading slash (`/2021/06/03/x/`), or null outside it. */
export function pathBelow(server: StaticServer, url: string): string | null {
  return url.startsWith(server.url) ? `/${url.slice(server.url.length)}` : null;
}

/** Every link of the page: its attribute as written and the absolute URL it resolves to. */
export async function linksOf(page: Page): Promise<{ raw: string; url: string }[]> {
  return page.evaluate(
    `[...document.querySelectorAll("a[href]")].map((a) => ({ raw: a.getAttribute("href"), url: a.href }))`,
  ) as Promise<{ raw: string; url: string }[]>;
}

/**
 * Clicks the first link whose path below the prefix matches `test`, waits for the new page and returns its URL.
 * Throws naming the page when there is no such link, or when the page it opens has no h1.
 */
export async function follow(page: Page, server: StaticServer, what: string, test: (path: string) => boolean): Promise<string> {
  const found = (await linksOf(page)).find((link) => {
    const below = pathBelow(server, link.url);
    return below !== null && test(below);
  });
  if (found === undefined) throw new Error(`${page.url()} has no link to ${what}`);
  await page.locator(`a[href="${found.raw.replace(/"/gu, '\\"')}"]`).first().click();
  await page.waitForURL(found.url);
  if ((await page.locator("h1").count()) === 0) throw new Error(`${found.url} (${what}) has no h1`);
  return found.url;
}

/**
 * Types a query into the search page and waits for results that are article pages; returns their URLs.
 * @param isArticle tells an article URL
 */
export async function searchFor(page: Page, word: string, isArticle: (url: string) => boolean): Promise<string[]> {
  const input = page.locator('input[type="search"], input.pagefind-ui__search-input, main input[type="text"]').first();
  await input.fill(word);
  const deadline = Date.now() + 20_000;
  // Pagefind shows results as each bundle and fragment loads: wait until the list has stopped changing.
  let previous = "";
  let stableSince = 0;
  while (Date.now() < deadline) {
    const results = (await linksOf(page)).map((link) => link.url).filter(isArticle);
    const key = results.join("\n");
    if (key !== previous) {
      previous = key;
      stableSince = Date.now();
    } else if (results.length > 0 && Date.now() - stableSince >= 1_000) {
      return results;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`searching ${page.url()} for "${word}" showed no article link within 20 s`);
}
