/** `/sitemap.xml`: one urlset, or a sitemap index over several when the site has more than 50,000 pages. */
import { escapeXml } from "./escape.ts";
import type { TextFile } from "./types.ts";
import type { Urls } from "./url.ts";

/** A page listed in the sitemap. */
export interface SitemapEntry {
  readonly path: string;
  /** `YYYY-MM-DD`, for pages with a date of their own. */
  readonly lastmod: string | null;
}

/** The protocol's limit of URLs per sitemap file. */
export const SITEMAP_LIMIT = 50_000;

/**
 * The sitemap files of a site.
 * @param entries every page, in a stable order
 * @param urls the build's link functions
 * @param limit URLs per file (default the protocol's 50,000)
 */
export function sitemapFiles(entries: readonly SitemapEntry[], urls: Urls, limit = SITEMAP_LIMIT): TextFile[] {
  if (entries.length <= limit) return [{ path: "/sitemap.xml", body: urlset(entries, urls) }];
  const files: TextFile[] = [];
  for (let i = 0; i * limit < entries.length; i += 1) {
    files.push({ path: `/sitemap-${i + 1}.xml`, body: urlset(entries.slice(i * limit, (i + 1) * limit), urls) });
  }
  const index = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    ...files.map((file) => `  <sitemap><loc>${escapeXml(urls.absolute(file.path))}</loc></sitemap>`),
    `</sitemapindex>`,
    ``,
  ];
  return [{ path: "/sitemap.xml", body: index.join("\n") }, ...files];
}

function urlset(entries: readonly SitemapEntry[], urls: Urls): string {
  const lines = [`<?xml version="1.0" encoding="utf-8"?>`, `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`];
  for (const entry of entries) {
    const lastmod = entry.lastmod === null ? "" : `<lastmod>${entry.lastmod}</lastmod>`;
    lines.push(`  <url><loc>${escapeXml(urls.absolute(entry.path))}</loc>${lastmod}</url>`);
  }
  lines.push(`</urlset>`, ``);
  return lines.join("\n");
}
