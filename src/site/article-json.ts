/**
 * Writes each article's record as JSON beside its page (`…/<slug>/article.json`).
 *
 * Not an Eleventy template on purpose: Eleventy keeps every rendered page in memory until the build ends, and these
 * files are as large as the pages themselves; writing them here, a few at a time, keeps a 50,000-article build small.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { jsonForScript } from "./escape.ts";
import type { ArticlePage, SiteData } from "./types.ts";
import { outputFile } from "./url.ts";

const CONCURRENCY = 32;

/**
 * Writes the JSON of every article page into an output folder.
 * @param pages the article pages
 * @param outputDir the folder the site is written to
 */
export async function writeArticleJson(pages: readonly ArticlePage[], outputDir: string): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < pages.length) {
      const page = pages[next] as ArticlePage;
      next += 1;
      const file = join(outputDir, outputFile(page.jsonPath));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `${jsonForScript(page.article, 2)}\n`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pages.length) }, lane));
}

/** The site data without the parts of each record only `article.json` shows (body blocks, extra lines, diagnostics). */
export function slimSite(site: SiteData): SiteData {
  return { ...site, articlePages: site.articlePages.map((page) => ({ ...page, article: { ...page.article, body: [], extra: [], diagnostics: [] } })) };
}
