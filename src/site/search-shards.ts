/**
 * How the search index is split into Pagefind bundles: one per year, or, for a year too large, runs of consecutive
 * months of about equal size (a month on its own only when it alone is too large).
 */

/** One search bundle: which article pages it indexes and where it is written. */
export interface SearchShard {
  /** `2019`, `2019-03` (one month) or `2019-01_06` (January to June); also the bundle's folder under `/pagefind/`. */
  readonly id: string;
  /** Glob of the article pages, relative to the site folder. */
  readonly glob: string;
  readonly articles: number;
}

const ARTICLE_PAGE = "[0-9][0-9]/*/index.html";

/**
 * Plans the search bundles of an archive, newest first (the newest is the primary bundle the page loads).
 * @param dates the calendar date (`YYYY-MM-DD`) of every published article
 * @param maxArticles most articles in a bundle (unless one month alone has more): a larger year is split into runs of months
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
    for (const run of monthRuns(months, total, maxArticles).reverse()) {
      const first = run[0] ?? "";
      const last = run.at(-1) ?? "";
      const id = run.length === 1 ? `${year}-${first}` : `${year}-${first}_${last}`;
      const folder = run.length === 1 ? first : `{${run.join(",")}}`;
      shards.push({ id, glob: `${year}/${folder}/${ARTICLE_PAGE}`, articles: run.reduce((sum, month) => sum + (months.get(month) ?? 0), 0) });
    }
  }
  return shards;
}

/**
 * Splits a year's months, in order, into as few runs as the limit allows, each closed once it reaches an equal share
 * of the year or the next month would take it over the limit.
 */
function monthRuns(months: ReadonlyMap<string, number>, total: number, maxArticles: number): string[][] {
  const share = total / Math.ceil(total / Math.max(1, maxArticles));
  const runs: string[][] = [];
  let run: string[] = [];
  let size = 0;
  for (const month of [...months.keys()].sort()) {
    const count = months.get(month) ?? 0;
    if (run.length > 0 && (size >= share || size + count > maxArticles)) {
      runs.push(run);
      run = [];
      size = 0;
    }
    run.push(month);
    size += count;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}
