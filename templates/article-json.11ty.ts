/** The record of each article as JSON, beside its page: `/YYYY/MM/DD/<slug>/article.json`. */
import { jsonForScript } from "../src/site/index.ts";
import type { ArticlePage } from "../src/site/index.ts";

interface Data {
  readonly entry: ArticlePage;
}

export const data = {
  pagination: { data: "site.articlePages", size: 1, alias: "entry" },
  permalink: (d: Data): string => d.entry.jsonPath,
  eleventyExcludeFromCollections: true,
};

export function render({ entry }: Data): string {
  return `${jsonForScript(entry.article, 2)}\n`;
}
