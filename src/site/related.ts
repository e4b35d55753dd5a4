/** Related articles: those sharing the most topics with an article, the most recent first. */
import type { PublishedArticle } from "../archive/index.ts";

/** How many articles of each topic are looked at: bounds the work on topics with thousands of articles. */
const SCAN_PER_TOPIC = 200;

/**
 * Finds the related articles of one article.
 * @param article the article
 * @param byTopic articles of each topic slug, newest first
 * @param order position of each article in the archive's newest-first order (the tie-break)
 * @param limit how many to return (default 5)
 */
export function relatedArticles(
  article: PublishedArticle,
  byTopic: ReadonlyMap<string, readonly PublishedArticle[]>,
  order: ReadonlyMap<PublishedArticle, number>,
  limit = 5,
): PublishedArticle[] {
  const shared = new Map<PublishedArticle, number>();
  for (const topic of article.topics) {
    const list = byTopic.get(topic.slug) ?? [];
    const end = Math.min(list.length, SCAN_PER_TOPIC);
    for (let i = 0; i < end; i += 1) {
      const other = list[i] as PublishedArticle;
      if (other !== article) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
  }
  return [...shared]
    .sort((a, b) => b[1] - a[1] || (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0))
    .slice(0, limit)
    .map(([other]) => other);
}
