/**
 * Article pages, one per published article: `/YYYY/MM/DD/<slug>/`. The body is printed as sanitised data.
 *
 * The page's code, which `article.11ty.ts` hands to Eleventy. Eleventy imports a template anew for each of its runs (a
 * build makes several, see src/site/render-batches.ts), so code kept in the template was compiled again by V8 in every
 * run; in this module, which is imported once, it is compiled once per thread.
 */
import { escapeHtml as e } from "../../src/site/templating.ts";
import type { ArticlePage, SiteData } from "../../src/site/index.ts";
import { layout } from "./layout.ts";
import { articleList, prevNext, topicList } from "./partials.ts";

interface Data {
  readonly site: SiteData;
  readonly entry: ArticlePage;
}

/** The page's path (its permalink). */
export function articlePermalink(d: Data): string {
  return d.entry.path;
}

/** The page. */
export function articlePage({ site, entry }: Data): string {
  const a = entry.article;
  const meta = [
    `<time datetime="${e(a.date)}">${e(entry.dateLabel)}</time>${a.time === null ? "" : ` ${e(a.time)}${a.timezone === null ? "" : ` ${e(a.timezone)}`}`}`,
    a.byline === null ? "" : `<span class="byline">${e(a.byline)}</span>`,
    a.dateline === null ? "" : `<span class="dateline">${e(a.dateline)}</span>`,
  ].filter((part) => part !== "").join(" · ");
  const source = a.sourceUrl === null ? (a.source === null ? "" : e(a.source)) : `<a href="${e(a.sourceUrl)}">${e(a.source ?? a.sourceUrl)}</a>`;
  const credits = [
    a.photoCredit === null ? "" : `<p>Photo: ${e(a.photoCredit)}</p>`,
    source === "" ? "" : `<p>Source: ${source}</p>`,
    a.license === null ? "" : `<p>Licence: ${e(a.license)}</p>`,
    a.updated === null ? "" : `<p>Updated <time datetime="${e(a.updated)}">${e(a.updated)}</time></p>`,
  ].join("");
  const head = `<meta property="og:type" content="article">
<meta property="og:title" content="${e(entry.title)}">
<meta property="og:description" content="${e(entry.description)}">
<meta property="og:url" content="${e(entry.canonical)}">
<meta property="og:site_name" content="${e(site.options.siteTitle)}">
<meta property="article:published_time" content="${e(a.date)}">
${a.topics.map((t) => `<meta property="article:tag" content="${e(t.name)}">`).join("\n")}
<link rel="alternate" type="application/json" href="${e(entry.jsonHref)}">
<script type="application/ld+json">${entry.jsonLd}</script>
`;
  const main = `<article class="article" data-pagefind-body>
<header class="article-header">
${a.rubric === null ? "" : `<p class="rubric">${e(a.rubric)}</p>`}
<h1>${e(entry.title)}</h1>
<p class="meta">${meta}</p>
</header>
<div class="article-body">
${a.html}
</div>
<footer class="article-footer" data-pagefind-ignore>
${credits}
${a.topics.length === 0 ? "" : `<h2 class="label">Topics</h2>\n${topicList(entry.topics, false)}`}
</footer>
</article>
<div class="after-article">
${prevNext("Previous and next article", entry.previous && { label: entry.previous.title, href: entry.previous.href }, entry.next && { label: entry.next.title, href: entry.next.href })}
${entry.related.length === 0 ? "" : `<section aria-labelledby="related"><h2 id="related">Related articles</h2>\n${articleList(entry.related, 3)}</section>`}
<nav class="date-links" aria-label="More from this date">
<ul><li><a href="${e(entry.day.href)}">${e(entry.day.label)}</a></li><li><a href="${e(entry.month.href)}">${e(entry.month.label)}</a></li><li><a href="${e(entry.year.href)}">${e(entry.year.label)}</a></li><li><a href="${e(entry.onThisDay.href)}">${e(entry.onThisDay.label)}</a></li><li><a href="${e(entry.jsonHref)}">This article as JSON</a></li></ul>
</nav>
</div>`;
  return layout(site, { title: entry.title, canonical: entry.canonical, description: entry.description, lang: entry.lang, head, main });
}
