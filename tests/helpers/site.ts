/**
 * Reading a built site as a crawler would: its files, the URL each page is served at, and every reference
 * (href, src, srcset, CSS url()) a page or stylesheet makes, resolved to the file it points to.
 */
import { existsSync, statSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { Parser } from "htmlparser2";

/** Every file under `dir`, as sorted POSIX paths relative to it. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** The URL path a file is served at: `a/b/index.html` under `/pr-42/` is `/pr-42/a/b/`. */
export function urlOfFile(relativeFile: string, prefix: string): string {
  const url = relativeFile.endsWith("index.html") ? relativeFile.slice(0, -"index.html".length) : relativeFile;
  return prefix + url;
}

/** One reference a page makes. */
export interface Reference {
  readonly tag: string;
  readonly attribute: string;
  readonly value: string;
}

/** What a page holds that a link check needs: its references and the ids it defines. */
export interface PageScan {
  readonly references: Reference[];
  readonly ids: Set<string>;
}

const URL_ATTRIBUTES = new Set(["href", "src", "poster", "action", "data", "formaction"]);

/** Collects every URL-bearing attribute and every id of an HTML page. */
export function scanHtml(html: string): PageScan {
  const references: Reference[] = [];
  const ids = new Set<string>();
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        for (const [attribute, value] of Object.entries(attributes)) {
          if (attribute === "id" || (attribute === "name" && tag === "a")) ids.add(value);
          if (URL_ATTRIBUTES.has(attribute)) references.push({ tag, attribute, value });
          if (attribute === "srcset" || attribute === "imagesrcset") {
            for (const candidate of value.split(",")) {
              const url = candidate.trim().split(/\s+/u)[0];
              if (url) references.push({ tag, attribute, value: url });
            }
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { references, ids };
}

/** Every `url(...)` a stylesheet references. */
export function scanCss(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/gu)].map((match) => match[2] ?? "");
}

/** Where a reference points. */
export type Resolution =
  | { readonly kind: "external" }
  | { readonly kind: "internal"; readonly file: string | null; readonly fragment: string; readonly pathname: string }
  | { readonly kind: "outside-prefix"; readonly pathname: string };

/**
 * Resolves a reference made on the page served at `pageUrl` to a file of the site in `dir`.
 * Absolute URLs on `baseUrl`'s origin count as internal (canonical, Open Graph, feeds); they may or may not carry
 * the path prefix, since a preview's canonical may point at the published site.
 * @param value the attribute's value
 * @param pageUrl URL path of the page making it (`/pr-42/2021/`)
 * @param prefix the site's path prefix (`/` or `/pr-42/`)
 * @param dir folder of the built site
 * @param baseUrl the configured origin of the published site
 */
export function resolveReference(value: string, pageUrl: string, prefix: string, dir: string, baseUrl: string): Resolution {
  const trimmed = value.trim();
  if (/^(?:mailto|tel|javascript|data|blob):/iu.test(trimmed)) return { kind: "external" };
  const local = new URL("http://site.invalid");
  const base = new URL(baseUrl);
  const url = new URL(trimmed, new URL(pageUrl, local));
  let pathname = decodeURIComponent(url.pathname);
  const fragment = decodeURIComponent(url.hash.replace(/^#/u, ""));
  if (url.origin === base.origin) {
    const basePath = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
    if (!pathname.startsWith(basePath)) return { kind: "outside-prefix", pathname };
    pathname = `/${pathname.slice(basePath.length)}`;
    if (!pathname.startsWith(prefix)) pathname = prefix + pathname.slice(1);
  } else if (url.origin !== local.origin) {
    return { kind: "external" };
  }
  if (!pathname.startsWith(prefix)) return { kind: "outside-prefix", pathname };
  return { kind: "internal", file: fileFor(dir, pathname.slice(prefix.length)), fragment, pathname };
}

function fileFor(dir: string, relative: string): string | null {
  const target = path.join(dir, relative);
  if (relative === "" || relative.endsWith("/")) {
    const index = path.join(target, "index.html");
    return existsSync(index) ? index : null;
  }
  if (existsSync(target) && statSync(target).isFile()) return target;
  return null;
}

/**
 * Checks every reference of every HTML page and stylesheet of a built site, and every `#fragment` against the ids
 * of its target page. Returns one line per problem (`page -> reference: what is wrong`), empty when all is well.
 * @param dir folder of the built site
 * @param prefix path prefix it was built for
 * @param baseUrl the configured origin of the published site
 */
export async function findBrokenReferences(dir: string, prefix: string, baseUrl: string): Promise<string[]> {
  const files = await listFiles(dir);
  const scans = new Map<string, PageScan>();
  const problems: string[] = [];
  const idsOf = async (file: string): Promise<Set<string>> => {
    const known = scans.get(file);
    if (known) return known.ids;
    const scan = scanHtml(await readFile(file, "utf8"));
    scans.set(file, scan);
    return scan.ids;
  };
  for (const relative of files) {
    const absolute = path.join(dir, relative);
    let references: string[];
    if (relative.endsWith(".html")) {
      await idsOf(absolute);
      references = (scans.get(absolute)?.references ?? []).map((reference) => reference.value);
    } else if (relative.endsWith(".css")) {
      references = scanCss(await readFile(absolute, "utf8"));
    } else {
      continue;
    }
    const pageUrl = urlOfFile(relative, prefix);
    for (const value of references) {
      const where = `${relative} -> ${value}`;
      if (value.trim() === "") {
        problems.push(`${where}: empty reference`);
        continue;
      }
      const resolution = resolveReference(value, pageUrl, prefix, dir, baseUrl);
      if (resolution.kind === "external") continue;
      if (resolution.kind === "outside-prefix") {
        problems.push(`${where}: resolves to ${resolution.pathname}, outside the path prefix ${prefix}`);
        continue;
      }
      if (resolution.file === null) {
        problems.push(`${where}: no file for ${resolution.pathname}`);
        continue;
      }
      if (resolution.fragment !== "" && resolution.file.endsWith(".html")) {
        const ids = await idsOf(resolution.file);
        if (!ids.has(resolution.fragment)) problems.push(`${where}: no element with id "${resolution.fragment}"`);
      }
    }
  }
  return problems;
}

/** What a page's head declares: `<html lang>`, `<title>`, metas by name or property, and links by rel. */
export interface PageHead {
  readonly lang: string | null;
  readonly title: string;
  readonly meta: Map<string, string>;
  readonly links: Map<string, string>;
}

/** Reads a page's head declarations, whatever the order of their attributes. */
export function headOf(html: string): PageHead {
  let lang: string | null = null;
  let title = "";
  let inTitle = false;
  const meta = new Map<string, string>();
  const links = new Map<string, string>();
  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (tag === "html") lang = attributes["lang"] ?? null;
        if (tag === "title") inTitle = true;
        const key = attributes["name"] ?? attributes["property"];
        if (tag === "meta" && key !== undefined) meta.set(key, attributes["content"] ?? "");
        if (tag === "link" && attributes["rel"] !== undefined) links.set(attributes["rel"], attributes["href"] ?? "");
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(tag) {
        if (tag === "title") inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { lang, title: title.trim(), meta, links };
}
