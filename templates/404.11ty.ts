/** `/404.html`: the page hosts serve for a missing URL. */
import { escapeHtml as e } from "../src/site/templating.ts";
import type { SiteData } from "../src/site/index.ts";
import { layout } from "./_includes/layout.ts";

interface Data {
  readonly site: SiteData;
}

export const data = {
  // Rendered by one batch only when a large site is rendered in several Eleventy runs.
  permalink: (d: Data): string | false => (d.site.renderSingles ? "/404.html" : false),
  eleventyExcludeFromCollections: true,
};

export function render({ site }: Data): string {
  const { urls } = site;
  const main = `<h1>Page not found</h1>
<p>There is no page at this address. It may have moved, or the link may be mistyped.</p>
<ul><li><a href="${e(urls.href("/"))}">Latest articles</a></li><li><a href="${e(urls.href("/archive/"))}">Archive by date</a></li><li><a href="${e(urls.href("/topics/"))}">Topics</a></li><li><a href="${e(urls.href("/search/"))}">Search</a></li></ul>`;
  return layout(site, { title: "Page not found", canonical: site.notFound.canonical, description: "Page not found.", main });
}
