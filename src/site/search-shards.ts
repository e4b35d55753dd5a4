/** How the search index is split into Pagefind bundles: one per year, or per month for a year too large. */

/** One search bundle: which article pages it indexes and where it is written. */
export interface SearchShard {
  /** `2019` or `2019-03`; also the bundle's folder under `/pagefind/`. */
  readonly id: string;
  /** Glob of the article pages, relative to the site folder. */
  readonly glob: string;
  readonly articles: number;
}

const ARTICLE_PAGE = "[0-9][0-9]/*/index.html";

/**
 * Plans the search bundles of an archive, newest first (the newest is the primary bundle the page loads).
 * @param dates the calendar date (`YYYY-MM-DD`) of every published article
 * @param maxArticles most articles in a year's bundle before it is split by month
 */
export function planSearchShards(dates: readonly string[], maxArticles: number): SearchShard[] {
  const years = new Map<string, Map<string, number>>();
  for (const date of dates) {
    const year = date.slice(0, 4);
    const month = date.slice(5, 7);
    const months = years.get(year) ?? new Map<string, number>();
    months.set(month, (months.get(month) ?? 0) + 1);
    years.set(year, months);
  }
  const shards: SearchShard[] = [];
  for (const year of [...years.keys()].sort().reverse()) {
    const months = years.get(year) ?? new Map<string, number>();
    const total = [...months.values()].reduce((sum, n) => sum + n, 0);
    if (total <= maxArticles) {
      shards.push({ id: year, glob: `${year}/[0-9][0-9]/${ARTICLE_PAGE}`, articles: total });
      continue;
    }
    for (const month of [...months.keys()].sort().reverse()) {
      shards.push({ id: `${year}-${month}`, glob: `${year}/${month}/${ARTICLE_PAGE}`, articles: months.get(month) ?? 0 });
    }
  }
  return shards;
}
