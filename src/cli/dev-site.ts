/**
 * The site kept live in memory for `news-archive serve`. When article files change, only those files are parsed
 * again (through the parse cache at start), in two steps:
 * - `update`, at once: the changed articles' own pages are planned alone and rendered, with the neighbours, related
 *   articles and topic links of the current plan (what only the whole archive knows);
 * - `settle`, afterwards: the archive (topics) and the page plan are recomputed from the records in memory (topic
 *   extraction hits its cache for every unchanged article), and only the pages whose data changed are rendered, into
 *   the existing output folder; pages that no longer exist are deleted.
 * The search index is not rebuilt while serving (`build` does it).
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { buildArchive, loadRecords, VOCABULARY_FILE } from "../archive/index.ts";
import type { Archive } from "../archive/index.ts";
import { articleRecordSchema, parseArticle } from "../parse/index.ts";
import type { ArticleRecord } from "../parse/index.ts";
import { ELEVENTY_TEMPLATES } from "../runtime.ts";
import { outputFile, PageKeys, planSite, siteOptions, sitePlugin } from "../site/index.ts";
import type { ArticlePage, EleventyConfigApi, SiteData, SiteOptions } from "../site/index.ts";
import { loadVocabulary } from "../topics/index.ts";
import type { ExtractionCache } from "../topics/index.ts";

/** What one update did, with its time in milliseconds. */
export interface DevUpdate {
  /** Site paths rendered again. */
  readonly rendered: readonly string[];
  /** Site paths whose files were deleted. */
  readonly removed: readonly string[];
  /** Error diagnostics, formatted; while there are any, the previous pages stay. */
  readonly errors: readonly string[];
  readonly ms: { readonly parse: number; readonly plan: number; readonly render: number; readonly total: number };
}

/** Options of `DevSite`. */
export interface DevSiteOptions {
  readonly input: string;
  readonly output: string;
  readonly cacheDir: string | null;
  /** Site options (default: the config's, with the local prefix `/`). */
  readonly site?: Partial<SiteOptions>;
}

type Paged = { readonly path: string };

/** An archive site served while it is edited. */
export class DevSite {
  private readonly records = new Map<string, ArticleRecord>();
  private readonly topicsCache: ExtractionCache;
  private current: SiteData | null = null;
  /** Each planned page's path and a hash of its data, to find the pages a new plan changes. */
  private fingerprints = new Map<string, string>();
  private pagesByPath = new Map<string, ArticlePage>();

  /** @param options articles folder, output folder, cache folder, site options */
  constructor(private readonly options: DevSiteOptions) {
    // Extraction results in memory: filled by `start` (which plans the whole archive once), so a settle step only
    // extracts the articles that changed.
    this.topicsCache = new Map<string, Parameters<ExtractionCache["set"]>[1]>();
  }

  /**
   * Loads every article (through the parse cache) and plans the site.
   * @param renderAll render every page (default true); false when the output was just built from the same articles
   */
  async start(renderAll = true): Promise<DevUpdate> {
    const started = performance.now();
    const loaded = await loadRecords(this.options.input, { cacheDir: this.options.cacheDir });
    for (const record of loaded.records) this.records.set(record.file, record);
    const parsed = performance.now();
    if (renderAll) return this.settle(started, parsed);
    this.adopt(planSite(await this.archive(), this.siteOptions()).site);
    const end = performance.now();
    return { rendered: [], removed: [], errors: [], ms: { parse: parsed - started, plan: end - parsed, render: 0, total: end - started } };
  }

  /**
   * The fast step after files change: parses only those files and renders the changed articles' own pages at once,
   * with the neighbours, related articles and topic links of the current plan. Call `settle` afterwards to bring
   * every other page (listings, feeds, neighbours) up to date.
   * @param files paths of the changed, added or deleted files, as the watcher names them under the input folder
   */
  async update(files: readonly string[]): Promise<DevUpdate> {
    const started = performance.now();
    const changed: ArticleRecord[] = [];
    const removed: string[] = [];
    for (const file of new Set(files)) {
      const old = this.records.get(file);
      if (!existsSync(file)) {
        this.records.delete(file);
        if (old?.url !== null && old?.url !== undefined) removed.push(old.url, `${old.url}article.json`);
      } else if (/\.(?:txt|md)$/iu.test(file) && isArticleFile(this.options.input, file)) {
        const record = await parseOne(file);
        this.records.set(file, record);
        changed.push(record);
      }
    }
    const parsed = performance.now();
    const errors = changed.flatMap((record) => record.diagnostics.filter((d) => d.severity === "error").map((d) => `${record.file}:${d.line}:${d.column}  error  ${d.message}  ${d.rule}`));
    const publishable = changed.filter((record) => !record.draft && record.url !== null && !record.diagnostics.some((d) => d.severity === "error"));
    const pages = publishable.length === 0 ? [] : planSite(buildArchive(publishable, { topicsCache: this.topicsCache }), this.siteOptions()).site.articlePages.map((page) => this.withNeighbours(page));
    const planEnd = performance.now();
    await Promise.all(removed.map((path) => rm(join(this.options.output, outputFile(path)), { force: true })));
    if (pages.length > 0 && this.current !== null) {
      await render({ ...this.current, articlePages: pages, listingPages: [], textFiles: [] }, this.options.output);
    }
    const end = performance.now();
    return { rendered: pages.map((page) => page.path), removed, errors, ms: { parse: parsed - started, plan: planEnd - parsed, render: end - planEnd, total: end - started } };
  }

  /**
   * Recomputes the archive (topics) and the plan from the records in memory and renders every page whose data
   * changed; deletes the pages that are gone. With errors in the archive, nothing is rendered.
   */
  async settle(started = performance.now(), parsed = started): Promise<DevUpdate> {
    const archive = await this.archive();
    const errors = archive.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}:${d.column}  error  ${d.message}  ${d.rule}`);
    const planned = planSite(archive, this.siteOptions()).site;
    if (errors.length > 0 && this.current !== null) {
      const failed = performance.now();
      return { rendered: [], removed: [], errors, ms: { parse: parsed - started, plan: failed - parsed, render: 0, total: failed - started } };
    }
    const before = this.fingerprints;
    this.adopt(planned);
    const planEnd = performance.now();
    const fresh = <T extends Paged>(pages: readonly T[]): T[] => (before.size === 0 ? [...pages] : pages.filter((page) => before.get(page.path) !== this.fingerprints.get(page.path)));
    const subset: SiteData = { ...planned, articlePages: fresh(planned.articlePages), listingPages: fresh(planned.listingPages), textFiles: fresh(planned.textFiles) };
    const removed = [...before.keys()].filter((path) => !this.fingerprints.has(path));
    for (const path of removed) if (path.endsWith("/") && before.has(`${path}article.json`)) removed.push(`${path}article.json`);
    await Promise.all(removed.map((path) => rm(join(this.options.output, outputFile(path)), { force: true })));
    await render(subset, this.options.output);
    const end = performance.now();
    const rendered = [...subset.articlePages, ...subset.listingPages, ...subset.textFiles].map((page) => page.path);
    return { rendered, removed, errors, ms: { parse: parsed - started, plan: planEnd - parsed, render: end - planEnd, total: end - started } };
  }

  private adopt(site: SiteData): void {
    this.current = site;
    this.fingerprints = new Map();
    // The page cache's keys: they cover all a page prints, and an article's is made from its parse key and topics
    // where it has one, so a settle step reads no article's body (a record from the parse cache reads it from disk).
    const keys = new PageKeys(site);
    for (const page of site.articlePages) this.fingerprints.set(page.path, keys.article(page).page);
    for (const page of site.listingPages) this.fingerprints.set(page.path, keys.listing(page));
    for (const page of site.textFiles) this.fingerprints.set(page.path, fingerprint(page));
    for (const page of site.articlePages) this.fingerprints.set(page.jsonPath, "");
    this.pagesByPath = new Map(site.articlePages.map((page) => [page.path, page]));
  }

  /** An article page planned alone, with what only the whole archive knows taken from the current plan. */
  private withNeighbours(page: ArticlePage): ArticlePage {
    const old = this.pagesByPath.get(page.path);
    if (old === undefined) return page;
    const sameTopics = old.topics.map((t) => t.name).join("\0") === page.topics.map((t) => t.name).join("\0");
    return { ...page, previous: old.previous, next: old.next, related: old.related, topics: sameTopics ? old.topics : page.topics };
  }

  private siteOptions(): SiteOptions {
    return siteOptions({ pathPrefix: "/", ...this.options.site });
  }

  private async archive(): Promise<Archive> {
    const path = join(this.options.input, VOCABULARY_FILE);
    const vocabulary = existsSync(path) ? loadVocabulary(await readFile(path, "utf8"), path) : null;
    const records = [...this.records.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return buildArchive(records, { vocabulary: vocabulary?.vocabulary, topicsCache: this.topicsCache, extraDiagnostics: vocabulary?.diagnostics ?? [] });
  }
}

function fingerprint(page: object): string {
  return createHash("sha1").update(JSON.stringify(page)).digest("base64");
}

/** The rule of `listArticleFiles`, for one path: no dot or underscore folder or file, no README.md. */
function isArticleFile(input: string, file: string): boolean {
  const parts = relative(input, file).split(sep);
  return parts[0] !== ".." && !parts.some((part) => part.startsWith(".") || part.startsWith("_")) && !/^readme\.md$/iu.test(parts.at(-1) ?? "");
}

async function parseOne(file: string): Promise<ArticleRecord> {
  const record = parseArticle(await readFile(file), { path: file });
  return articleRecordSchema.parse(record);
}

interface EleventyConstructor {
  new (input: string, output: string, options: { quietMode: boolean; config: (c: EleventyConfigApi) => void }): { write(): Promise<unknown> };
}

async function render(site: SiteData, output: string): Promise<void> {
  // Eleventy ships no type declarations; the constructor is typed above.
  const specifier = "@11ty/eleventy";
  const { default: Eleventy } = (await import(specifier)) as { default: EleventyConstructor };
  const eleventy = new Eleventy(ELEVENTY_TEMPLATES, output, { quietMode: true, config: (config) => sitePlugin(config, { site: () => site }) });
  await eleventy.write();
}
