/** schema.org NewsArticle JSON-LD of an article page. */
import type { PublishedArticle } from "../archive/index.ts";
import { jsonForScript } from "./escape.ts";

/**
 * The JSON-LD of an article, serialised and escaped for a `<script type="application/ld+json">` element.
 * @param article the article
 * @param canonical its absolute URL
 * @param headline its headline as shown
 * @param publisher the site's name
 */
export function newsArticleJsonLd(article: PublishedArticle, canonical: string, headline: string, publisher: string): string {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline,
    datePublished: article.date,
    dateModified: article.updated ?? article.date,
    url: canonical,
    mainEntityOfPage: canonical,
    publisher: { "@type": "Organization", name: publisher },
    wordCount: article.wordCount,
  };
  if (article.byline !== null) data["author"] = { "@type": "Person", name: article.byline };
  if (article.lang !== null) data["inLanguage"] = article.lang;
  if (article.summary !== null) data["description"] = article.summary;
  if (article.rubric !== null) data["articleSection"] = article.rubric;
  if (article.dateline !== null) data["dateline"] = article.dateline;
  if (article.topics.length > 0) data["keywords"] = article.topics.map((t) => t.name);
  if (article.sourceUrl !== null) data["isBasedOn"] = article.sourceUrl;
  if (article.license !== null) data["license"] = article.license;
  return jsonForScript(data);
}
