/** Article pages, one per published article: `/YYYY/MM/DD/<slug>/`. The body is printed as sanitised data. */
import { articlePermalink } from "./_includes/article-page.ts";

export const data = {
  pagination: { data: "site.articlePages", size: 1, alias: "entry" },
  permalink: articlePermalink,
  eleventyExcludeFromCollections: true,
};

// The page itself lives in a module Eleventy does not import anew for each run (see _includes/article-page.ts).
export { articlePage as render } from "./_includes/article-page.ts";
