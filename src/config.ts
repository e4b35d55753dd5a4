/**
 * The one source for the site's facts: templates, feeds, the sitemap and the topic layer all read these.
 * Environment variables override what a deployment must set (base URL, path prefix).
 */
export const config = {
  siteTitle: "News Archive",
  siteDescription: "A browsable archive of news articles.",
  /** Absolute origin the site is published at, used in feeds, the sitemap and canonical links. */
  baseUrl: process.env["NEWS_ARCHIVE_BASE_URL"] ?? "https://example.org",
  /** Sub-path the site is served under (`/pr-42/`); `/` at the root. */
  pathPrefix: process.env["NEWS_ARCHIVE_PATH_PREFIX"] ?? "/",
  defaultLang: "en",
  /** Articles per listing page (home, topic, date archives). */
  pageSize: 20,
  /** Entries in each feed. */
  feedSize: 50,
  /** A topic gets its own page only with at least this many articles (the floor; see `topicPageMinArticlesFor`). */
  topicPageMinArticles: 3,
  /**
   * Most articles in one search-index bundle. Pagefind holds a whole bundle in memory while indexing (about
   * 0.25 MB per article), so the index is built in bundles of a year (runs of months, for years larger than this),
   * each by its own process, and merged in the browser. Small enough that two bundles fit in `searchIndexMemoryMb`
   * together (a test checks), so that two Pagefind processes index at once: one process uses about 1.3 of the two
   * cores, and a year of 2,500 articles, which filled the memory alone, took 16 % longer than its two halves at once.
   */
  searchShardMaxArticles: 1400,
  /**
   * Memory the Pagefind processes of a build may hold together, in MB: a second bundle is indexed alongside the first
   * only while both fit (see `src/site/search-index.ts` for the estimate per article).
   */
  searchIndexMemoryMb: 800,
  /**
   * Articles a topic needs for its own page in an archive of `articleCount` articles: 3 up to 22,500 articles, then
   * growing with the square root (5 at 50,000, 11 at 300,000), so a large archive does not get thousands of
   * one-story pages while a small one still gets its topics. `floor` defaults to `topicPageMinArticles`.
   */
  topicPageMinArticlesFor: (articleCount: number, floor = 3): number => Math.max(floor, Math.ceil(Math.sqrt(Math.max(0, articleCount)) / 50)),
  /** Longest slug, in characters. */
  maxSlugLength: 80,
} as const;

export type Config = typeof config;
