/** `/archive/`: every year and month with its number of articles. */
import { escapeHtml as e } from "../src/site/templating.ts";
import type { SiteData } from "../src/site/index.ts";
import { layout } from "./_includes/layout.ts";

interface Data {
  readonly site: SiteData;
}

export const data = {
  // Rendered by one batch only when a large site is rendered in several Eleventy runs.
  permalink: (d: Data): string | false => (d.site.renderSingles ? "/archive/" : false),
  eleventyExcludeFromCollections: true,
};

export function render({ site }: Data): string {
  const years = site.archiveIndex.years.map((year) => `<section class="archive-year" aria-labelledby="y${e(year.year)}">
<h2 id="y${e(year.year)}"><a href="${e(year.href)}">${e(year.label)}</a> <span class="count">${year.count}</span></h2>
<ul class="period-list">${year.months.map((m) => `<li><a href="${e(m.href)}">${e(m.label)}</a> <span class="count">${m.count}</span></li>`).join("")}</ul>
</section>`);
  const main = `<h1>Archive</h1>\n${years.length === 0 ? `<p class="empty">No articles yet.</p>` : years.join("\n")}`;
  return layout(site, { title: "Archive", canonical: site.archiveIndex.canonical, description: "Every year and month of the archive.", main, section: "archive" });
}
