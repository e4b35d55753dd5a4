/** Assembles everything the templates need from the archive, once per build. */
import type { Archive, ArchiveDiagnostic, PublishedArticle } from "../archive/index.ts";
import { config } from "../config.ts";
import { articlePages } from "./article-pages.ts";
import { atomFeed, jsonFeed } from "./feeds.ts";
import { archiveIndex, datePages, homePages, onThisDayPages, topicPagePaths, topicPages, topicsIndex, type ListingContext } from "./listings.ts";
import { findOutputClashes, type PlannedOutput } from "./outputs.ts";
import { planSearchShards } from "./search-shards.ts";
import { sitemapFiles, type SitemapEntry } from "./sitemap.ts";
import { summarise } from "./summaries.ts";
import type { SiteData, SiteOptions, TextFile } from "./types.ts";
import { createUrls } from "./url.ts";

/** The site's data and the problems found while planning it (output clashes). */
export interface PlannedSite {
  readonly site: SiteData;
  readonly diagnostics: readonly ArchiveDiagnostic[];
}

/** The site options of src/config.ts, with overrides (a build's path prefix or base URL). */
export function siteOptions(overrides: Partial<SiteOptions> = {}): SiteOptions {
  const { siteTitle, siteDescription, baseUrl, pathPrefix, defaultLang, pageSize, feedSize, topicPageMinArticles } = config;
  return { siteTitle, siteDescription, baseUrl, pathPrefix, defaultLang, pageSize, feedSize, topicPageMinArticles, ...overrides };
}

/**
 * Computes every page of the site.
 * @param archive the validated archive
 * @param options site facts (default: src/config.ts)
 */
export function planSite(archive: Archive, options: SiteOptions = siteOptions()): PlannedSite {
  const urls = createUrls(options.pathPrefix, options.baseUrl);
  const lang = options.defaultLang;
  const summaries = summarise(archive.articles, urls, lang);
  const context: ListingContext = { archive, summaries, urls, options };
  // The bar for a topic page rises with the archive (3 at a few hundred articles, 5 at 50,000, 11 at 300,000).
  const topicPaths = topicPagePaths(archive, config.topicPageMinArticlesFor(archive.articles.length, options.topicPageMinArticles));
  const articles = articlePages(archive, summaries, topicPaths, urls, options);
  const listingPages = [...homePages(context), ...datePages(context), ...onThisDayPages(context), ...topicPages(context, topicPaths)];
  const archiveIdx = archiveIndex(context);
  const topicsIdx = topicsIndex(context, topicPaths);
  const latest = archive.articles.slice(0, options.feedSize);

  const feeds: TextFile[] = [
    { path: "/feed.xml", body: atomFeed({ title: options.siteTitle, feedPath: "/feed.xml", pagePath: "/", articles: latest, fullContent: true, defaultAuthor: options.siteTitle }, urls) },
    { path: "/feed.json", body: jsonFeed({ title: options.siteTitle, feedPath: "/feed.json", pagePath: "/", articles: latest, fullContent: true, defaultAuthor: options.siteTitle }, urls, options.siteDescription, lang) },
  ];
  // Written once per article: its summary entry is the same in the feed of each of its topics.
  const topicFeedEntries = new Map<PublishedArticle, string>();
  for (const topic of archive.topics) {
    const path = topicPaths.get(topic.slug);
    if (path === undefined) continue;
    const topicArticles = (archive.byTopic.get(topic.slug) ?? []).slice(0, options.feedSize);
    feeds.push({ path: `${path}feed.xml`, body: atomFeed({ title: `${topic.name} · ${options.siteTitle}`, feedPath: `${path}feed.xml`, pagePath: path, articles: topicArticles, fullContent: false, defaultAuthor: options.siteTitle }, urls, topicFeedEntries) });
  }

  const sitemapEntries: SitemapEntry[] = [
    ...listingPages.filter((p) => p.kind === "home").map((p) => ({ path: p.path, lastmod: null })),
    { path: "/archive/", lastmod: null },
    { path: "/topics/", lastmod: null },
    { path: "/search/", lastmod: null },
    ...listingPages.filter((p) => p.kind !== "home").map((p) => ({ path: p.path, lastmod: null })),
    ...articles.map((p) => ({ path: p.path, lastmod: p.article.updated ?? p.article.date })),
  ];
  const sitemaps = sitemapFiles(sitemapEntries, urls);
  const shards = planSearchShards(articles.map((page) => page.article.date), config.searchShardMaxArticles);
  const robots: TextFile = { path: "/robots.txt", body: `User-agent: *\nAllow: /\n\nSitemap: ${urls.absolute("/sitemap.xml")}\n` };

  const site: SiteData = {
    options,
    urls,
    lang,
    feedHref: urls.href("/feed.xml"),
    jsonFeedHref: urls.href("/feed.json"),
    articlePages: articles,
    listingPages,
    archiveIndex: archiveIdx,
    topicsIndex: topicsIdx,
    search: { path: "/search/", canonical: urls.absolute("/search/"), shards, bundles: shards.map((shard) => urls.href(`/pagefind/${shard.id}/`)) },
    notFound: { path: "/404.html", canonical: urls.absolute("/404.html") },
    textFiles: [...feeds, ...sitemaps, robots],
    renderSingles: true,
  };
  return { site, diagnostics: findOutputClashes(plannedOutputs(site)) };
}

function* plannedOutputs(site: SiteData): Generator<PlannedOutput> {
  for (const path of ["/archive/", "/topics/", "/search/", "/404.html"]) yield { path, source: `the page ${path}`, file: null };
  for (const file of site.textFiles) yield { path: file.path, source: `the file ${file.path}`, file: null };
  for (const page of site.listingPages) yield { path: page.path, source: `the ${page.kind} page "${page.title}"`, file: null };
  for (const page of site.articlePages) {
    yield { path: page.path, source: `the article ${page.article.file}`, file: page.article.file };
    yield { path: page.jsonPath, source: `the JSON of ${page.article.file}`, file: page.article.file };
  }
}
