/** Every paginated listing: home, year, month (with its calendar), day, on this day, topic. */
import { listingPermalink } from "./_includes/listing-page.ts";

export const data = {
  pagination: { data: "site.listingPages", size: 1, alias: "entry" },
  permalink: listingPermalink,
  eleventyExcludeFromCollections: true,
};

// The page itself lives in a module Eleventy does not import anew for each run (see _includes/listing-page.ts).
export { listingPage as render } from "./_includes/listing-page.ts";
