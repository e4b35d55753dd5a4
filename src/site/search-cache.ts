/**
 * The search-bundle cache: each Pagefind bundle kept in the cache folder under a hash of exactly what determines it
 * (the searchable part of every page it indexes, their paths, the Pagefind binary's version and arguments), and
 * linked into a new build when nothing of that changed.
 */
import { createHash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readdir, rename, rm, stat, utimes } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileStamp } from "../fingerprint.ts";

/** Bump when what goes into a key, or how a bundle is stored, changes. */
const FORMAT = "news-archive-search-cache-2";

/** The folder of the search cache inside a build's cache folder. */
export function searchCacheDir(cacheDir: string): string {
  return join(cacheDir, "search");
}

/**
 * The key of one bundle: a hash of `salt` (Pagefind's version and arguments) and, for every page the glob matches, in
 * order, its path and a hash of its searchable part (see `searchablePart`). With a part memo, a page is not read again
 * when its page key (the page cache's: it fixes the page's bytes) is the one it had in the memo's build, or, for a page
 * without one, when its file is unchanged since (same size, modification time and inode: a page the page cache
 * hard-linked into both builds).
 * @param siteDir the built site
 * @param glob the bundle's glob, relative to the site (literals, `[0-9]`, `*` and `{a,b}` only)
 * @param salt what else determines the bundle
 * @param parts the searchable parts' hashes of the last build (default none: every page is read)
 * @param pageKeys the page key of each page that has one, by path relative to the site
 */
export function bundleKey(siteDir: string, glob: string, salt: string, parts?: PartMemo, pageKeys?: ReadonlyMap<string, string>): { key: string; pages: number; read: number } {
  const hash = createHash("sha256").update(FORMAT).update("\0").update(salt).update("\0").update(glob).update("\0");
  let pages = 0;
  let read = 0;
  for (const path of globFiles(siteDir, glob)) {
    const file = join(siteDir, path);
    const stamp = parts === undefined ? null : stampOf(file, pageKeys?.get(path));
    let part = stamp === null ? undefined : parts?.get(path, stamp);
    if (part === undefined) {
      // A page without a stamp is read too: gone, it is skipped; unreadable, the error says why.
      const bytes = readPage(file);
      if (bytes === null) continue;
      read += 1;
      part = createHash("sha256").update(searchablePart(bytes)).digest("hex");
      if (stamp !== null) parts?.set(path, stamp, part);
    }
    hash.update(path).update("\0").update(part).update("\0");
    pages += 1;
  }
  return { key: hash.digest("hex"), pages, read };
}

/** What a page's part memo entry is valid for: its page key where it has one, else its file's stamp (null: no file). */
function stampOf(file: string, pageKey: string | undefined): string | null {
  return pageKey === undefined ? fileStamp(file) : `page ${pageKey}`;
}

/**
 * The hashes of the pages' searchable parts in the last build, by site path and file stamp, kept in
 * `<cacheDir>/search-parts.json` (beside the bundles' folder, which holds only bundles). Saved with only the entries
 * this build used; an unreadable file is an empty memo.
 */
export class PartMemo {
  readonly #file: string;
  readonly #last: Map<string, readonly [stamp: string, part: string]>;
  readonly #used = new Map<string, readonly [stamp: string, part: string]>();

  /** @param cacheDir the build's cache folder */
  constructor(cacheDir: string) {
    this.#file = join(cacheDir, "search-parts.json");
    this.#last = new Map();
    try {
      const value = JSON.parse(readFileSync(this.#file, "utf8")) as unknown;
      if (Array.isArray(value) && value[0] === FORMAT && Array.isArray(value[1])) {
        for (const entry of value[1] as unknown[]) {
          if (Array.isArray(entry) && entry.length === 3 && entry.every((x) => typeof x === "string")) {
            const [path, stamp, part] = entry as [string, string, string];
            this.#last.set(path, [stamp, part]);
          }
        }
      }
    } catch {
      // No memo yet, or one that cannot be read: every page is read.
    }
  }

  /** The part hash of a page whose file still has the stamp it had when it was hashed. */
  get(path: string, stamp: string): string | undefined {
    const entry = this.#last.get(path);
    if (entry === undefined || entry[0] !== stamp) return undefined;
    this.#used.set(path, entry);
    return entry[1];
  }

  /** Remembers the part hash of a page read in this build. */
  set(path: string, stamp: string, part: string): void {
    this.#used.set(path, [stamp, part]);
  }

  /** Writes the entries this build used (through a temporary file and a rename). */
  save(): void {
    const entries = [...this.#used].map(([path, [stamp, part]]) => [path, stamp, part]);
    const temporary = `${this.#file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.#file), { recursive: true });
      writeFileSync(temporary, JSON.stringify([FORMAT, entries]));
      renameSync(temporary, this.#file);
    } catch {
      // A memo that cannot be written costs the next build a read of every page, nothing else.
    }
  }
}

function readPage(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (error) {
    if (missing(error)) return null;
    throw error;
  }
}

function missing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR";
}

/**
 * What of a page Pagefind can read, so that a change elsewhere (related articles, previous/next links) does not
 * invalidate its bundle: the `<html>` tag (language) and the `<article …>` element holding `data-pagefind-body`.
 * Pagefind also reads the first `h1` and the first `img` after it, and `data-pagefind-*` attributes anywhere on the page;
 * when any of these occurs outside that element (or there is no such element), the whole page is the searchable part.
 */
export function searchablePart(page: Buffer): Buffer {
  const start = page.indexOf("<article");
  const end = start < 0 ? -1 : page.indexOf("</article>", start);
  const html = page.indexOf("<html");
  if (start < 0 || end < 0 || html < 0 || html > start) return page;
  const before = page.subarray(0, start);
  const after = page.subarray(end);
  const body = page.subarray(start, end);
  const outside = [before, after].some((part) => part.includes("data-pagefind") || part.includes("<h1") || part.includes("<img"));
  const nested = body.indexOf("<article", 1) >= 0;
  if (outside || nested || !body.includes("data-pagefind-body") || !body.includes("<h1")) return page;
  const htmlTag = page.subarray(html, page.indexOf(">", html) + 1);
  return Buffer.concat([htmlTag, body]);
}

/** A cached bundle's folder, or null when there is none for the key. */
export async function cachedBundle(cacheDir: string, key: string): Promise<string | null> {
  const dir = join(searchCacheDir(cacheDir), key);
  try {
    if (!(await stat(dir)).isDirectory()) return null;
  } catch {
    return null;
  }
  const now = new Date();
  await utimes(dir, now, now);
  return dir;
}

/**
 * Stores a bundle written into `written` (a folder inside the cache, see `stagingDir`) under its key. A bundle
 * already there (another build stored it meanwhile) is kept; the staging folder is removed.
 */
export async function storeBundle(cacheDir: string, key: string, written: string): Promise<string> {
  const dir = join(searchCacheDir(cacheDir), key);
  try {
    await rename(written, dir);
  } catch {
    await rm(written, { recursive: true, force: true });
  }
  return dir;
}

/** A fresh folder in the cache for Pagefind to write a bundle into before it is stored. */
export function stagingDir(cacheDir: string, key: string): string {
  return join(searchCacheDir(cacheDir), `${key}.tmp-${process.pid}`);
}

/**
 * Puts a copy of a cached bundle at `target`: hard links where the cache and the site share a file system (the
 * bundle's files are never written to after they are stored), copies otherwise.
 */
export function linkBundle(from: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const dest = join(target, entry.name);
    if (entry.isDirectory()) {
      linkBundle(source, dest);
      continue;
    }
    try {
      linkSync(source, dest);
    } catch {
      copyFileSync(source, dest);
    }
  }
}

/**
 * Removes cached bundles this build did not use, keeping the `keep` most recently used of them (another path prefix or
 * branch built from the same cache stays warm), and staging folders left by builds that are no longer running.
 * @param used the keys this build used
 */
export async function pruneBundles(cacheDir: string, used: ReadonlySet<string>, keep: number): Promise<void> {
  const root = searchCacheDir(cacheDir);
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return;
  }
  const unused: { name: string; mtime: number }[] = [];
  for (const name of names) {
    const staging = /\.tmp-(\d+)$/u.exec(name);
    if (staging !== null) {
      if (!isRunning(Number(staging[1]))) await rm(join(root, name), { recursive: true, force: true });
      continue;
    }
    if (used.has(name)) continue;
    try {
      unused.push({ name, mtime: (await stat(join(root, name))).mtimeMs });
    } catch {
      // Removed by another build meanwhile.
    }
  }
  unused.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
  for (const { name } of unused.slice(Math.max(0, keep))) await rm(join(root, name), { recursive: true, force: true });
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The files under `root` a glob matches, in sorted order, with their bytes; paths are relative to `root` with `/`
 * separators. Reads synchronously: a bundle's pages are read in a tight loop, several times faster than with a
 * promise each.
 */
export function* readGlob(root: string, glob: string): Generator<{ path: string; bytes: Buffer }> {
  for (const path of globFiles(root, glob)) {
    const bytes = readPage(join(root, path));
    if (bytes !== null) yield { path, bytes };
  }
}

/**
 * The paths under `root` a glob matches (a literal last segment is not checked for existence), sorted by UTF-16 code
 * units (not by locale): relative to `root`, with `/` separators.
 */
export function globFiles(root: string, glob: string): string[] {
  const segments = glob.split("/");
  const last = segments.pop() ?? "";
  let dirs = [""];
  for (const segment of segments) {
    const pattern = segmentPattern(segment);
    const next: string[] = [];
    for (const dir of dirs) {
      let entries;
      try {
        entries = readdirSync(join(root, dir), { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (entry.isDirectory() && pattern.test(entry.name)) next.push(dir === "" ? entry.name : `${dir}/${entry.name}`);
      }
    }
    dirs = next;
  }
  const files: string[] = [];
  if (/[[*{]/u.test(last)) {
    const pattern = segmentPattern(last);
    for (const dir of dirs) {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        if (entry.isFile() && pattern.test(entry.name)) files.push(dir === "" ? entry.name : `${dir}/${entry.name}`);
      }
    }
  } else {
    // A literal file name: read it where it exists instead of listing every folder.
    for (const dir of dirs) files.push(dir === "" ? last : `${dir}/${last}`);
  }
  return files.sort();
}

/** One path segment of a glob as a regular expression: literals, `[…]` classes, `*` and `{a,b}` alternatives. */
function segmentPattern(segment: string): RegExp {
  let source = "";
  let braces = 0;
  for (let i = 0; i < segment.length; i += 1) {
    const char = segment[i] ?? "";
    if (char === "*") source += "[^/]*";
    else if (char === "[") {
      const close = segment.indexOf("]", i);
      source += segment.slice(i, close + 1);
      i = close;
    } else if (char === "{") {
      braces += 1;
      source += "(?:";
    } else if (char === "}" && braces > 0) {
      braces -= 1;
      source += ")";
    } else if (char === "," && braces > 0) source += "|";
    else source += char.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
  }
  return new RegExp(`^${source}$`, "u");
}
