/**
 * A cache of rendered pages and `article.json` files, so that a build renders through Eleventy only the pages whose
 * data changed. Each entry is named by its key (page-keys.ts): a page whose key is in the cache is copied from it
 * into the output; the others are rendered (or written), then stored.
 *
 * Copies or hard links: by default entries are copied into the output, and a rendered page is stored by writing its
 * text a second time. With `link`, an entry is hard-linked into the output and a written output file is hard-linked
 * into the cache: no byte is copied, and the output takes no room beyond the cache's. The output file and the entry
 * are then one file, so anything writing into the output file in place afterwards (Eleventy re-rendering a page of
 * the folder `news-archive serve` serves) changes the entry too, and every later build would copy the changed page:
 * only a build whose output nothing writes into in place may link (`linkPages` in build.ts). A replaced or deleted
 * output file leaves the entry as it was. The file work runs in a background thread (file-copier.ts). Entries are
 * made through a temporary file and a rename, so a build reading the cache never sees half an entry.
 *
 * Growth: when a build has stored new entries and the cache then holds more than twice the entries that build used,
 * every entry it did not use is deleted (the rule of the parse cache's packs). The cache stays under about twice the
 * site; a site built under two path prefixes from one cache keeps both until it grows past that.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { articleJson, slimSite } from "./article-json.ts";
import { FileCopier, TextBatch, type StoreJob } from "./file-copier.ts";
import { PageKeys } from "./page-keys.ts";
import type { ArticlePage, SiteData } from "./types.ts";
import { outputFile } from "./url.ts";

/** An entry's file name: its key and the kind of file. */
const ENTRY = /^[0-9a-f]{64}\.(?:html|json)$/u;

/** Temporary files of a build that stopped halfway are deleted by the next prune once they are this old. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** Copies posted to the background thread at a time, so it starts while the keys are still being made. */
const CHUNK = 2000;

/** Texts posted to the background thread at a time (a few megabytes, encoded). */
const WRITE_CHUNK = 200;

/** Batches of texts the background thread may have waiting. */
const WRITING = 4;

/** What `restore` leaves to do. */
export interface Restored {
  /** The site data for the templates (records without what only `article.json` shows), with only the pages to render. */
  readonly site: SiteData;
  /** The article pages whose `article.json` is to be written, with their full records. */
  readonly json: readonly ArticlePage[];
  /** HTML pages copied from the cache. */
  readonly restored: number;
}

/**
 * Rendered pages of earlier builds in one folder. One instance serves one build: `restore`, then `writeJson`, then
 * for the pages Eleventy renders either `pageRendered` for each (copying cache) or `rendered` after each Eleventy run
 * (linking cache), then `finish`; `close` in any case.
 */
export class PageCache {
  readonly #dir: string;
  readonly #copier: FileCopier;
  /** Entries are hard-linked to and from the output instead of copied. */
  readonly links: boolean;
  /** Entry names of every output of this build (a list: a set is only needed when pruning, which is rare). */
  readonly #used: string[] = [];
  /** Outputs left to render in this build: output file (relative to the output folder), entry name. */
  readonly #pending = new Map<string, string>();
  /** The key of every article page of this build, by output file (relative to the output folder). */
  readonly #pageKeys = new Map<string, string>();
  readonly #stores: Promise<unknown>[] = [];
  /** Writes handed to the background thread and not finished yet. */
  readonly #writing = new Set<Promise<void>>();
  /** Rendered pages waiting to be stored, sent to the background thread a few at a time. */
  #rendered = new TextBatch();
  /** The output folder, ending in a separator. */
  #outputDir = "";

  /**
   * @param dir the cache folder (`<cacheDir>/pages`; created when the first entry is stored)
   * @param options.link hard-link entries into the output and written files into the cache (default false: copy);
   *   only for an output nothing writes into in place afterwards (see the top of this file)
   */
  constructor(dir: string, options: { readonly link?: boolean } = {}) {
    this.#dir = resolve(dir);
    this.links = options.link === true;
    this.#copier = new FileCopier({ link: this.links });
  }

  /**
   * Copies every cached page and `article.json` of the site into the output folder, in the background thread, and
   * resolves with what is left to render and write. The one-off pages (archive, topics, search, 404) are rendered
   * together, all four again when any is missing. The keys are made before the first `await`: the caller can go on
   * with other work while the copies run.
   * @param site the planned site, with full records
   * @param outputDir the folder the site is written to
   */
  async restore(site: SiteData, outputDir: string): Promise<Restored> {
    this.#outputDir = resolve(outputDir) + sep;
    const keys = new PageKeys(site);
    // No listing of the folder: an entry that is not there is a failed link in the background thread, which costs less
    // than listing a folder of a hundred thousand entries first. Without the folder (a first build), nothing is tried.
    const empty = !existsSync(this.#dir);
    const missing = new Set<string>();
    const leave = (path: string, name: string): void => {
      missing.add(path);
      this.#pending.set(outputFile(path), name);
    };
    const copies: Promise<void>[] = [];
    // Source and destination of each copy, one after the other; site path and entry name of each, likewise.
    let pairs: string[] = [];
    let taken: string[] = [];
    const post = (): void => {
      const posted = taken;
      // Entries that are not there (never stored, or pruned by another build): rendered instead.
      copies.push(this.#copier.copy(pairs).then((failed) => failed.forEach((index) => leave(posted[2 * index]!, posted[2 * index + 1]!))));
      pairs = [];
      taken = [];
    };
    const take = (path: string, name: string): void => {
      this.#used.push(name);
      if (empty) return leave(path, name);
      pairs.push(this.#entry(name), this.#output(path));
      taken.push(path, name);
      if (pairs.length >= 2 * CHUNK) post();
    };
    for (const page of site.articlePages) {
      const key = keys.article(page);
      this.#pageKeys.set(outputFile(page.path), key.page);
      take(page.path, `${key.page}.html`);
      take(page.jsonPath, `${key.json}.json`);
    }
    for (const page of site.listingPages) take(page.path, `${keys.listing(page)}.html`);
    const singles = site.renderSingles ? singlePages(site) : [];
    for (const [path, data] of singles) take(path, `${keys.single(path, data)}.html`);
    post();
    await Promise.all(copies);
    const renderSingles = singles.some(([path]) => missing.has(path));
    const todo = slimSite({
      ...site,
      articlePages: site.articlePages.filter((page) => missing.has(page.path)),
      listingPages: site.listingPages.filter((page) => missing.has(page.path)),
      renderSingles,
    });
    const rendered = todo.articlePages.length + todo.listingPages.length + (renderSingles ? singles.length : 0);
    return {
      site: todo,
      json: site.articlePages.filter((page) => missing.has(page.jsonPath)),
      restored: site.articlePages.length + site.listingPages.length + singles.length - rendered,
    };
  }

  /**
   * The key of each article page of the build `restore` was given, by output file (relative to the output folder, `/`
   * separators): the page's bytes are fixed by it, whether copied from the cache or rendered. Article pages only: they
   * are the pages the search index reads, and the map is held until it is built (50,000 entries: about 10 MB).
   */
  get pageKeys(): ReadonlyMap<string, string> {
    return this.#pageKeys;
  }

  /**
   * Writes, in the background thread, the `article.json` files `restore` left to write, and stores them. Resolves
   * when the last of them is handed over; `finish` waits until they are written. The event loop has a turn after each
   * few hundred, so that a render worker that finishes a batch meanwhile is handed the next one at once.
   * @param pages the article pages whose JSON is missing, with full records; the list is taken over and emptied as
   *   their files are handed over, so that the full records are freed as the writing goes
   */
  async writeJson(pages: ArticlePage[]): Promise<void> {
    while (pages.length > 0) {
      const batch = new TextBatch();
      for (const page of pages.splice(0, WRITE_CHUNK)) {
        const file = outputFile(page.jsonPath);
        const name = this.#pending.get(file);
        batch.add(articleJson(page), this.#outputDir + file, name === undefined ? null : this.#entry(name));
      }
      await this.#write(batch);
      if (pages.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Stores, by hard link in the background thread, the pages of an Eleventy run that has written them (linking cache
   * only: a copying cache is handed each page by `pageRendered`); `finish` waits until they are stored.
   * @param batch the site data of the run
   */
  rendered(batch: SiteData): void {
    const jobs: StoreJob[] = [];
    const paths = [...batch.articlePages, ...batch.listingPages].map((page) => page.path);
    if (batch.renderSingles) paths.push(...singlePages(batch).map(([path]) => path));
    for (const path of paths) {
      const file = outputFile(path);
      const name = this.#pending.get(file);
      if (name !== undefined) jobs.push([this.#outputDir + file, this.#entry(name)]);
    }
    for (let at = 0; at < jobs.length; at += CHUNK) {
      const stored = this.#copier.store(jobs.slice(at, at + CHUNK));
      stored.catch(() => undefined);
      this.#stores.push(stored);
    }
  }

  /**
   * Stores a page Eleventy has rendered, if `restore` left it to render (called by the site plugin for each page of a
   * copying cache).
   * @param outputPath the file Eleventy writes it to
   * @param content the page
   */
  async pageRendered(outputPath: string, content: string): Promise<void> {
    const name = this.#pending.get(relative(this.#outputDir, resolve(outputPath)).split(sep).join("/"));
    if (name === undefined) return;
    this.#rendered.add(content, null, this.#entry(name));
    if (this.#rendered.size >= WRITE_CHUNK) await this.#flushRendered();
  }

  /** Waits for every entry to be stored, then prunes the cache when it has grown past twice what this build used. */
  async finish(): Promise<void> {
    await this.#flushRendered();
    if (this.#stores.length === 0) return;
    await Promise.all(this.#stores);
    this.#prune();
  }

  /** Ends the background thread. */
  async close(): Promise<void> {
    await this.#copier.close();
  }

  async #flushRendered(): Promise<void> {
    const batch = this.#rendered;
    this.#rendered = new TextBatch();
    if (batch.size > 0) await this.#write(batch);
  }

  /**
   * Hands a batch of texts to the background thread, once fewer than `WRITING` batches are waiting there: a build must
   * not hold all of its texts at once, even encoded.
   */
  async #write(batch: TextBatch): Promise<void> {
    while (this.#writing.size >= WRITING) await Promise.race(this.#writing);
    const written: Promise<void> = this.#copier.write(batch).finally(() => this.#writing.delete(written));
    // Failures are reported by `finish`, which waits for every write.
    written.catch(() => undefined);
    this.#writing.add(written);
    this.#stores.push(written);
  }

  // Paths by concatenation, not `join`: tens of thousands per build, of parts that need no normalising.
  #entry(name: string): string {
    return `${this.#dir}${sep}${name.slice(0, 2)}${sep}${name}`;
  }

  #output(sitePath: string): string {
    return this.#outputDir + outputFile(sitePath);
  }

  #entries(): { readonly name: string; readonly path: string }[] {
    if (!existsSync(this.#dir)) return [];
    return readdirSync(this.#dir, { withFileTypes: true })
      .filter((shard) => shard.isDirectory())
      .flatMap((shard) => readdirSync(join(this.#dir, shard.name)).map((name) => ({ name, path: join(this.#dir, shard.name, name) })));
  }

  /**
   * When the folder holds more than twice the entries this build used, deletes the ones it did not use, and the
   * temporary files of builds that stopped halfway.
   */
  #prune(): void {
    const entries = this.#entries();
    const used = new Set(this.#used);
    if (entries.filter(({ name }) => ENTRY.test(name)).length <= 2 * used.size) return;
    const now = Date.now();
    for (const { name, path } of entries) {
      if (ENTRY.test(name)) {
        if (!used.has(name)) rmSync(path, { force: true });
      } else if (now - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now) > STALE_TEMPORARY_MS) {
        rmSync(path, { force: true, recursive: true });
      }
    }
  }
}

/**
 * Gives every file of a folder that is a hard link (one file under several names) a copy of its own, so that writing
 * into it in place changes nothing outside the folder. For an output a linking build made (`linkPages`), before
 * something renders into it in place: `news-archive serve` when its own build failed and it serves the previous one.
 * @param dir the folder (nothing happens when it does not exist)
 * @returns how many files were copied
 */
export function unshareFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let copied = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    if (statSync(file).nlink < 2) continue;
    const temporary = `${file}.tmp-${process.pid}`;
    copyFileSync(file, temporary);
    renameSync(temporary, file);
    copied += 1;
  }
  return copied;
}

/** The one-off pages with the data each one prints (see templates/archive, topics, search, 404). */
function singlePages(site: SiteData): (readonly [path: string, data: unknown])[] {
  return [
    [site.archiveIndex.path, site.archiveIndex],
    [site.topicsIndex.path, site.topicsIndex],
    [site.search.path, site.search],
    [site.notFound.path, site.notFound],
  ];
}
