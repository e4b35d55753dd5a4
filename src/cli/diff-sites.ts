/**
 * Compares two built sites file by file and names what changed by URL.
 *
 * The only thing folded together is the Pagefind search index (`pagefind/`): its fragment files are derived from the
 * pages and named by content hash, so listing them one by one would say nothing the page list does not already say.
 * It is reported once, as "search index changed". Everything else is compared byte for byte.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";

/** Folder of the search index, relative to the site root. */
const SEARCH_INDEX_DIR = "pagefind/";

/** A built site: each file's path relative to the root (with `/`) mapped to its SHA-256. */
export type SiteListing = ReadonlyMap<string, string>;

/** What changed between two builds. URLs are site paths (`/2021/06/03/slug/`), sorted by code point. */
export interface SiteDiff {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  /** True when any file of the Pagefind index was added, changed or removed. */
  readonly searchIndexChanged: boolean;
}

/**
 * Lists every regular file of a built site with its content hash.
 * @param root folder of the built site (`_site/`)
 */
export async function listSite(root: string): Promise<SiteListing> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const listing = new Map<string, string>();
  for (const file of files.sort()) {
    const content = await readFile(file);
    listing.set(relative(root, file).split(sep).join("/"), createHash("sha256").update(content).digest("hex"));
  }
  return listing;
}

/**
 * Compares two site listings.
 * @param before the base build
 * @param after the new build
 */
export function diffSites(before: SiteListing, after: SiteListing): SiteDiff {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  let searchIndexChanged = false;
  const note = (path: string, list: string[]): void => {
    if (path.startsWith(SEARCH_INDEX_DIR)) searchIndexChanged = true;
    else list.push(pathToUrl(path));
  };
  for (const [path, hash] of after) {
    const old = before.get(path);
    if (old === undefined) note(path, added);
    else if (old !== hash) note(path, changed);
  }
  for (const path of before.keys()) if (!after.has(path)) note(path, removed);
  return { added: sortUrls(added), changed: sortUrls(changed), removed: sortUrls(removed), searchIndexChanged };
}

/** `2021/06/03/slug/index.html` → `/2021/06/03/slug/`; any other file keeps its name (`/feed.xml`). */
function pathToUrl(path: string): string {
  if (path === "index.html") return "/";
  if (path.endsWith("/index.html")) return `/${path.slice(0, -"index.html".length)}`;
  return `/${path}`;
}

/** Sorts by code point, so the order is the same under every locale. */
function sortUrls(urls: string[]): string[] {
  return urls.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
