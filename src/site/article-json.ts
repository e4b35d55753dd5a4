/**
 * Writes each article's record as JSON beside its page (`…/<slug>/article.json`).
 *
 * Not an Eleventy template on purpose: Eleventy keeps every rendered page in memory until the build ends, and these
 * files are as large as the pages themselves; writing them here, a few at a time, keeps a 50,000-article build small.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { withFields } from "../archive/index.ts";
import { jsonForScript } from "./escape.ts";
import type { ArticlePage, SiteData } from "./types.ts";
import { outputFile } from "./url.ts";

/**
 * Writes the JSON of every article page into an output folder.
 * @param pages the article pages
 * @param outputDir the folder the site is written to
 */
export function writeArticleJson(pages: readonly ArticlePage[], outputDir: string): void {
  // Synchronous writes, as Eleventy's own: thousands of small files go faster in one thread than through the
  // thread pool's round trips (open, write, close each), above all on a loaded machine.
  for (const page of pages) {
    const file = join(outputDir, outputFile(page.jsonPath));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, articleJson(page));
  }
}

/** The text of an article's `article.json`: its record, indented, safe to serve (see `jsonForScript`). */
export function articleJson(page: ArticlePage): string {
  return `${jsonForScript(page.article, 2)}\n`;
}

/**
 * The site data without the parts of each record only `article.json` shows (body blocks, extra lines, diagnostics).
 * The records are copied with `withFields`: a spread would read a body the record reads only when asked for.
 */
export function slimSite(site: SiteData): SiteData {
  return { ...site, articlePages: site.articlePages.map((page) => ({ ...page, article: withFields(page.article, { body: [], extra: [], diagnostics: [] }) })) };
}
