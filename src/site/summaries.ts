/** The short form of an article that listings, related lists and prev/next links print. */
import type { PublishedArticle } from "../archive/index.ts";
import type { ArticleSummary } from "./types.ts";
import { humanDate } from "./dates.ts";
import type { Urls } from "./url.ts";

/**
 * Makes one summary per article, shared by every list it appears in.
 * @param articles published articles
 * @param urls the build's link functions
 * @param siteLang the site's language (an article in another language gets its own `lang`)
 */
export function summarise(articles: readonly PublishedArticle[], urls: Urls, siteLang: string): Map<PublishedArticle, ArticleSummary> {
  const out = new Map<PublishedArticle, ArticleSummary>();
  for (const article of articles) {
    out.set(article, {
      title: articleTitle(article),
      href: urls.href(article.url),
      path: article.url,
      date: article.date,
      dateLabel: humanDate(article.date),
      summary: article.summary === null ? null : truncate(article.summary, 300),
      lang: article.lang !== null && article.lang !== siteLang ? article.lang : null,
    });
  }
  return out;
}

/** An article's headline; one without any is shown by its date rather than left blank. */
export function articleTitle(article: PublishedArticle): string {
  return article.title ?? `Untitled article of ${humanDate(article.date)}`;
}

/** Cuts text at a word boundary and adds an ellipsis when longer than `max` characters. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
