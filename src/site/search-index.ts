/** The Pagefind search index of a built site (articles only: they carry `data-pagefind-body`). */
import { execFile } from "node:child_process";
import { availableParallelism } from "node:os";
import { copyFileSync, linkSync, mkdirSync, rmSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { config } from "../config.ts";
import { collectGarbage } from "./memory.ts";
import { bundleKey, cachedBundle, globFiles, linkBundle, PartMemo, pruneBundles, stagingDir, storeBundle } from "./search-cache.ts";
import type { SearchShard } from "./search-shards.ts";

const exec = promisify(execFile);

/** Options of `indexForSearch`. */
export interface SearchIndexOptions {
  /** The build's cache folder, where each bundle is kept under a hash of its pages; null (the default): no cache. */
  readonly cacheDir?: string | null;
  /** Most Pagefind processes at once (default: the number of cores, at most 2), within `memoryMb`. */
  readonly processes?: number;
  /** Memory the Pagefind processes may hold together, in MB (default `config.searchIndexMemoryMb`). */
  readonly memoryMb?: number;
  /**
   * The page cache's key of each page of the site, by path relative to it (see `PageCache.pageKeys`): a page's bytes
   * are fixed by its key, so a page with one is not looked at to know whether its searchable part changed.
   */
  readonly pageKeys?: ReadonlyMap<string, string>;
}

/** Which bundles were indexed by Pagefind and which were taken from the cache, by shard id. */
export interface SearchIndexResult {
  readonly built: readonly string[];
  readonly reused: readonly string[];
}

/**
 * Indexes the article pages of a built site, one bundle per shard into `pagefind/<shard id>/`. Runs offline.
 * Each bundle is built by its own Pagefind process, so memory is bounded by the largest shards running at once; a
 * bundle whose pages' searchable parts did not change since a build with the same cache folder is linked from there.
 * @param site the built site
 * @param shards the bundles to build (from `planSearchShards`)
 * @param options cache folder (default none), processes (default the cores, at most 2), memory (default from config)
 */
export async function indexForSearch(site: string, shards: readonly SearchShard[], options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  // Absolute: Pagefind runs in the folder it writes to.
  const siteDir = resolve(site);
  const cacheDir = options.cacheDir === undefined || options.cacheDir === null ? null : resolve(options.cacheDir);
  const pagefind = await pagefindCommand();
  // The render's garbage is collected before the first Pagefind process starts, so it does not count alongside
  // Pagefind's memory; a build whose bundles all come from the cache starts none, and does not wait for a collection.
  const memory = new MemoryGate(options.memoryMb ?? config.searchIndexMemoryMb, collectGarbage);
  const processes = Math.max(1, options.processes ?? Math.min(2, availableParallelism()));
  const built: string[] = [];
  const reused: string[] = [];
  const used = new Set<string>();
  const queue = [...shards];
  // Pages linked from the page cache keep their files' stamps between builds: their searchable parts are not read again.
  const parts = cacheDir === null ? undefined : new PartMemo(cacheDir);
  // At least two workers: one hashes and links cached bundles while the other waits on Pagefind.
  const workers = Array.from({ length: Math.max(2, processes) }, async () => {
    for (let shard = queue.shift(); shard !== undefined; shard = queue.shift()) {
      const target = join(siteDir, "pagefind", shard.id);
      if (cacheDir === null) {
        await memory.run(estimateMb(shard), processes, () => runPagefind(pagefind, siteDir, shard.glob, target));
        built.push(shard.id);
        continue;
      }
      const { key } = bundleKey(siteDir, shard.glob, pagefind.salt, parts, options.pageKeys);
      used.add(key);
      const cached = await cachedBundle(cacheDir, key);
      if (cached !== null && (await reuse(cached, target))) {
        reused.push(shard.id);
        continue;
      }
      const staging = stagingDir(cacheDir, key);
      await memory.run(estimateMb(shard), processes, () => runPagefind(pagefind, siteDir, shard.glob, staging));
      await linkTree(await storeBundle(cacheDir, key, staging), target);
      built.push(shard.id);
    }
  });
  await Promise.all(workers);
  parts?.save();
  if (cacheDir !== null) await pruneBundles(cacheDir, used, shards.length);
  const order = (ids: string[]): string[] => shards.map((s) => s.id).filter((id) => ids.includes(id));
  return { built: order(built), reused: order(reused) };
}

/** Links a cached bundle into the site; false when it vanished meanwhile (pruned by another build sharing the cache). */
async function reuse(cached: string, target: string): Promise<boolean> {
  try {
    await linkTree(cached, target);
    return true;
  } catch {
    rmSync(target, { recursive: true, force: true });
    return false;
  }
}

/**
 * `linkBundle` through the system's `cp -al` where there is one (GNU coreutils), in a child process: a bundle is a file
 * per page, and the other shards' keys are made meanwhile (linking 2,674 files took 30 ms so against 50-75 ms in this
 * thread). Where it fails (no such option, another file system), `linkBundle` links or copies them here.
 * @param from the cached bundle
 * @param target where it goes in the site (not there yet)
 */
async function linkTree(from: string, target: string): Promise<void> {
  if (process.platform !== "win32") {
    try {
      // Into a folder that is not there: `cp` would put the copy inside one that is.
      await rm(target, { recursive: true, force: true });
      await mkdir(dirname(target), { recursive: true });
      await exec("cp", ["-al", "--", from, target]);
      return;
    } catch {
      await rm(target, { recursive: true, force: true });
    }
  }
  linkBundle(from, target);
}

/**
 * Pagefind's memory while indexing a bundle, in MB: measured at 0.23–0.26 MB per article page of the demo corpus
 * (614 MB for 2,596 pages, 150 MB for 524), plus the process itself.
 */
export function estimateMb(shard: Pick<SearchShard, "articles">): number {
  return 30 + shard.articles * 0.25;
}

interface PagefindCommand {
  readonly binary: string;
  /** The binary's version and the arguments every bundle is built with: part of each bundle's cache key. */
  readonly salt: string;
}

const ARGS = ["--silent"];

let commandPromise: Promise<PagefindCommand> | undefined;

/** Pagefind's binary, as the `pagefind` package finds it (its own environment variable first), and its version. */
function pagefindCommand(): Promise<PagefindCommand> {
  commandPromise ??= (async () => {
    const binary = process.env["PAGEFIND_BINARY_PATH"] ?? resolveBinary();
    const { stdout } = await exec(binary, ["--version"], { env: pagefindEnv() });
    return { binary, salt: `${stdout.trim()}\0${ARGS.join("\0")}` };
  })();
  return commandPromise;
}

function resolveBinary(): string {
  const require = createRequire(import.meta.resolve("pagefind"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const suffix = process.platform === "win32" ? ".exe" : "";
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${suffix}`);
    } catch {
      // Try the next name.
    }
  }
  throw new Error(`Pagefind has no binary for ${platform}-${process.arch} installed. Reinstall the dependencies (npm ci) on this machine.`);
}

/** The environment without Pagefind's own variables, which would change the index without changing its key. */
function pagefindEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("PAGEFIND_")));
}

/**
 * Builds one bundle with a fresh Pagefind process into `output` (emptied first). It runs in `output`, so no
 * `pagefind.yml` of the working folder reaches it.
 *
 * Pagefind numbers pages in the order it finds their files, which is the file system's listing order: on tmpfs that
 * is the order the files were created in, which follows the render threads' timing, so two builds of the same site
 * gave different bytes. It is given a copy of the bundle's pages instead (hard links, beside the site), created in
 * sorted path order, whose listing order is the same in every build.
 */
async function runPagefind(pagefind: PagefindCommand, siteDir: string, glob: string, output: string): Promise<void> {
  await rm(output, { recursive: true, force: true });
  await mkdir(output, { recursive: true });
  const pages = `${siteDir}.search-${basename(output)}`;
  try {
    stagePages(siteDir, glob, pages);
    await exec(pagefind.binary, ["--site", pages, "--glob", glob, "--output-path", output, ...ARGS], { cwd: output, env: pagefindEnv(), maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? "";
    throw new Error(`Pagefind could not index ${glob}: ${stderr.trim() || (error as Error).message}`, { cause: error });
  } finally {
    await rm(pages, { recursive: true, force: true });
  }
}

/**
 * Links the pages a glob matches under `siteDir` into `target` (emptied first) at the same relative paths, folders
 * and files created in sorted path order; a page that cannot be linked (another file system) is copied.
 */
export function stagePages(siteDir: string, glob: string, target: string): number {
  rmSync(target, { recursive: true, force: true });
  const made = new Set<string>();
  let staged = 0;
  for (const path of globFiles(siteDir, glob)) {
    const from = join(siteDir, path);
    const to = join(target, path);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(from, to);
    } catch (error) {
      // The glob's last segment is not checked for existence: a folder without the page is skipped.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      copyFileSync(from, to);
    }
    staged += 1;
  }
  mkdirSync(target, { recursive: true });
  return staged;
}

/**
 * Lets tasks run while their estimated memory fits the budget together (one always runs), and at most `limit` at once;
 * `beforeFirst` runs once, before the first task.
 */
class MemoryGate {
  private usedMb = 0;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private started = false;

  constructor(
    private readonly budgetMb: number,
    private readonly beforeFirst: () => void,
  ) {}

  async run<T>(mb: number, limit: number, task: () => Promise<T>): Promise<T> {
    if (!this.started) {
      this.started = true;
      this.beforeFirst();
    }
    while (this.running > 0 && (this.running >= limit || this.usedMb + mb > this.budgetMb)) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.usedMb += mb;
    this.running += 1;
    try {
      return await task();
    } finally {
      this.usedMb -= mb;
      this.running -= 1;
      for (const wake of this.waiting.splice(0)) wake();
    }
  }
}
