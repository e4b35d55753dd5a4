/** Related articles: those sharing the most topics with an article, the most recent first. */
import type { PublishedArticle } from "../archive/index.ts";

/** How many articles of each topic are looked at: bounds the work on topics with thousands of articles. */
const SCAN_PER_TOPIC = 200;

/**
 * Prepares the related-articles lookup of an archive: linear in the articles and their topics, no sorting per article.
 * Only the candidates sharing two topics or more are ranked; the rest are taken newest first from the topics' lists.
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
  // The positions of each topic's first articles, in ascending order (newest first): the order a candidate is taken in
  // below. Which articles are looked at is fixed by the topic's own order before sorting.
  const topicLists = new Map<string, Int32Array>();
  for (const [slug, list] of byTopic) {
    const positions = Int32Array.from(list.slice(0, SCAN_PER_TOPIC), (article) => position.get(article) ?? -1).sort();
    const first = positions.findIndex((at) => at >= 0);
    topicLists.set(slug, first === -1 ? new Int32Array(0) : positions.subarray(first));
  }
  // For each article, the position it was last counted for ([2i]) and how many topics it shares with that one
  // ([2i + 1]): a count is valid only for the article asked for, so nothing is reset between articles.
  const counts = new Int32Array(2 * articles.length).fill(-1);
  const lists: Int32Array[] = [];
  const heads: number[] = [];
  const several: number[] = [];
  const best: number[] = [];
  return (self) => {
    const article = articles[self];
    if (article === undefined) return [];
    lists.length = 0;
    several.length = 0;
    for (const topic of article.topics) {
      const list = topicLists.get(topic.slug);
      if (list === undefined) continue;
      lists.push(list);
      for (let j = 0; j < list.length; j += 1) {
        const other = list[j] as number;
        if (other === self) continue;
        const at = 2 * other;
        if (counts[at] !== self) {
          counts[at] = self;
          counts[at + 1] = 1;
        } else if ((counts[at + 1] = (counts[at + 1] as number) + 1) === 2) {
          several.push(other);
        }
      }
    }
    // The best `limit` by shared topics, then by recency (a lower position is newer): first those sharing two or more.
    best.length = 0;
    for (const other of several) {
      const score = counts[2 * other + 1] as number;
      let at = best.length;
      while (at > 0) {
        const prev = best[at - 1] as number;
        const prevScore = counts[2 * prev + 1] as number;
        if (prevScore > score || (prevScore === score && prev < other)) break;
        at -= 1;
      }
      if (at < limit) {
        best.splice(at, 0, other);
        if (best.length > limit) best.pop();
      }
    }
    // Then those sharing one topic, newest first: each is in one list, and the lists are in ascending order.
    heads.length = lists.length;
    heads.fill(0);
    while (best.length < limit) {
      let next = -1;
      let from = -1;
      for (let k = 0; k < lists.length; k += 1) {
        const list = lists[k] as Int32Array;
        let at = heads[k] as number;
        while (at < list.length && (list[at] === self || (counts[2 * (list[at] as number) + 1] as number) > 1)) at += 1;
        heads[k] = at;
        if (at < list.length && (next === -1 || (list[at] as number) < next)) {
          next = list[at] as number;
          from = k;
        }
      }
      if (from === -1) break;
      best.push(next);
      heads[from] = (heads[from] as number) + 1;
    }
    return best.map((i) => articles[i] as PublishedArticle);
  };
}
