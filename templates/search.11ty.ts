/** `/search/`: Pagefind's search box; the only page that needs JavaScript. */
import { escapeHtml as e } from "../src/site/templating.ts";
import type { SiteData } from "../src/site/index.ts";
import { layout } from "./_includes/layout.ts";

interface Data {
  readonly site: SiteData;
}

export const data = {
  // Rendered by one batch only when a large site is rendered in several Eleventy runs.
  permalink: (d: Data): string | false => (d.site.renderSingles ? "/search/" : false),
  eleventyExcludeFromCollections: true,
};

export function render({ site }: Data): string {
  const { urls } = site;
  // Every bundle carries the same UI files; the page loads them from the primary (newest) one.
  const primary = site.search.bundles[0] ?? urls.href("/pagefind/");
  const head = `<link rel="stylesheet" href="${e(`${primary}pagefind-ui.css`)}">
<script src="${e(`${primary}pagefind-ui.js`)}" defer></script>
<script src="${e(urls.href("/js/search.js"))}" defer></script>
`;
  const main = `<h1>Search</h1>
<div id="search" class="search" data-base-url="${e(urls.prefix)}" data-bundles="${e(site.search.bundles.join(" "))}">
<noscript><p>Search needs JavaScript. Without it, browse the <a href="${e(urls.href("/archive/"))}">archive by date</a> or the <a href="${e(urls.href("/topics/"))}">topics</a>.</p></noscript>
</div>`;
  return layout(site, { title: "Search", canonical: site.search.canonical, description: "Search the full text of the archive.", head, main, section: "search" });
}
