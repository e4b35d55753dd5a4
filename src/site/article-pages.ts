/** Article pages: everything one article page prints, with prev/next by date and related articles. */
import type { Archive, PublishedArticle } from "../archive/index.ts";
import { humanDate, monthName, splitDate } from "./dates.ts";
import { newsArticleJsonLd } from "./jsonld.ts";
import { relatedFinder } from "./related.ts";
import { articleTitle, truncate } from "./summaries.ts";
import type { ArticlePage, ArticleSummary, Link, SiteOptions, TopicLink } from "./types.ts";
import type { Urls } from "./url.ts";

/**
 * Builds the page of every article, in the archive's newest-first order.
 * @param archive the indexed archive
 * @param summaries the shared summary of each article
 * @param topicPaths site path of each topic that has a page
 * @param urls the build's link functions
 * @param options site facts
 */
export function articlePages(
  archive: Archive,
  summaries: ReadonlyMap<PublishedArticle, ArticleSummary>,
  topicPaths: ReadonlyMap<string, string>,
  urls: Urls,
  options: SiteOptions,
): ArticlePage[] {
  const related = relatedFinder(archive.articles, archive.byTopic);
  const summary = (article: PublishedArticle | undefined): ArticleSummary | null => (article ? (summaries.get(article) ?? null) : null);
  // What every article of one date or one topic shows alike, made once and shared by their pages.
  const dates = new Map<string, DateLinks>();
  const topicLinks = new Map<string, TopicLink>();
  const topicLink = (topic: PublishedArticle["topics"][number]): TopicLink => {
    const shared = topicLinks.get(topic.slug);
    if (shared !== undefined && shared.name === topic.name && shared.kind === topic.kind) return shared;
    const path = topicPaths.get(topic.slug);
    const link: TopicLink = { name: topic.name, kind: topic.kind, href: path === undefined ? null : urls.href(path), count: archive.byTopic.get(topic.slug)?.length ?? 0 };
    if (shared === undefined) topicLinks.set(topic.slug, link);
    return link;
  };
  return archive.articles.map((article, i) => {
    let date = dates.get(article.date);
    if (date === undefined) {
      date = dateLinks(article.date, urls);
      dates.set(article.date, date);
    }
    const canonical = urls.absolute(article.url);
    const title = articleTitle(article);
    return {
      path: article.url,
      jsonPath: `${article.url}article.json`,
      canonical,
      article,
      title,
      dateLabel: date.label,
      lang: article.lang ?? options.defaultLang,
      description: truncate(article.summary ?? title, 200),
      topics: article.topics.map(topicLink),
      related: related(i).map((other) => summary(other) as ArticleSummary),
      previous: summary(archive.articles[i + 1]),
      next: summary(archive.articles[i - 1]),
      day: date.day,
      month: date.month,
      year: date.year,
      onThisDay: date.onThisDay,
      jsonHref: urls.href(`${article.url}article.json`),
      // Made when read (by the template, or to copy the page to a render thread): a warm build that copies the page
      // from the page cache never needs it, and the site data does not hold one per article.
      get jsonLd(): string {
        return newsArticleJsonLd(article, canonical, title, options.siteTitle);
      },
    };
  });
}

/** The date line and date links of an article page. */
interface DateLinks {
  readonly label: string;
  readonly day: Link;
  readonly month: Link;
  readonly year: Link;
  readonly onThisDay: Link;
}

function dateLinks(date: string, urls: Urls): DateLinks {
  const [year, month] = splitDate(date);
  const yearPath = `/${date.slice(0, 4)}/`;
  const monthPath = `${yearPath}${date.slice(5, 7)}/`;
  const dayPath = `${monthPath}${date.slice(8, 10)}/`;
  const label = humanDate(date);
  return {
    label,
    day: { label, href: urls.href(dayPath) },
    month: { label: `${monthName(month)} ${year}`, href: urls.href(monthPath) },
    year: { label: String(year), href: urls.href(yearPath) },
    onThisDay: { label: `On this day, ${label.replace(/ \d+$/u, "")}`, href: urls.href(`/on-this-day/${date.slice(5)}/`) },
  };
}
