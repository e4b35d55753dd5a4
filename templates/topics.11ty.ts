/** `/topics/`: all topics grouped by kind, with article counts. */
import { escapeHtml as e } from "../src/site/templating.ts";
import type { SiteData } from "../src/site/index.ts";
import { layout } from "./_includes/layout.ts";
import { topicList } from "./_includes/partials.ts";

interface Data {
  readonly site: SiteData;
}

export const data = {
  // Rendered by one batch only when a large site is rendered in several Eleventy runs.
  permalink: (d: Data): string | false => (d.site.renderSingles ? "/topics/" : false),
  eleventyExcludeFromCollections: true,
};

export function render({ site }: Data): string {
  const groups = site.topicsIndex.groups.map((group) => `<section aria-labelledby="kind-${e(group.kind)}">
<h2 id="kind-${e(group.kind)}">${e(group.label)}</h2>
${topicList(group.topics, true)}
</section>`);
  const main = `<h1>Topics</h1>\n${groups.length === 0 ? `<p class="empty">No topics yet.</p>` : groups.join("\n")}`;
  return layout(site, { title: "Topics", canonical: site.topicsIndex.canonical, description: "People, places, organisations and subjects of the archive.", main, section: "topics" });
}
