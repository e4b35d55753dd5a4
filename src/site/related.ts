/** Related articles: those sharing the most topics with an article, the most recent first. */
import type { PublishedArticle } from "../archive/index.ts";

/** How many articles of each topic are looked at: bounds the work on topics with thousands of articles. */
const SCAN_PER_TOPIC = 200;

/**
 * Prepares the related-articles lookup of an archive: linear in the articles and their topics, no sorting per article.
 * @param articles the archive's articles, newest first (an article's position is its recency rank)
 * @param byTopic articles of each topic slug, newest first
 * @param limit how many related articles to return (default 5)
 * @returns a function giving the related articles of the article at a position
 */
export function relatedFinder(
  articles: readonly PublishedArticle[],
  byTopic: ReadonlyMap<string, readonly PublishedArticle[]>,
  limit = 5,
): (position: number) => PublishedArticle[] {
  const position = new Map<PublishedArticle, number>();
  articles.forEach((article, i) => position.set(article, i));
  const topicLists = new Map<string, Int32Array>();
  for (const [slug, list] of byTopic) {
    topicLists.set(slug, Int32Array.from(list.slice(0, SCAN_PER_TOPIC), (article) => position.get(article) ?? -1));
  }
  const shared = new Int32Array(articles.length);
  // Articles with a count above zero, so that only they are ranked and reset; an article is counted once per topic.
  const touched = new Int32Array(articles.length);
  const best: number[] = [];
  return (self) => {
    const article = articles[self];
    if (article === undefined) return [];
    let count = 0;
    for (const topic of article.topics) {
      const list = topicLists.get(topic.slug);
      if (list === undefined) continue;
      for (let j = 0; j < list.length; j += 1) {
        const other = list[j] as number;
        if (other === self || other < 0) continue;
        if (shared[other] === 0) touched[count++] = other;
        shared[other] = (shared[other] as number) + 1;
      }
    }
    // Keep the best `limit` by shared topics, then by recency (a lower position is newer).
    best.length = 0;
    for (let j = 0; j < count; j += 1) {
      const other = touched[j] as number;
      const score = shared[other] as number;
      let at = best.length;
      while (at > 0) {
        const prev = best[at - 1] as number;
        const prevScore = shared[prev] as number;
        if (prevScore > score || (prevScore === score && prev < other)) break;
        at -= 1;
      }
      if (at < limit) {
        best.splice(at, 0, other);
        if (best.length > limit) best.pop();
      }
    }
    for (let j = 0; j < count; j += 1) shared[touched[j] as number] = 0;
    return best.map((i) => articles[i] as PublishedArticle);
  };
}
