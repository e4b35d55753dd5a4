/** The Atom and JSON Feed 1.1 files. Dates come from the articles only, so builds are byte-identical. */
import type { PublishedArticle } from "../archive/index.ts";
import { escapeXml, jsonForScript } from "./escape.ts";
import { articleTitle } from "./summaries.ts";
import type { Urls } from "./url.ts";

/** What a feed is about. */
export interface FeedSpec {
  readonly title: string;
  /** Site path of the feed file and of the page it is the feed of. */
  readonly feedPath: string;
  readonly pagePath: string;
  readonly articles: readonly PublishedArticle[];
  /** Full article HTML in entries (the main feeds), or summaries only (per-topic feeds, which are many). */
  readonly fullContent: boolean;
  /** Author of entries without a byline or source (the site's title). */
  readonly defaultAuthor: string;
}

/**
 * An Atom feed (RFC 4287).
 * @param spec title, paths and entries (newest first)
 * @param urls the build's link functions
 * @param entries entries already written, by article, for feeds of the same kind sharing articles (the per-topic
 *   feeds: an article's entry is the same in the feed of each of its topics); default none
 */
export function atomFeed(spec: FeedSpec, urls: Urls, entries?: Map<PublishedArticle, string>): string {
  const updated = newestDate(spec.articles);
  const lines = [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<feed xmlns="http://www.w3.org/2005/Atom">`,
    `  <title>${escapeXml(spec.title)}</title>`,
    `  <id>${escapeXml(urls.absolute(spec.pagePath))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(urls.absolute(spec.feedPath))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(urls.absolute(spec.pagePath))}"/>`,
    `  <updated>${timestamp(updated)}</updated>`,
  ];
  for (const article of spec.articles) {
    let entry = entries?.get(article);
    if (entry === undefined) {
      entry = atomEntry(article, spec, urls);
      entries?.set(article, entry);
    }
    lines.push(entry);
  }
  lines.push(`</feed>`, ``);
  return lines.join("\n");
}

/** One Atom `<entry>`, its lines joined. */
function atomEntry(article: PublishedArticle, spec: FeedSpec, urls: Urls): string {
  const url = escapeXml(urls.absolute(article.url));
  const lines = [
    `  <entry>`,
    `    <title>${escapeXml(articleTitle(article))}</title>`,
    `    <id>${url}</id>`,
    `    <link rel="alternate" type="text/html" href="${url}"/>`,
    `    <published>${timestamp(article.date)}</published>`,
    `    <updated>${timestamp(article.updated ?? article.date)}</updated>`,
    `    <author><name>${escapeXml(article.byline ?? article.source ?? spec.defaultAuthor)}</name></author>`,
  ];
  for (const topic of article.topics) lines.push(`    <category term="${escapeXml(topic.slug)}" label="${escapeXml(topic.name)}"/>`);
  if (article.summary !== null) lines.push(`    <summary>${escapeXml(article.summary)}</summary>`);
  if (spec.fullContent) lines.push(`    <content type="html">${escapeXml(article.html)}</content>`);
  lines.push(`  </entry>`);
  return lines.join("\n");
}

/**
 * A JSON Feed 1.1 (https://jsonfeed.org/version/1.1).
 * @param spec title, paths and entries (newest first)
 * @param urls the build's link functions
 * @param description the site's description
 * @param lang the site's language
 */
export function jsonFeed(spec: FeedSpec, urls: Urls, description: string, lang: string): string {
  const feed = {
    version: "https://jsonfeed.org/version/1.1",
    title: spec.title,
    home_page_url: urls.absolute(spec.pagePath),
    feed_url: urls.absolute(spec.feedPath),
    description,
    language: lang,
    items: spec.articles.map((article) => {
      const item: Record<string, unknown> = {
        id: urls.absolute(article.url),
        url: urls.absolute(article.url),
        title: articleTitle(article),
        date_published: timestamp(article.date),
        date_modified: timestamp(article.updated ?? article.date),
      };
      if (spec.fullContent) item["content_html"] = article.html;
      else item["content_text"] = article.summary ?? articleTitle(article);
      if (article.summary !== null) item["summary"] = article.summary;
      if (article.byline !== null) item["authors"] = [{ name: article.byline }];
      if (article.topics.length > 0) item["tags"] = article.topics.map((t) => t.name);
      if (article.lang !== null) item["language"] = article.lang;
      return item;
    }),
  };
  return `${jsonForScript(feed, 2)}\n`;
}

/** The newest date (publication or update) among the entries; a fixed date for an empty feed. */
function newestDate(articles: readonly PublishedArticle[]): string {
  let newest = "1970-01-01";
  for (const article of articles) {
    const date = article.updated !== null && article.updated > article.date ? article.updated : article.date;
    if (date > newest) newest = date;
  }
  return newest;
}

/** A calendar date as an RFC 3339 timestamp at midnight UTC. */
function timestamp(date: string): string {
  return `${date}T00:00:00Z`;
}
