/**
 * Checks of the machine-readable outputs against their formats: Atom (RFC 4287), JSON Feed 1.1, the sitemap
 * protocol 0.9 and schema.org JSON-LD. Each returns one line per problem, empty when the document is right.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ATOM_NS = "http://www.w3.org/2005/Atom";
const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/u;

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  textNodeName: "#text",
  parseTagValue: false,
  isArray: (name) => ["entry", "link", "author", "url", "category"].includes(name),
});

/** Parses XML after checking it is well-formed; throws with the parser's located message otherwise. */
export function parseXml(xml: string, name: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new Error(`${name} is not well-formed XML: ${valid.err.msg} at line ${valid.err.line}, column ${valid.err.col}`);
  }
  return parser.parse(xml) as XmlNode;
}

function text(node: unknown): string | undefined {
  if (typeof node === "string") return node;
  if (node !== null && typeof node === "object" && "#text" in node) {
    const value = (node as XmlNode)["#text"];
    return typeof value === "string" ? value : undefined;
  }
  return undefined;
}

function list(node: unknown): XmlNode[] {
  if (Array.isArray(node)) return node as XmlNode[];
  return node === undefined ? [] : [node as XmlNode];
}

/** A parsed Atom feed's problems, with the entries' alternate links for further checks. */
export interface AtomCheck {
  readonly problems: string[];
  readonly entryLinks: string[];
  readonly updated: string[];
}

/**
 * Checks an Atom feed for what RFC 4287 requires: the namespace; feed id, title, updated, a self link and an
 * author (on the feed or on every entry); each entry's id, title, updated (RFC 3339) and alternate link.
 */
export function checkAtom(xml: string, name: string): AtomCheck {
  const problems: string[] = [];
  const doc = parseXml(xml, name);
  const feed = doc["feed"] as XmlNode | undefined;
  if (feed === undefined) return { problems: [`${name}: root element is not <feed>`], entryLinks: [], updated: [] };
  if (feed["@_xmlns"] !== ATOM_NS) problems.push(`${name}: <feed> is not in the Atom namespace ${ATOM_NS}`);
  for (const field of ["id", "title", "updated"]) {
    if (!text(feed[field])?.trim()) problems.push(`${name}: <feed> has no <${field}>`);
  }
  const feedUpdated = text(feed["updated"]);
  if (feedUpdated !== undefined && !RFC3339.test(feedUpdated)) problems.push(`${name}: feed <updated> "${feedUpdated}" is not RFC 3339`);
  if (!list(feed["link"]).some((link) => link["@_rel"] === "self" && typeof link["@_href"] === "string")) {
    problems.push(`${name}: <feed> has no <link rel="self">`);
  }
  const feedHasAuthor = list(feed["author"]).some((author) => text(author["name"])?.trim());
  const entryLinks: string[] = [];
  const updated: string[] = [];
  list(feed["entry"]).forEach((entry, index) => {
    const where = `${name} entry ${index + 1}`;
    for (const field of ["id", "title", "updated"]) {
      if (!text(entry[field])?.trim()) problems.push(`${where}: no <${field}>`);
    }
    const entryUpdated = text(entry["updated"]) ?? "";
    if (!RFC3339.test(entryUpdated)) problems.push(`${where}: <updated> "${entryUpdated}" is not RFC 3339`);
    updated.push(entryUpdated);
    const alternate = list(entry["link"]).find((link) => (link["@_rel"] ?? "alternate") === "alternate");
    const href = alternate?.["@_href"];
    if (typeof href === "string") entryLinks.push(href);
    else problems.push(`${where}: no <link rel="alternate" href>`);
    if (!feedHasAuthor && !list(entry["author"]).some((author) => text(author["name"])?.trim())) {
      problems.push(`${where}: no <author><name> on the entry or the feed`);
    }
  });
  return { problems, entryLinks, updated };
}

/** A parsed sitemap's problems and its `<loc>` values. */
export interface SitemapCheck {
  readonly problems: string[];
  readonly locations: string[];
}

/** Checks a sitemap for the 0.9 protocol: namespace, at most 50,000 `<url>`, each with an absolute `<loc>`. */
export function checkSitemap(xml: string, name: string): SitemapCheck {
  const problems: string[] = [];
  const doc = parseXml(xml, name);
  const urlset = doc["urlset"] as XmlNode | undefined;
  if (urlset === undefined) return { problems: [`${name}: root element is not <urlset>`], locations: [] };
  if (urlset["@_xmlns"] !== SITEMAP_NS) problems.push(`${name}: <urlset> is not in the namespace ${SITEMAP_NS}`);
  const urls = list(urlset["url"]);
  if (urls.length > 50_000) problems.push(`${name}: ${urls.length} URLs, over the protocol's 50,000`);
  const locations: string[] = [];
  urls.forEach((url, index) => {
    const loc = text(url["loc"]);
    if (loc === undefined || !/^https?:\/\//u.test(loc)) problems.push(`${name} url ${index + 1}: <loc> "${loc}" is not an absolute URL`);
    else locations.push(loc);
    const lastmod = text(url["lastmod"]);
    if (lastmod !== undefined && !/^\d{4}-\d{2}-\d{2}(?:T.+)?$/u.test(lastmod)) problems.push(`${name} url ${index + 1}: <lastmod> "${lastmod}" is not W3C datetime`);
  });
  return { problems, locations };
}

/** A JSON Feed's problems and its items' URLs. */
export interface JsonFeedCheck {
  readonly problems: string[];
  readonly itemUrls: string[];
}

/**
 * Checks JSON Feed 1.1: `version`, `title`, `items`; each item's string `id` and `content_html` or `content_text`;
 * RFC 3339 dates; the feed's own URLs absolute.
 */
export function checkJsonFeed(json: string, name: string): JsonFeedCheck {
  const problems: string[] = [];
  const feed = JSON.parse(json) as Record<string, unknown>;
  if (feed["version"] !== "https://jsonfeed.org/version/1.1") problems.push(`${name}: version is ${JSON.stringify(feed["version"])}, not https://jsonfeed.org/version/1.1`);
  if (typeof feed["title"] !== "string" || feed["title"].trim() === "") problems.push(`${name}: no title`);
  for (const field of ["home_page_url", "feed_url"]) {
    const value = feed[field];
    if (value !== undefined && (typeof value !== "string" || !/^https?:\/\//u.test(value))) problems.push(`${name}: ${field} is not an absolute URL`);
  }
  const itemUrls: string[] = [];
  if (!Array.isArray(feed["items"])) return { problems: [...problems, `${name}: items is not an array`], itemUrls };
  (feed["items"] as Record<string, unknown>[]).forEach((item, index) => {
    const where = `${name} item ${index + 1}`;
    if (typeof item["id"] !== "string" || item["id"] === "") problems.push(`${where}: id is not a non-empty string`);
    if (typeof item["content_html"] !== "string" && typeof item["content_text"] !== "string") problems.push(`${where}: neither content_html nor content_text`);
    for (const field of ["date_published", "date_modified"]) {
      const value = item[field];
      if (value !== undefined && (typeof value !== "string" || !RFC3339.test(value))) problems.push(`${where}: ${field} ${JSON.stringify(value)} is not RFC 3339`);
    }
    if (typeof item["url"] === "string") itemUrls.push(item["url"]);
  });
  return { problems, itemUrls };
}

/** The JSON-LD blocks of an HTML page, parsed; throws naming the page when one is not JSON. */
export function jsonLdOf(html: string, name: string): unknown[] {
  const blocks = [...html.matchAll(/<script[^>]*type=["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script>/giu)];
  return blocks.map((block, index) => {
    try {
      return JSON.parse(block[1] ?? "") as unknown;
    } catch (cause) {
      throw new Error(`${name}: JSON-LD block ${index + 1} does not parse`, { cause });
    }
  });
}
