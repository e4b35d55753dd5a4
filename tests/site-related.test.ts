/** Related articles: the most shared topics first, then the newest, compared with a plain count-and-sort. */
import { describe, expect, it } from "vitest";
import type { PublishedArticle } from "../src/archive/index.ts";
import { relatedFinder } from "../src/site/related.ts";

/** A small deterministic random generator (a linear congruential one), so a failure can be replayed. */
function randomFrom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Articles (newest first) with random topics, some topics large enough to pass the scan's bound of 200. */
function archiveOf(count: number, seed: number): { articles: PublishedArticle[]; byTopic: Map<string, PublishedArticle[]> } {
  const random = randomFrom(seed);
  const articles = Array.from({ length: count }, (_, i) => {
    const topics = Array.from({ length: Math.floor(random() * 6) }, () => {
      // Skewed: a few topics hold most articles.
      const slug = `t${Math.floor(random() * random() * 40)}`;
      return { slug, name: slug, kind: "subject" };
    });
    return { title: `Article ${i}`, topics } as unknown as PublishedArticle;
  });
  const byTopic = new Map<string, PublishedArticle[]>();
  for (const article of articles) for (const topic of article.topics) byTopic.set(topic.slug, [...(byTopic.get(topic.slug) ?? []), article]);
  return { articles, byTopic };
}

/** Positions (recency ranks) of the articles last given to `expected`, made once per archive. */
let positions = new Map<PublishedArticle, number>();

/** The rule, plainly: count shared topics over each topic's first 200 articles, sort by count, then recency. */
function expected(articles: readonly PublishedArticle[], byTopic: ReadonlyMap<string, readonly PublishedArticle[]>, self: number, limit: number): PublishedArticle[] {
  const counts = new Map<PublishedArticle, number>();
  for (const topic of articles[self]!.topics) {
    for (const other of (byTopic.get(topic.slug) ?? []).slice(0, 200)) if (other !== articles[self]) counts.set(other, (counts.get(other) ?? 0) + 1);
  }
  const position = (article: PublishedArticle): number => positions.get(article) ?? articles.indexOf(article);
  return [...counts].sort((a, b) => b[1] - a[1] || position(a[0]) - position(b[0])).slice(0, limit).map(([article]) => article);
}

describe("relatedFinder", () => {
  it("should give every article the same related articles as a plain count and sort, for any limit", () => {
    for (const [count, seed, limit] of [[1500, 1, 5], [2500, 7, 5], [400, 3, 1], [300, 11, 12]] as const) {
      const { articles, byTopic } = archiveOf(count, seed);
      if (count >= 1500) expect(Math.max(...[...byTopic.values()].map((list) => list.length))).toBeGreaterThan(200);
      positions = new Map(articles.map((article, i) => [article, i]));
      const related = relatedFinder(articles, byTopic, limit);
      for (let i = 0; i < articles.length; i += 1) expect(related(i), `article ${i} of ${count} (seed ${seed})`).toEqual(expected(articles, byTopic, i, limit));
    }
  });

  it("should count an article listed twice under one topic (a topic repeated in its record) twice, as the plain count does", () => {
    const { articles } = archiveOf(300, 5);
    const doubled = articles[10]!;
    const slug = doubled.topics[0]?.slug ?? "t0";
    const twice = { ...doubled, topics: [{ slug, name: slug, kind: "subject" }, { slug, name: slug, kind: "subject" }] } as unknown as PublishedArticle;
    const changed = articles.map((article) => (article === doubled ? twice : article));
    const lists = new Map<string, PublishedArticle[]>();
    for (const article of changed) for (const topic of article.topics) lists.set(topic.slug, [...(lists.get(topic.slug) ?? []), article]);
    positions = new Map(changed.map((article, i) => [article, i]));
    const related = relatedFinder(changed, lists);
    for (let i = 0; i < changed.length; i += 1) expect(related(i)).toEqual(expected(changed, lists, i, 5));
  });

  it("should give nothing for a position outside the archive", () => {
    const { articles, byTopic } = archiveOf(20, 2);
    expect(relatedFinder(articles, byTopic)(20)).toEqual([]);
  });
});
