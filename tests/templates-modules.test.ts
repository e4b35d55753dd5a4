/**
 * The per-page templates hand Eleventy code kept in modules of their own: Eleventy imports a template anew for each of
 * its runs (a large build makes dozens), and code in the template itself was compiled again by V8 in every run.
 */
import { describe, expect, it } from "vitest";
import { articlePage, articlePermalink } from "../templates/_includes/article-page.ts";
import { listingPage, listingPermalink } from "../templates/_includes/listing-page.ts";
import * as article from "../templates/article.11ty.ts";
import * as listing from "../templates/listing.11ty.ts";

describe("page templates", () => {
  it("should render and name pages with the functions of their page modules", () => {
    expect(article.render).toBe(articlePage);
    expect(article.data.permalink).toBe(articlePermalink);
    expect(listing.render).toBe(listingPage);
    expect(listing.data.permalink).toBe(listingPermalink);
  });

  it("should paginate over the site data one page at a time", () => {
    expect(article.data.pagination).toEqual({ data: "site.articlePages", size: 1, alias: "entry" });
    expect(listing.data.pagination).toEqual({ data: "site.listingPages", size: 1, alias: "entry" });
  });
});
