/**
 * The keys of the page cache: for each page, a hash of everything its output depends on.
 *
 * The templates are pure functions of the page's `entry` and of a few global fields of the site data (options, link
 * prefix, language, feed links: see templates/_includes/layout.ts), so a page's HTML is fixed by: the source of the
 * templates and of src/site (which they import), Eleventy's version, those global fields, and the page's data. An
 * `article.json` is fixed by the site layer's source and the record (by its source key and topics, where it has one).
 */
import { createHash, hash as digest } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sourceKeyOf } from "../archive/index.ts";
import { hashFolder } from "../fingerprint.ts";
import { TEMPLATES_DIR } from "./plugin.ts";
import type { ArticlePage, ArticleSummary, ListingPage, SiteData, TopicLink } from "./types.ts";

/** Bumped when the way keys are made changes, so older entries are never read. */
const FORMAT = "page-cache 4";

/** The source folder of the site layer, which the templates import. */
const SITE_DIR = dirname(fileURLToPath(import.meta.url));

/**
 * The global fields of the site data that every page's key includes: what the layout and the page templates print
 * besides the page's own entry. A template that starts reading another field must add it here (a test checks).
 */
export const KEYED_SITE_FIELDS = ["options", "urls", "lang", "feedHref", "jsonFeedHref"] as const satisfies readonly (keyof SiteData)[];

/**
 * The fields of an article page that src/site makes from its record and the global fields alone: a page whose record
 * has a source key is keyed by that key instead of by these fields. The page's other fields (KEYED_PAGE_FIELDS) come
 * from the rest of the archive and are keyed one by one. A field added to ArticlePage must go in one list (a test checks).
 */
export const RECORD_FIELDS = ["path", "jsonPath", "canonical", "article", "title", "dateLabel", "lang", "description", "day", "month", "year", "onThisDay", "jsonHref", "jsonLd"] as const satisfies readonly (keyof ArticlePage)[];

/** The fields of an article page keyed by what they hold: the topics as linked, and the summaries of other articles. */
export const KEYED_PAGE_FIELDS = ["topics", "related", "previous", "next"] as const satisfies readonly (keyof ArticlePage)[];

/** Every field of a summary, in the order its key takes them (a test checks that none is missing). */
export const SUMMARY_FIELDS = ["title", "href", "path", "date", "dateLabel", "summary", "lang"] as const satisfies readonly (keyof ArticleSummary)[];

/** The keys of one build's pages (hex SHA-256). */
export class PageKeys {
  readonly #code: string;
  readonly #common: string;
  readonly #summaries = new Map<ArticleSummary, string>();
  readonly #topics = new Map<TopicLink, string>();

  /** @param site the site data: its global fields are part of every page's key */
  constructor(site: SiteData) {
    this.#code = `${FORMAT}\0${codeFingerprint()}`;
    // The link functions print the prefix and, for absolute links, the base URL (in the options).
    const globals = KEYED_SITE_FIELDS.map((field) => (field === "urls" ? site.urls.prefix : site[field]));
    this.#common = `${this.#code}\0${JSON.stringify(globals)}`;
  }

  /**
   * The keys of an article's page and of its `article.json`.
   *
   * A record that carries its source key (the parse cache key: a hash of the parser, the file's path and its bytes,
   * which fixes every field the parser gives) is keyed by it and by its topics, the one field the archive layer sets
   * after parsing: its body is not read. Its page is then keyed by the JSON's key, the page's topic links and the
   * keys of the summaries it shows: every other field of the page (RECORD_FIELDS) is made by src/site (in the code
   * fingerprint) from the record and the global fields (in every key), so neither it nor the JSON-LD is serialised.
   *
   * Any other record is serialised once for both keys, and its page's fields (the JSON-LD as it is) hashed.
   */
  article(page: ArticlePage): { readonly page: string; readonly json: string } {
    const source = sourceKeyOf(page.article);
    // The summaries are taken apart from the JSON by their keys: serialising the keys again would double the work.
    const related = page.related.map((summary) => this.#summary(summary)).join(",");
    const previous = page.previous === null ? "" : this.#summary(page.previous);
    const next = page.next === null ? "" : this.#summary(page.next);
    if (source !== undefined) {
      const json = hash(this.#code, "json-source", source, JSON.stringify(page.article.topics));
      const topics = page.topics.map((topic) => this.#topic(topic)).join(",");
      return { page: hash(this.#common, "article-source", json, topics, related, previous, next), json };
    }
    const shell = JSON.stringify({ ...page, article: null, jsonLd: null, related: null, previous: null, next: null });
    // The page's key takes the record through the JSON file's key: the record is hashed once.
    const json = recordKey(this.#code, page.article);
    return { page: hash(this.#common, "article", shell, related, previous, next, json, page.jsonLd), json };
  }

  /** The key of a listing page. */
  listing(page: ListingPage): string {
    const items = page.items.map((summary) => this.#summary(summary)).join(",");
    return hash(this.#common, "listing", JSON.stringify({ ...page, items: null }), items);
  }

  /**
   * The key of a one-off page (archive, topics, search, 404).
   * @param path its site path
   * @param data the part of the site data it prints
   */
  single(path: string, data: unknown): string {
    return hash(this.#common, "single", path, JSON.stringify(data));
  }

  /**
   * A summary's key: base64 of a SHA-256 of its fields (SUMMARY_FIELDS) after their lengths, no comma (which joins
   * keys). Not of its JSON: serialising escapes every text, and took three times as long as this.
   */
  #summary(summary: ArticleSummary): string {
    let key = this.#summaries.get(summary);
    if (key === undefined) {
      let lengths = "";
      let texts = "";
      for (const field of SUMMARY_FIELDS) {
        const value = summary[field];
        // A missing field (null) is -1 long, an empty one 0.
        lengths += value === null ? "-1," : `${value.length},`;
        texts += value ?? "";
      }
      // The one-shot hash: half the cost of a Hash object for a text this short.
      key = digest("sha256", `${lengths}\0${texts}`, "base64");
      this.#summaries.set(summary, key);
    }
    return key;
  }

  /** A topic link's key (article pages share one object per topic: each is serialised once). */
  #topic(topic: TopicLink): string {
    let key = this.#topics.get(topic);
    if (key === undefined) {
      key = digest("sha256", JSON.stringify(topic), "base64");
      this.#topics.set(topic, key);
    }
    return key;
  }
}

/** The key of an `article.json` by the whole record, for a record without a source key. */
function recordKey(code: string, article: ArticlePage["article"]): string {
  const { html, ...rest } = article;
  return hash(code, "json", JSON.stringify(rest), createHash("sha256").update(html).digest("base64"));
}

/** A hash of texts, preceded by their lengths so that no two lists of texts hash alike. */
function hash(...parts: string[]): string {
  const head = `${parts.map((part) => part.length).join(",")}\0`;
  let length = 0;
  for (const part of parts) length += part.length;
  // Short texts (the keys of most pages) through the one-shot hash, joined: a Hash object costs more than the copy.
  // Long ones are not joined: that copied each page's text, and made all of it two-byte where one part is (most pages:
  // an ellipsis in the description), which the hash then converts to UTF-8 more slowly. Both hash the same bytes.
  if (length < SHORT) return digest("sha256", head + parts.join(""), "hex");
  const sha = createHash("sha256").update(head);
  for (const part of parts) sha.update(part);
  return sha.digest("hex");
}

/** Texts up to this many characters in all are hashed in one go. */
const SHORT = 2048;

let fingerprint: string | null = null;

/** A hash of the templates, the site layer's source and Eleventy's version: any change there renders every page again. */
function codeFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const sha = createHash("sha256").update(eleventyVersion());
  for (const root of [TEMPLATES_DIR, SITE_DIR]) hashFolder(sha, root);
  fingerprint = sha.digest("hex");
  return fingerprint;
}

function eleventyVersion(): string {
  // The package's main file is src/Eleventy.js; its package.json is not among its exports.
  const file = join(dirname(fileURLToPath(import.meta.resolve("@11ty/eleventy"))), "..", "package.json");
  return existsSync(file) ? ((JSON.parse(readFileSync(file, "utf8")) as { version?: string }).version ?? "unknown") : "unknown";
}
