/** Listing pages: home, date archives (year, month with calendar, day), on this day, and topics. */
import type { Archive, PublishedArticle } from "../archive/index.ts";
import type { ArchiveTopic } from "../topics/index.ts";
import { monthCalendar } from "./calendar.ts";
import { humanDate, monthName, splitDate } from "./dates.ts";
import { paginate } from "./paginate.ts";
import type { ArchiveIndex, ArticleSummary, Link, ListingKind, ListingPage, SiteOptions, TopicLink, TopicsIndex } from "./types.ts";
import type { Urls } from "./url.ts";

/** What every listing of one build shares. */
export interface ListingContext {
  readonly archive: Archive;
  readonly summaries: ReadonlyMap<PublishedArticle, ArticleSummary>;
  readonly urls: Urls;
  readonly options: SiteOptions;
}

/** Extra fields of one listing beyond its items. */
type ListingExtras = Partial<Pick<ListingPage, "description" | "previousPeriod" | "nextPeriod" | "parents" | "children" | "calendar" | "onThisDay" | "feed">>;

/**
 * Paginates one listing into pages.
 * @param context the build's shared data
 * @param kind the page kind
 * @param base site path of page 1
 * @param heading the `<h1>` (page numbers are added to the title of later pages)
 * @param articles the listing's articles, newest first
 * @param extras fields shown on every page of the listing
 */
export function listing(context: ListingContext, kind: ListingKind, base: string, heading: string, articles: readonly PublishedArticle[], extras: ListingExtras = {}): ListingPage[] {
  const { summaries, urls, options } = context;
  const items = articles.map((article) => summaries.get(article) as ArticleSummary);
  return paginate(items, options.pageSize, base).map((slice) => ({
    kind,
    path: slice.path,
    canonical: urls.absolute(slice.path),
    title: slice.pageNumber === 1 ? heading : `${heading}, page ${slice.pageNumber}`,
    heading,
    description: extras.description ?? null,
    items: slice.items,
    pageNumber: slice.pageNumber,
    pageCount: slice.pageCount,
    newerPage: slice.newerPath === null ? null : { label: "Newer articles", href: urls.href(slice.newerPath) },
    olderPage: slice.olderPath === null ? null : { label: "Older articles", href: urls.href(slice.olderPath) },
    previousPeriod: extras.previousPeriod ?? null,
    nextPeriod: extras.nextPeriod ?? null,
    parents: extras.parents ?? [],
    children: extras.children ?? [],
    calendar: extras.calendar ?? null,
    onThisDay: extras.onThisDay ?? null,
    feed: extras.feed ?? null,
    total: items.length,
  }));
}

/** The home page and its later pages: every article, newest first. */
export function homePages(context: ListingContext): ListingPage[] {
  return listing(context, "home", "/", context.options.siteTitle, context.archive.articles, { description: context.options.siteDescription });
}

/** Year, month and day pages, each linking to the previous and next period that has articles. */
export function datePages(context: ListingContext): ListingPage[] {
  const { archive, urls } = context;
  const keys = [...archive.byDate.keys()];
  const years = keys.filter((k) => k.length === 4).sort();
  const months = keys.filter((k) => k.length === 7).sort();
  const days = keys.filter((k) => k.length === 10).sort();
  const pathOf = (key: string): string => `/${key.replaceAll("-", "/")}/`;
  const link = (key: string | undefined): Link | null => (key === undefined ? null : { label: labelOf(key), href: urls.href(pathOf(key)) });
  const children = (prefix: string, list: readonly string[]): (Link & { count: number })[] =>
    list.filter((k) => k.startsWith(prefix)).map((k) => ({ label: monthName(Number(k.slice(5))), href: urls.href(pathOf(k)), count: archive.byDate.get(k)?.length ?? 0 }));
  const articlesOf = (key: string): readonly PublishedArticle[] => archive.byDate.get(key) ?? [];
  const pages: ListingPage[] = [];
  years.forEach((year, i) => {
    pages.push(...listing(context, "year", pathOf(year), year, articlesOf(year), {
      previousPeriod: link(years[i - 1]), nextPeriod: link(years[i + 1]), children: children(`${year}-`, months),
    }));
  });
  // The days of each month, in order: one pass instead of a search of every day for each month.
  const daysOf = new Map<string, string[]>();
  for (const day of days) {
    const list = daysOf.get(day.slice(0, 7));
    if (list === undefined) daysOf.set(day.slice(0, 7), [day]);
    else list.push(day);
  }
  months.forEach((month, i) => {
    const [y, m] = splitDate(`${month}-01`);
    const dayLinks = new Map<number, { href: string; count: number }>();
    for (const day of daysOf.get(month) ?? []) {
      dayLinks.set(Number(day.slice(8)), { href: urls.href(pathOf(day)), count: articlesOf(day).length });
    }
    pages.push(...listing(context, "month", pathOf(month), labelOf(month), articlesOf(month), {
      previousPeriod: link(months[i - 1]), nextPeriod: link(months[i + 1]), parents: [link(month.slice(0, 4)) as Link],
      calendar: monthCalendar(y, m, dayLinks),
    }));
  });
  days.forEach((day, i) => {
    pages.push(...listing(context, "day", pathOf(day), labelOf(day), articlesOf(day), {
      previousPeriod: link(days[i - 1]), nextPeriod: link(days[i + 1]),
      parents: [link(day.slice(0, 7)) as Link, link(day.slice(0, 4)) as Link],
      onThisDay: { label: `On this day, ${onThisDayLabel(day.slice(5))}, in every year`, href: urls.href(`/on-this-day/${day.slice(5)}/`) },
    }));
  });
  return pages;
}

/** `/on-this-day/MM-DD/`: articles of the same day and month in every year. */
export function onThisDayPages(context: ListingContext): ListingPage[] {
  const byDay = new Map<string, PublishedArticle[]>();
  for (const article of context.archive.articles) {
    const key = article.date.slice(5);
    const list = byDay.get(key);
    if (list) list.push(article);
    else byDay.set(key, [article]);
  }
  const keys = [...byDay.keys()].sort();
  const link = (key: string | undefined): Link | null => (key === undefined ? null : { label: onThisDayLabel(key), href: context.urls.href(`/on-this-day/${key}/`) });
  return keys.flatMap((key, i) => listing(context, "on-this-day", `/on-this-day/${key}/`, `On this day: ${onThisDayLabel(key)}`, byDay.get(key) ?? [], {
    previousPeriod: link(keys[i - 1]), nextPeriod: link(keys[i + 1]),
  }));
}

/**
 * Pages of the topics with enough articles, each with its feed.
 * @param context the build's shared data
 * @param topicPaths site path of each topic that gets a page
 */
export function topicPages(context: ListingContext, topicPaths: ReadonlyMap<string, string>): ListingPage[] {
  const { archive, urls } = context;
  return archive.topics.flatMap((topic) => {
    const path = topicPaths.get(topic.slug);
    if (path === undefined) return [];
    return listing(context, "topic", path, topic.name, archive.byTopic.get(topic.slug) ?? [], {
      // The count is the page's total line; without an editor's description the page says what kind of topic it is.
      description: topic.description ?? kindLabel(topic),
      parents: [{ label: "Topics", href: urls.href("/topics/") }],
      feed: { label: `Feed of ${topic.name}`, href: urls.href(`${path}feed.xml`) },
    });
  });
}

/** Site path of each topic with at least `topicPageMinArticles` published articles. */
export function topicPagePaths(archive: Archive, minArticles: number): Map<string, string> {
  const paths = new Map<string, string>();
  for (const topic of archive.topics) {
    if ((archive.byTopic.get(topic.slug)?.length ?? 0) >= minArticles) paths.set(topic.slug, `/topics/${topic.slug}/`);
  }
  return paths;
}

/** `/archive/`: every year and month with its count. */
export function archiveIndex(context: ListingContext): ArchiveIndex {
  const { archive, urls } = context;
  const keys = [...archive.byDate.keys()];
  const years = keys.filter((k) => k.length === 4).sort().reverse();
  return {
    path: "/archive/",
    canonical: urls.absolute("/archive/"),
    years: years.map((year) => ({
      year,
      label: year,
      href: urls.href(`/${year}/`),
      count: archive.byDate.get(year)?.length ?? 0,
      months: keys.filter((k) => k.length === 7 && k.startsWith(`${year}-`)).sort().map((month) => ({
        label: monthName(Number(month.slice(5))),
        href: urls.href(`/${year}/${month.slice(5)}/`),
        count: archive.byDate.get(month)?.length ?? 0,
      })),
    })),
  };
}

const KIND_LABELS: Readonly<Record<ArchiveTopic["kind"], string>> = {
  person: "People", place: "Places", organisation: "Organisations", subject: "Subjects", rubric: "Rubrics",
};

/** `/topics/`: topics grouped by kind (people, places, organisations, subjects, rubrics), most articles first. */
export function topicsIndex(context: ListingContext, topicPaths: ReadonlyMap<string, string>): TopicsIndex {
  const { archive, urls } = context;
  const groups = (Object.keys(KIND_LABELS) as ArchiveTopic["kind"][]).map((kind) => ({
    kind,
    label: KIND_LABELS[kind],
    topics: archive.topics
      .filter((topic) => topic.kind === kind && (archive.byTopic.get(topic.slug)?.length ?? 0) > 0)
      .map((topic): TopicLink => {
        const path = topicPaths.get(topic.slug);
        return { name: topic.name, kind, href: path === undefined ? null : urls.href(path), count: archive.byTopic.get(topic.slug)?.length ?? 0 };
      })
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  }));
  return { path: "/topics/", canonical: urls.absolute("/topics/"), groups: groups.filter((group) => group.topics.length > 0) };
}

function kindLabel(topic: ArchiveTopic): string {
  return ({ person: "Person", place: "Place", organisation: "Organisation", subject: "Subject", rubric: "Rubric" } as const)[topic.kind];
}

/** `2019`, `March 2019`, `7 March 2019`. */
function labelOf(key: string): string {
  if (key.length === 4) return key;
  if (key.length === 7) return `${monthName(Number(key.slice(5)))} ${key.slice(0, 4)}`;
  return humanDate(key);
}

/** `03-07` as `7 March`. */
function onThisDayLabel(monthDay: string): string {
  return `${Number(monthDay.slice(3))} ${monthName(Number(monthDay.slice(0, 2)))}`;
}
