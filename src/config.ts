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
  /** A topic gets its own page only with at least this many articles. */
  topicPageMinArticles: 3,
  /** Longest slug, in characters. */
  maxSlugLength: 80,
} as const;

export type Config = typeof config;
