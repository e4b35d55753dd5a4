/**
 * The site kept live in memory for `news-archive serve`: when article files change, only those files are parsed
 * again, the archive and the page plan are recomputed from the records in memory (topic extraction hits its cache
 * for every unchanged article), and only the pages whose data changed are rendered, into the existing output folder.
 * Pages that no longer exist are deleted. The search index is not rebuilt while serving (it is rebuilt by `build`).
 */
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { buildArchive, listArticleFiles, loadRecords, VOCABULARY_FILE } from "../archive/index.ts";
import type { Archive } from "../archive/index.ts";
import { articleRecordSchema, parseArticle } from "../parse/index.ts";
import type { ArticleRecord } from "../parse/index.ts";
import { outputFile, planSite, siteOptions, sitePlugin, TEMPLATES_DIR } from "../site/index.ts";
import type { EleventyConfigApi, SiteData, SiteOptions } from "../site/index.ts";
import { directoryCache, loadVocabulary } from "../topics/index.ts";
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

  /** @param options articles folder, output folder, cache folder, site options */
  constructor(private readonly options: DevSiteOptions) {
    const memory = new Map<string, Parameters<ExtractionCache["set"]>[1]>();
    const disk = options.cacheDir === null ? null : directoryCache(join(options.cacheDir, "topics"));
    this.topicsCache = {
      get: (key) => memory.get(key) ?? disk?.get(key),
      set: (key, value) => {
        memory.set(key, value);
        disk?.set(key, value);
      },
    };
  }

  /**
   * Loads every article (through the parse cache) and plans the site.
   * @param renderAll render every page (default true); false when the output was just built from the same articles
   */
  async start(renderAll = true): Promise<DevUpdate> {
    const started = performance.now();
    const loaded = await loadRecords(this.options.input, { cacheDir: this.options.cacheDir });
    for (const record of loaded.records) this.records.set(record.file, record);
    if (renderAll) return this.refresh(started, performance.now(), null);
    this.current = planned_(await this.archive(), this.siteOptions());
    const end = performance.now();
    return { rendered: [], removed: [], errors: [], ms: { parse: 0, plan: end - started, render: 0, total: end - started } };
  }

  private siteOptions(): SiteOptions {
    return siteOptions({ pathPrefix: "/", ...this.options.site });
  }

  /**
   * Takes changed, added or deleted article files into account and renders what they change.
   * @param files paths of the changed files, as the watcher names them under the input folder
   */
  async update(files: readonly string[]): Promise<DevUpdate> {
    const started = performance.now();
    for (const file of new Set(files)) {
      if (!existsSync(file)) this.records.delete(file);
      else if (/\.(?:txt|md)$/iu.test(file) && (await listed(this.options.input, file))) this.records.set(file, await parseOne(file));
    }
    return this.refresh(started, performance.now(), this.current);
  }

  private async refresh(started: number, parsed: number, before: SiteData | null): Promise<DevUpdate> {
    const archive = await this.archive();
    const errors = archive.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.file}:${d.line}:${d.column}  error  ${d.message}  ${d.rule}`);
    const planned = planned_(archive, this.siteOptions());
    const planEnd = performance.now();
    if (errors.length > 0 && before !== null) {
      return { rendered: [], removed: [], errors, ms: { parse: parsed - started, plan: planEnd - parsed, render: 0, total: planEnd - started } };
    }
    const { subset, rendered, removed } = before === null ? everything(planned) : changes(before, planned);
    await Promise.all(removed.map((path) => rm(join(this.options.output, outputFile(path)), { force: true })));
    await render(subset, this.options.output);
    this.current = planned;
    const end = performance.now();
    return { rendered, removed, errors, ms: { parse: parsed - started, plan: planEnd - parsed, render: end - planEnd, total: end - started } };
  }

  private async archive(): Promise<Archive> {
    const path = join(this.options.input, VOCABULARY_FILE);
    const vocabulary = existsSync(path) ? loadVocabulary(await readFile(path, "utf8"), path) : null;
    const records = [...this.records.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return buildArchive(records, { vocabulary: vocabulary?.vocabulary, topicsCache: this.topicsCache, extraDiagnostics: vocabulary?.diagnostics ?? [] });
  }
}

function planned_(archive: Archive, options: SiteOptions): SiteData {
  return planSite(archive, options).site;
}

async function listed(input: string, file: string): Promise<boolean> {
  return (await listArticleFiles(input)).includes(file);
}

async function parseOne(file: string): Promise<ArticleRecord> {
  const record = parseArticle(await readFile(file), { path: file });
  return articleRecordSchema.parse(record);
}

function everything(site: SiteData): { subset: SiteData; rendered: string[]; removed: string[] } {
  return { subset: site, rendered: [...site.articlePages, ...site.listingPages, ...site.textFiles].map((p) => p.path), removed: [] };
}

/** The site with only the pages whose data changed (the four single pages are always rendered: they are cheap). */
function changes(before: SiteData, after: SiteData): { subset: SiteData; rendered: string[]; removed: string[] } {
  const rendered: string[] = [];
  const removed: string[] = [];
  const pick = <T extends Paged>(old: readonly T[], next: readonly T[], extra: (page: T) => string[] = () => []): T[] => {
    const previous = new Map(old.map((page) => [page.path, JSON.stringify(page)]));
    const kept = new Set(next.map((page) => page.path));
    for (const page of old) if (!kept.has(page.path)) removed.push(page.path, ...extra(page));
    return next.filter((page) => {
      const changed = previous.get(page.path) !== JSON.stringify(page);
      if (changed) rendered.push(page.path);
      return changed;
    });
  };
  const subset: SiteData = {
    ...after,
    articlePages: pick(before.articlePages, after.articlePages, (page) => [page.jsonPath]),
    listingPages: pick(before.listingPages, after.listingPages),
    textFiles: pick(before.textFiles, after.textFiles),
  };
  return { subset, rendered, removed };
}

interface EleventyConstructor {
  new (input: string, output: string, options: { quietMode: boolean; config: (c: EleventyConfigApi) => void }): { write(): Promise<unknown> };
}

async function render(site: SiteData, output: string): Promise<void> {
  // Eleventy ships no type declarations; the constructor is typed above.
  const specifier = "@11ty/eleventy";
  const { default: Eleventy } = (await import(specifier)) as { default: EleventyConstructor };
  const eleventy = new Eleventy(TEMPLATES_DIR, output, { quietMode: true, config: (config) => sitePlugin(config, { site: () => site }) });
  await eleventy.write();
}
