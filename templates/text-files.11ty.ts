/** Generated text files printed as they are: feeds, sitemap, robots.txt. */
import type { TextFile } from "../src/site/index.ts";

interface Data {
  readonly entry: TextFile;
}

export const data = {
  pagination: { data: "site.textFiles", size: 1, alias: "entry" },
  permalink: (d: Data): string => d.entry.path,
  eleventyExcludeFromCollections: true,
};

export function render({ entry }: Data): string {
  return entry.body;
}
