/** Splits a listing into pages: the first at its base path, the rest at `<base>page/N/`. */

/** One page's slice and position. */
export interface PageSlice<T> {
  readonly path: string;
  readonly items: readonly T[];
  readonly pageNumber: number;
  readonly pageCount: number;
  /** Path of the page before (newer items) and after (older items), or null at the ends. */
  readonly newerPath: string | null;
  readonly olderPath: string | null;
}

/**
 * Paginates items; an empty list still gets one (empty) page.
 * @param items the whole listing, in display order
 * @param size items per page (at least 1)
 * @param base site path of page 1, ending in `/`
 */
export function paginate<T>(items: readonly T[], size: number, base: string): PageSlice<T>[] {
  const perPage = Math.max(1, Math.floor(size));
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  const pathOf = (n: number): string => (n === 1 ? base : `${base}page/${n}/`);
  return Array.from({ length: pageCount }, (_, i) => ({
    path: pathOf(i + 1),
    items: items.slice(i * perPage, (i + 1) * perPage),
    pageNumber: i + 1,
    pageCount,
    newerPath: i === 0 ? null : pathOf(i),
    olderPath: i + 1 === pageCount ? null : pathOf(i + 2),
  }));
}
