/**
 * Runs the project's real site build into a fresh temporary folder, for tests that check the whole built site.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The project's root folder. */
export const projectRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Options the site layer's `buildSite` takes. */
export interface BuildSiteOptions {
  input: string;
  output: string;
  pathPrefix?: string;
  cacheDir?: string;
}

type BuildSite = (options: BuildSiteOptions) => Promise<unknown>;

/** A finished build in a temporary folder. */
export interface TempBuild {
  /** Folder holding the built site. */
  readonly dir: string;
  /** Path prefix it was built for (`/` or `/pr-42/`). */
  readonly pathPrefix: string;
  /** What `buildSite` returned. */
  readonly result: unknown;
  /** Removes the temporary folder. */
  remove(): Promise<void>;
}

// Where the site helper exposes `buildSite`; looked up at run time so these tests compile before it lands.
const CANDIDATES = ["src/site/index.ts", "src/cli/build.ts"];

/** Finds the project's `buildSite`, or throws saying where it was looked for. */
export async function loadBuildSite(): Promise<BuildSite> {
  for (const candidate of CANDIDATES) {
    const file = path.join(projectRoot, candidate);
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as { buildSite?: unknown };
    if (typeof mod.buildSite === "function") return mod.buildSite as BuildSite;
  }
  throw new Error(`No buildSite export found in ${CANDIDATES.join(" or ")}: the site build has not landed yet.`);
}

/**
 * Builds the demo archive (`articles/`) into a new temporary folder.
 * @param pathPrefix sub-path the site is built for (default `/`)
 */
export async function buildDemoSite(pathPrefix = "/"): Promise<TempBuild> {
  const buildSite = await loadBuildSite();
  const base = await mkdtemp(path.join(os.tmpdir(), "news-archive-test-"));
  const dir = path.join(base, "site");
  const options: BuildSiteOptions = {
    input: path.join(projectRoot, "articles"),
    output: dir,
    cacheDir: path.join(base, "cache"),
  };
  if (pathPrefix !== "/") options.pathPrefix = pathPrefix;
  const result = await buildSite(options);
  if (!existsSync(path.join(dir, "index.html"))) {
    throw new Error(`The build into ${dir} finished without an index.html; buildSite returned ${JSON.stringify(result)}`);
  }
  return { dir, pathPrefix, result, remove: () => rm(base, { recursive: true, force: true }) };
}
