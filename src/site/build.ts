/**
 * The whole build: articles folder -> archive -> planned site -> Eleventy -> Pagefind, written into a temporary
 * folder beside the output and swapped in only when every step succeeded.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import { formatDiagnostic, loadArchive, type ArchiveDiagnostic } from "../archive/index.ts";
import { slimSite, writeArticleJson } from "./article-json.ts";
import { collectGarbage } from "./memory.ts";
import { PageCache } from "./page-cache.ts";
import { PUBLIC_DIR } from "./plugin.ts";
import { renderBatches, splitIntoBatches } from "./render-batches.ts";
import { replacedName, replacedSites } from "./replaced.ts";
import { RenderWorker } from "./render-worker.ts";
import { indexForSearch } from "./search-index.ts";
import type { SearchShard } from "./search-shards.ts";
import { planSite, siteOptions, type PlannedSite } from "./site-data.ts";
import { writeTextFiles } from "./text-files.ts";
import type { ArticlePage, SiteData } from "./types.ts";

/** Options of `buildSite`. */
export interface BuildOptions {
  /** The articles folder. */
  readonly input: string;
  /** The output folder (`_site`); replaced only when the build succeeds. */
  readonly output: string;
  /** Sub-path the site is served under (default config.pathPrefix). */
  readonly pathPrefix?: string;
  /** Origin the site is published at (default config.baseUrl). */
  readonly baseUrl?: string;
  /** Parse cache folder (default `.cache` in the working directory); null disables the cache. */
  readonly cacheDir?: string | null;
  /** Build the Pagefind search index (default true). */
  readonly search?: boolean;
  /** Pages per Eleventy run (default 12,000); the output is the same whatever the size. */
  readonly renderBatch?: number;
  /**
   * Hard-link pages between the page cache and the output instead of copying them (default true; falls back to
   * copies where linking fails, as across file systems). A linked output file IS the cache entry: writing into it in
   * place would change the cache for every later build. So it is only for an output that is replaced as a whole, never
   * written into: `news-archive build`. `news-archive serve` passes false, because it re-renders changed pages into
   * the folder it serves, in place.
   */
  readonly linkPages?: boolean;
  /**
   * Render on two threads, the main one and a render worker (default: when at least PARALLEL_RENDER_MIN pages are to
   * be rendered); the output is the same either way.
   */
  readonly parallelRender?: boolean;
}

/** What a build did, with every diagnostic and the time each step took (milliseconds). */
export interface BuildResult {
  readonly ok: boolean;
  readonly diagnostics: readonly ArchiveDiagnostic[];
  readonly articles: number;
  readonly files: number;
  readonly parsed: number;
  readonly cached: number;
  /** Pages and files written by Eleventy (HTML pages, feeds, sitemap), not counting each article's `article.json`. */
  readonly pages: number;
  /** HTML pages copied from the page cache instead of rendered (0 without a cache folder or when the build failed). */
  readonly pagesFromCache: number;
  readonly timings: Readonly<Record<"load" | "plan" | "render" | "search" | "total", number>>;
}

/** A program error of the build (not a problem in an article), keeping the original error as `cause`. */
export class SiteBuildError extends Error {
  override readonly name = "SiteBuildError";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The heap size after the load above which it is collected before planning: 400 MB. */
const LOAD_GARBAGE_MIN_BYTES = 400 * 1024 * 1024;

/**
 * Loads an articles folder and plans its site; the diagnostics say whether it may be published, `planMs` how long the
 * planning took (milliseconds).
 * @param input the articles folder
 * @param options prefix, base URL and cache folder
 */
export async function loadSite(input: string, options: Omit<BuildOptions, "input" | "output" | "search"> = {}): Promise<PlannedSite & { readonly files: number; readonly parsed: number; readonly cached: number; readonly planMs: number }> {
  const archive = await loadArchive(input, { cacheDir: cacheDirOf(options) });
  // Most of the heap is now the load's garbage (JSON from the workers and the caches): collected before planning
  // where it is large enough to count towards the build's peak (a cold 50,000-article load). A smaller one (a warm
  // 50,000-article build: 325 MB, half of it garbage; a cold 10,000: 223 MB) is left to V8, which marks concurrently
  // instead of stopping this thread for a quarter of a second.
  if (getHeapStatistics().used_heap_size > LOAD_GARBAGE_MIN_BYTES) collectGarbage();
  const planning = performance.now();
  const overrides = { ...(options.pathPrefix === undefined ? {} : { pathPrefix: options.pathPrefix }), ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }) };
  if (archive.errorCount > 0) {
    const site = planSite({ ...archive, articles: [], topics: [], byUrl: new Map(), byTopic: new Map(), byDate: new Map() }, siteOptions(overrides)).site;
    return { site, diagnostics: archive.diagnostics, files: archive.files, parsed: archive.parsed, cached: archive.cached, planMs: performance.now() - planning };
  }
  const planned = planSite(archive, siteOptions(overrides));
  return { site: planned.site, diagnostics: [...archive.diagnostics, ...planned.diagnostics], files: archive.files, parsed: archive.parsed, cached: archive.cached, planMs: performance.now() - planning };
}

/**
 * Builds the site. Never leaves a half-written output: on any error the previous output stays as it was.
 * @param options input and output folders, path prefix, cache folder
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const started = performance.now();
  const output = resolve(options.output);
  const temporary = join(dirname(output), `${basename(output)}.tmp-${process.pid}`);
  const { summary, hand, shards, planMs } = await prepare(options);
  // The load's time is everything before the render but planning (which loadSite times).
  const timings = { load: performance.now() - started - planMs, plan: planMs, render: 0, search: 0, total: 0 };
  if (hand === null) return { ...summary, ok: false, pages: 0, pagesFromCache: 0, timings: { ...timings, total: performance.now() - started } };
  await rm(temporary, { recursive: true, force: true });
  await discardReplaced(output);
  let pagesFromCache = 0;
  try {
    const beforeRender = performance.now();
    const rendered = await renderInBatches(hand, temporary, options.renderBatch ?? RENDER_BATCH, cacheDirOf(options), options.linkPages ?? true, options.parallelRender);
    pagesFromCache = rendered.restored;
    const afterRender = performance.now();
    timings.render = afterRender - beforeRender;
    if (options.search ?? true) await indexForSearch(temporary, shards, { cacheDir: cacheDirOf(options), ...(rendered.pageKeys === undefined ? {} : { pageKeys: rendered.pageKeys }) });
    timings.search = performance.now() - afterRender;
    await swapIn(temporary, output);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error instanceof SiteBuildError ? error : new SiteBuildError(`The site could not be built into ${options.output}: ${describe(error)}. The previous site was left as it was.`, { cause: error });
  }
  return { ...summary, ok: true, pagesFromCache, timings: { ...timings, total: performance.now() - started } };
}

/**
 * Loads and plans the site. Returns what the result reports, and a hand-over function giving the site data once:
 * nothing else keeps it, so the full records can be freed once the plugin has written the JSON files.
 */
async function prepare(options: BuildOptions): Promise<{ summary: Omit<BuildResult, "ok" | "timings" | "pagesFromCache">; hand: (() => SiteData) | null; shards: readonly SearchShard[]; planMs: number }> {
  const loaded = await loadSite(options.input, options);
  const { site } = loaded;
  const summary = {
    diagnostics: loaded.diagnostics,
    articles: site.articlePages.length,
    files: loaded.files,
    parsed: loaded.parsed,
    cached: loaded.cached,
    pages: site.articlePages.length + site.listingPages.length + site.textFiles.length + 4,
  };
  const { shards } = site.search;
  const { planMs } = loaded;
  if (loaded.diagnostics.some((d) => d.severity === "error")) return { summary, hand: null, shards, planMs };
  let pending: SiteData | null = site;
  const hand = (): SiteData => {
    const given = pending;
    pending = null;
    if (given === null) throw new SiteBuildError("The site data was asked for twice in one build; this is a bug in the site plugin.");
    return given;
  };
  return { summary, hand, shards, planMs };
}

/** The diagnostics of a result, one per line, and a count. */
export function formatDiagnostics(diagnostics: readonly ArchiveDiagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const lines = diagnostics.map(formatDiagnostic);
  lines.push(`${errors} ${errors === 1 ? "error" : "errors"}, ${diagnostics.length - errors} other ${diagnostics.length - errors === 1 ? "diagnostic" : "diagnostics"}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Pages per Eleventy run. Eleventy keeps every page it renders in memory until its run ends, so a large site is
 * rendered in several runs into the same folder; each run also costs about a second of start-up.
 */
const RENDER_BATCH = 12_000;

/**
 * Pages to render from which a build renders on two threads (the main thread and a render worker, each running
 * Eleventy over its own batches). The worker costs about a second and a half of start-up (the TypeScript loader and
 * Eleventy loaded again in the thread), so smaller renders stay in one thread.
 */
const PARALLEL_RENDER_MIN = 4_000;

/**
 * On two threads, runs are this many times smaller than RENDER_BATCH: both threads together hold half the pages one
 * run on one thread did, and the smaller batches share out more evenly between a thread that starts late (this one
 * writes the JSON files first) and one that starts early.
 */
const PARALLEL_RUN_DIVISOR = 4;

/**
 * Pages to render from which runs on two threads are smaller still (RENDER_BATCH / LARGE_RUN_DIVISOR): the planned site
 * the main thread holds grows with the archive, and the runs' pages come on top of it. At 50,000 articles (83,984
 * pages), runs of 2,000 pages instead of 3,000 kept the peak of a build without search at 1,358-1,372 MiB where it had
 * reached 1,430-1,464 MiB; at 10,000 articles (22,159 pages, below this) they had cost 8 % more render time.
 */
const LARGE_RENDER = 40_000;
const LARGE_RUN_DIVISOR = 6;

/**
 * Writes the text files and each article's JSON, frees the full records, and renders the pages in batches, on two
 * threads for a large render. With a cache folder, the pages and JSON files the page cache holds (see page-cache.ts)
 * are copied or linked from it in a background thread, only the others are written or rendered, and each is stored as
 * it is written (copying) or once its Eleventy run has written it (linking). Returns how many pages came from the cache,
 * and with a cache folder the key of each page (see `PageCache.pageKeys`).
 */
async function renderInBatches(
  hand: () => SiteData,
  outputDir: string,
  size: number,
  cacheDir: string | null,
  link: boolean,
  parallel: boolean | undefined,
): Promise<{ readonly restored: number; readonly pageKeys: ReadonlyMap<string, string> | undefined }> {
  const cache = cacheDir === null ? null : new PageCache(join(cacheDir, "pages"), { link });
  // Set by the split below (a type assertion: TypeScript does not see assignments in a callback).
  let worker = null as RenderWorker | null;
  try {
    // The pages to render are held by the batches alone (not by a whole site data kept here), which renderBatches lets
    // go one by one.
    const { batches, restored, takeJson } = await restoreFiles(hand, outputDir, cache, (todo) => {
      const pages = todo.articlePages.length + todo.listingPages.length;
      if (parallel ?? pages >= PARALLEL_RENDER_MIN) worker = new RenderWorker();
      if (worker === null) return splitIntoBatches(todo, size);
      return splitIntoBatches(todo, size / (pages >= LARGE_RENDER ? LARGE_RUN_DIVISOR : PARALLEL_RUN_DIVISOR), 2);
    });
    const runs = batches.length;
    await renderBatches(batches, outputDir, {
      worker,
      // The worker loads Eleventy and renders its first batch while this thread writes the JSON files.
      before: async () => {
        const pages = takeJson();
        if (cache === null) writeArticleJson(pages, outputDir);
        else await cache.writeJson(pages);
        // The full records and the load's garbage are gone: collected now, not counted alongside Eleventy's memory.
        collectGarbage();
      },
      ...(cache === null || cache.links ? {} : { onPage: (file, content) => cache.pageRendered(file, content) }),
      // Linked once written: the run's pages are on disk now; stored in the background while the next run renders.
      ...(cache?.links === true ? { onRendered: (batch) => cache.rendered(batch) } : {}),
    });
    // The first Eleventy run copies the static files; with every page from the cache, none ran.
    if (runs === 0) cpSync(PUBLIC_DIR, outputDir, { recursive: true });
    await cache?.finish();
    return { restored, pageKeys: cache?.pageKeys };
  } finally {
    await worker?.close();
    await cache?.close();
  }
}

/**
 * Writes the text files, copies what the page cache holds, and returns the render batches `split` makes of the site
 * data the templates need (with only the pages to render, and no text files: they are written), and a function giving
 * once the article pages whose JSON is still to write (with their full records), which nothing else keeps.
 */
async function restoreFiles(hand: () => SiteData, outputDir: string, cache: PageCache | null, split: (todo: SiteData) => SiteData[]): Promise<{ batches: SiteData[]; restored: number; takeJson: () => ArticlePage[] }> {
  const full = hand();
  const restoring = cache?.restore(full, outputDir);
  // Awaited below; until then, a failure must not count as unhandled if writing the text files fails first.
  restoring?.catch(() => undefined);
  writeTextFiles(full.textFiles, outputDir);
  const { site: todo, json, restored } = (await restoring) ?? { site: slimSite(full), json: full.articlePages, restored: 0 };
  let pending: readonly ArticlePage[] = json;
  // A list of the caller's own, which writeJson empties as it goes.
  const takeJson = (): ArticlePage[] => {
    const given = Array.from(pending);
    pending = [];
    return given;
  };
  return { batches: split({ ...todo, textFiles: [] }), restored, takeJson };
}

/**
 * Replaces the output folder by the finished build: two renames, so the old site is never half-replaced. The old site,
 * renamed aside, is then removed in the background (see `discard`): the new one is in place as soon as it is renamed.
 */
async function swapIn(temporary: string, output: string): Promise<void> {
  const old = replacedName(output);
  const hadOutput = existsSync(output);
  if (hadOutput) await rename(output, old);
  try {
    await rename(temporary, output);
  } catch (error) {
    if (hadOutput) await rename(old, output);
    throw error;
  }
  if (hadOutput) discard(old);
}

/**
 * Starts removing the replaced sites that earlier builds left beside the output: one whose removal was cut short (the
 * machine stopped, the remover was killed), or is still running (removing a folder twice is harmless).
 * @param output the output folder
 */
async function discardReplaced(output: string): Promise<void> {
  for (const dir of await replacedSites(output)) discard(dir);
}

/**
 * Removes a folder tree without waiting for it. A replaced site is tens of thousands of folders: removing 50,000
 * articles' worth takes about 2 s, which the build would otherwise spend idle after its site is in place. The system's
 * `rm -rf` does it in a detached process that may outlive the build (and removes 10,000 articles' worth in 0.9 s where
 * Node's recursive `rm` takes 2.5 s); without one, Node's own runs in this process, which then exits when it is done.
 */
function discard(dir: string): void {
  const fallback = (): void => {
    rm(dir, { recursive: true, force: true }).catch((error: unknown) => process.emitWarning(`${dir} could not be removed: ${describe(error)}`));
  };
  if (process.platform === "win32") return fallback();
  const child = spawn("rm", ["-rf", "--", dir], { detached: true, stdio: "ignore" });
  child.on("error", fallback);
  child.unref();
}

/** The build's cache folder: the one given, `.cache` in the working directory by default, or null for none. */
function cacheDirOf(options: { readonly cacheDir?: string | null }): string | null {
  return options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
}

const DEFAULT_CACHE_DIR = ".cache";

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
