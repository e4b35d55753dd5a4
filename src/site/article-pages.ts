/** Article pages: everything one article page prints, with prev/next by date and related articles. */
import type { Archive, PublishedArticle } from "../archive/index.ts";
import { humanDate, monthName, splitDate } from "./dates.ts";
import { newsArticleJsonLd } from "./jsonld.ts";
import { relatedFinder } from "./related.ts";
import { articleTitle, truncate } from "./summaries.ts";
import type { ArticlePage, ArticleSummary, SiteOptions, TopicLink } from "./types.ts";
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
  return archive.articles.map((article, i) => {
    const [year, month] = splitDate(article.date);
    const yearPath = `/${article.date.slice(0, 4)}/`;
    const monthPath = `${yearPath}${article.date.slice(5, 7)}/`;
    const dayPath = `${monthPath}${article.date.slice(8, 10)}/`;
    const canonical = urls.absolute(article.url);
    const title = articleTitle(article);
    const topics: TopicLink[] = article.topics.map((topic) => {
      const path = topicPaths.get(topic.slug);
      return { name: topic.name, kind: topic.kind, href: path === undefined ? null : urls.href(path), count: archive.byTopic.get(topic.slug)?.length ?? 0 };
    });
    return {
      path: article.url,
      jsonPath: `${article.url}article.json`,
      canonical,
      article,
      title,
      dateLabel: humanDate(article.date),
      lang: article.lang ?? options.defaultLang,
      description: truncate(article.summary ?? title, 200),
      topics,
      related: related(i).map((other) => summary(other) as ArticleSummary),
      previous: summary(archive.articles[i + 1]),
      next: summary(archive.articles[i - 1]),
      day: { label: humanDate(article.date), href: urls.href(dayPath) },
      month: { label: `${monthName(month)} ${year}`, href: urls.href(monthPath) },
      year: { label: String(year), href: urls.href(yearPath) },
      onThisDay: { label: `On this day, ${humanDate(article.date).replace(/ \d+$/u, "")}`, href: urls.href(`/on-this-day/${article.date.slice(5)}/`) },
      jsonHref: urls.href(`${article.url}article.json`),
      jsonLd: newsArticleJsonLd(article, canonical, title, options.siteTitle),
    };
  });
}
