/**
 * Every paginated listing: home, year, month (with its calendar), day, on this day, topic.
 *
 * The page's code, which `listing.11ty.ts` hands to Eleventy. Eleventy imports a template anew for each of its runs (a
 * build makes several, see src/site/render-batches.ts), so code kept in the template was compiled again by V8 in every
 * run; in this module, which is imported once, it is compiled once per thread.
 */
import { escapeHtml as e } from "../../src/site/templating.ts";
import type { ListingPage, SiteData } from "../../src/site/index.ts";
import { layout } from "./layout.ts";
import { articleList, calendarTable, pager, prevNext } from "./partials.ts";

interface Data {
  readonly site: SiteData;
  readonly entry: ListingPage;
}

/** The page's path (its permalink). */
export function listingPermalink(d: Data): string {
  return d.entry.path;
}

const PERIOD_LABELS: Readonly<Record<ListingPage["kind"], string>> = {
  home: "", year: "Previous and next year", month: "Previous and next month", day: "Previous and next day", "on-this-day": "Previous and next date", topic: "",
};

/** The page. */
export function listingPage({ site, entry }: Data): string {
  const crumbs = entry.parents.length === 0 ? "" : `<nav class="crumbs" aria-label="Up"><ul>${entry.parents.map((p) => `<li><a href="${e(p.href)}">${e(p.label)}</a></li>`).join("")}</ul></nav>`;
  const children = entry.children.length === 0 || entry.pageNumber > 1 ? "" : `<ul class="period-list">${entry.children.map((c) => `<li><a href="${e(c.href)}">${e(c.label)}</a> <span class="count">${c.count}</span></li>`).join("")}</ul>`;
  const head = entry.feed === null ? "" : `<link rel="alternate" type="application/atom+xml" title="${e(entry.feed.label)}" href="${e(entry.feed.href)}">\n`;
  const main = `${crumbs}
<h1>${e(entry.heading)}${entry.pageNumber > 1 ? ` <span class="page-number">page ${entry.pageNumber}</span>` : ""}</h1>
${entry.description === null ? "" : `<p class="description">${e(entry.description)}</p>`}
${entry.kind === "home" ? "" : `<p class="total">${entry.total} ${entry.total === 1 ? "article" : "articles"}${entry.feed === null ? "" : ` · <a href="${e(entry.feed.href)}">${e(entry.feed.label)}</a>`}</p>`}
${entry.calendar === null || entry.pageNumber > 1 ? "" : calendarTable(entry.calendar)}
${children}
${entry.onThisDay === null ? "" : `<p><a href="${e(entry.onThisDay.href)}">${e(entry.onThisDay.label)}</a></p>`}
${articleList(entry.items)}
${pager("Pages", entry.newerPage, entry.olderPage, entry.pageNumber, entry.pageCount)}
${prevNext(PERIOD_LABELS[entry.kind], entry.previousPeriod, entry.nextPeriod)}`;
  return layout(site, { title: entry.title, canonical: entry.canonical, description: entry.description ?? entry.heading, head, main, ...(entry.kind === "home" ? { section: "home" as const } : {}) });
}
