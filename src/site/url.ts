/**
 * The one place that turns a site path (`/2019/03/17/slug/`) into a link, an absolute URL or an output file.
 * Every internal link goes through `href`, so the whole site works under a path prefix (`/pr-42/`).
 */

/** Link functions bound to one path prefix and base URL. */
export interface Urls {
  /** The normalised prefix, `/` or `/pr-42/`. */
  readonly prefix: string;
  /** A root-relative link for a site path: `href("/topics/")` is `/pr-42/topics/` under `/pr-42/`. */
  href(path: string): string;
  /** An absolute URL for feeds, the sitemap and canonical links. */
  absolute(path: string): string;
}

/**
 * Creates the link functions of one build.
 * @param pathPrefix sub-path the site is served under (default `/`)
 * @param baseUrl origin the site is published at, without the prefix
 */
export function createUrls(pathPrefix: string, baseUrl: string): Urls {
  const prefix = normalisePrefix(pathPrefix);
  const origin = baseUrl.replace(/\/+$/u, "");
  const href = (path: string): string => prefix + checkedPath(path).slice(1);
  return { prefix, href, absolute: (path) => origin + href(path) };
}

/** `pr-42`, `/pr-42`, `/pr-42/` all become `/pr-42/`; empty becomes `/`. */
export function normalisePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/gu, "");
  if (trimmed === "") return "/";
  if (!/^[A-Za-z0-9._~\-/]+$/u.test(trimmed) || trimmed.split("/").some((part) => part === "" || part === "." || part === "..")) {
    throw new Error(`The path prefix "${prefix}" is not a plain sub-path; use letters, digits, "-", "_", "." and "/", e.g. /pr-42/.`);
  }
  return `/${trimmed}/`;
}

/**
 * The file a site path is written to, relative to the output folder:
 * `/2019/03/17/slug/` gives `2019/03/17/slug/index.html`, `/feed.xml` gives `feed.xml`.
 */
export function outputFile(path: string): string {
  const clean = checkedPath(path).slice(1);
  return clean === "" || clean.endsWith("/") ? `${clean}index.html` : clean;
}

/** Site paths are made in src/site from normalised slugs; anything else is a program error. */
function checkedPath(path: string): string {
  if (!path.startsWith("/") || path.includes("//") || /(^|\/)\.\.?(\/|$)/u.test(path) || /[\s?#\\]/u.test(path)) {
    throw new Error(`"${path}" is not a site path; site paths start with "/" and hold no "..", spaces, "?" or "#".`);
  }
  return path;
}
