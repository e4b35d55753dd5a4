/** `/search/`: Pagefind's search box; the only page that needs JavaScript. */
import { escapeHtml as e } from "../src/site/index.ts";
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
  const head = `<link rel="stylesheet" href="${e(urls.href("/pagefind/pagefind-ui.css"))}">
<script src="${e(urls.href("/pagefind/pagefind-ui.js"))}" defer></script>
<script src="${e(urls.href("/js/search.js"))}" defer></script>
`;
  const main = `<h1>Search</h1>
<div id="search" class="search" data-base-url="${e(urls.prefix)}" data-bundle-path="${e(urls.href("/pagefind/"))}">
<noscript><p>Search needs JavaScript. Without it, browse the <a href="${e(urls.href("/archive/"))}">archive by date</a> or the <a href="${e(urls.href("/topics/"))}">topics</a>.</p></noscript>
</div>`;
  return layout(site, { title: "Search", canonical: site.search.canonical, description: "Search the full text of the archive.", head, main, section: "search" });
}
