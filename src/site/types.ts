/** The shapes templates receive: everything is computed in src/site, templates only loop and print. */
import type { PublishedArticle } from "../archive/index.ts";
import type { SearchShard } from "./search-shards.ts";
import type { TopicKind } from "../parse/schema.ts";
import type { MonthCalendar } from "./calendar.ts";
import type { Urls } from "./url.ts";

/** The facts of one build (from src/config.ts, with the build's prefix and base URL). */
export interface SiteOptions {
  readonly siteTitle: string;
  readonly siteDescription: string;
  readonly baseUrl: string;
  readonly pathPrefix: string;
  readonly defaultLang: string;
  readonly pageSize: number;
  readonly feedSize: number;
  readonly topicPageMinArticles: number;
}

/** An article as a listing shows it. `href` already carries the path prefix. */
export interface ArticleSummary {
  readonly title: string;
  readonly href: string;
  readonly path: string;
  readonly date: string;
  readonly dateLabel: string;
  readonly summary: string | null;
  /** Set only when the article's language differs from the site's. */
  readonly lang: string | null;
}

/** A link to another page, ready to print. */
export interface Link {
  readonly label: string;
  readonly href: string;
}

/** A topic as an article or the topics index shows it: linked only when it has a page. */
export interface TopicLink {
  readonly name: string;
  readonly kind: TopicKind;
  readonly href: string | null;
  readonly count: number;
}

/** Everything an article page prints. */
export interface ArticlePage {
  readonly path: string;
  readonly jsonPath: string;
  readonly canonical: string;
  readonly article: PublishedArticle;
  readonly title: string;
  readonly dateLabel: string;
  readonly lang: string;
  readonly description: string;
  readonly topics: readonly TopicLink[];
  readonly related: readonly ArticleSummary[];
  /** The previous (older) and next (newer) article by date. */
  readonly previous: ArticleSummary | null;
  readonly next: ArticleSummary | null;
  readonly day: Link;
  readonly month: Link;
  readonly year: Link;
  readonly onThisDay: Link;
  readonly jsonHref: string;
  /** The NewsArticle JSON-LD, already escaped for a `<script>` element. */
  readonly jsonLd: string;
}

/** The kinds of listing page. */
export type ListingKind = "home" | "year" | "month" | "day" | "on-this-day" | "topic";

/** One page of a paginated listing (home, date archives, on this day, topic). */
export interface ListingPage {
  readonly kind: ListingKind;
  readonly path: string;
  readonly canonical: string;
  /** The `<title>` and `<h1>`. */
  readonly title: string;
  readonly heading: string;
  readonly description: string | null;
  readonly items: readonly ArticleSummary[];
  readonly pageNumber: number;
  readonly pageCount: number;
  /** Links to the newer and older page of the same listing. */
  readonly newerPage: Link | null;
  readonly olderPage: Link | null;
  /** Links to the previous and next period (or nothing) that has articles. */
  readonly previousPeriod: Link | null;
  readonly nextPeriod: Link | null;
  /** Up the hierarchy: a day's month and year, a month's year. */
  readonly parents: readonly Link[];
  /** Months of a year page, days of nothing else. */
  readonly children: readonly (Link & { readonly count: number })[];
  readonly calendar: MonthCalendar | null;
  readonly onThisDay: Link | null;
  readonly feed: Link | null;
  /** Total articles in the listing (all pages). */
  readonly total: number;
}

/** `/archive/`: every year and its months with counts. */
export interface ArchiveIndex {
  readonly path: string;
  readonly canonical: string;
  readonly years: readonly (Link & { readonly year: string; readonly count: number; readonly months: readonly (Link & { readonly count: number })[] })[];
}

/** `/topics/`: topics grouped by kind. */
export interface TopicsIndex {
  readonly path: string;
  readonly canonical: string;
  readonly groups: readonly { readonly kind: TopicKind; readonly label: string; readonly topics: readonly TopicLink[] }[];
}

/** A generated text file (feed, sitemap, robots.txt). */
export interface TextFile {
  readonly path: string;
  readonly body: string;
}

/** A page without data of its own (search, 404). */
export interface SimplePage {
  readonly path: string;
  readonly canonical: string;
}

/** `/search/`: the Pagefind bundles it loads, newest first (the first is the primary one). */
export interface SearchPage extends SimplePage {
  readonly shards: readonly SearchShard[];
  /** Bundle folders as links (path prefix applied), in the order of `shards`. */
  readonly bundles: readonly string[];
}

/** The global data Eleventy receives as `site`. */
export interface SiteData {
  readonly options: SiteOptions;
  readonly urls: Urls;
  readonly lang: string;
  readonly feedHref: string;
  readonly jsonFeedHref: string;
  readonly articlePages: readonly ArticlePage[];
  readonly listingPages: readonly ListingPage[];
  readonly archiveIndex: ArchiveIndex;
  readonly topicsIndex: TopicsIndex;
  readonly search: SearchPage;
  readonly notFound: SimplePage;
  readonly textFiles: readonly TextFile[];
  /** Whether this data renders the one-off pages (archive, topics, search, 404); false in all but one render batch. */
  readonly renderSingles: boolean;
}
