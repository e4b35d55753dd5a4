// Compiles the TypeScript sources (src/, templates/) into plain JavaScript that Node loads without the tsx loader, once
// per version of the sources, and says where.
//
// Why: through tsx, each thread that loads TypeScript registers the loader, which then resolves and reads every module
// through a thread of its own. A build starts three such threads (two parse workers, one render worker) besides the
// main one: two parse workers took 1.4-1.8 CPU-seconds to start that way against 0.6 compiled, and 0.8-1.0 s against
// 0.35 s before they could parse.
//
// The folder is node_modules/.cache/news-archive/code/<project>/<stamp>/. The project part is a hash of the project's
// folder: copies of the project sharing one node_modules (as the tests make) each keep their own. The stamp is a hash of
// every source file's path, size and modification time (with this file's, esbuild's and Node's versions), so an edited
// source is compiled again at the next command. Each compilation writes into a folder of its own and renames it into
// place, so commands started at once (tests) never see half a compilation; then it removes the project's earlier
// compilations but the last few, and those of projects whose folder no longer exists. When anything fails, the caller
// runs the sources through tsx.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The folders compiled, relative to the project. */
const SOURCES = ["src", "templates"];
/** Modules loaded as entry points: the command line, the two kinds of worker, the site's API (for the benchmark) and each template. */
const ENTRIES = ["src/cli/index.ts", "src/archive/parse-worker.ts", "src/site/render-worker.ts", "src/site/index.ts"];
/** The module whose `COMPILED_ROOT` is set to the compiled folder (see src/runtime.ts). */
const RUNTIME = "src/runtime.ts";
const RUNTIME_DECLARATION = "export const COMPILED_ROOT: string | null = null;";
/** Compiled folders kept besides the current one (a command still running may use one). */
const KEEP = 3;

/** The file in a project's folder of compilations that names the project. */
const PROJECT_FILE = "project";

/**
 * The folder compiled code is kept in by default, for every project that uses this node_modules.
 * @returns {string}
 */
export function defaultCacheDir() {
  return path.join(PROJECT, "node_modules", ".cache", "news-archive", "code");
}

/**
 * The sources' files (relative paths, sorted) with their stamps.
 * @param {string} project the project's folder
 * @returns {{ file: string, size: number, mtimeMs: number }[]}
 */
function sourceFiles(project) {
  /** @type {{ file: string, size: number, mtimeMs: number }[]} */
  const files = [];
  for (const folder of SOURCES) {
    for (const entry of readdirSync(path.join(project, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      const stat = statSync(full);
      files.push({ file: path.relative(project, full), size: stat.size, mtimeMs: stat.mtimeMs });
    }
  }
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * The stamp of a project's sources as they are now (see the top of this file).
 * @param {string} esbuildVersion
 * @param {string} [project] the project's folder (default this one)
 * @returns {string}
 */
export function sourceStamp(esbuildVersion, project = PROJECT) {
  const hash = createHash("sha256").update(`${esbuildVersion}\0${process.versions.node}\0`);
  const own = statSync(fileURLToPath(import.meta.url));
  const tsconfig = statSync(path.join(project, "tsconfig.json"));
  hash.update(`${own.size}\0${own.mtimeMs}\0${tsconfig.size}\0${tsconfig.mtimeMs}\0`);
  for (const { file, size, mtimeMs } of sourceFiles(project)) hash.update(`${file}\0${size}\0${mtimeMs}\0`);
  return hash.digest("hex").slice(0, 24);
}

/**
 * The URL (ending in `/`) of the folder holding the compiled code of the sources as they are now, compiled first when
 * it is not there yet; null when it cannot be had (esbuild missing, a source it cannot compile, a folder it cannot
 * write): then run the sources through tsx, which reports a source's error itself.
 * @param {string} [cacheDir] where compiled folders are kept (default `defaultCacheDir()`)
 * @returns {Promise<string | null>}
 */
export async function compiledRoot(cacheDir = defaultCacheDir()) {
  try {
    const require = createRequire(import.meta.url);
    const esbuildVersion = /** @type {{ version: string }} */ (require("esbuild/package.json")).version;
    const projectDir = path.join(cacheDir, createHash("sha256").update(PROJECT).digest("hex").slice(0, 16));
    const folder = path.join(projectDir, sourceStamp(esbuildVersion));
    const url = `${pathToFileURL(folder).href}/`;
    if (existsSync(path.join(folder, "src", "cli", "index.js"))) return url;
    await compile(folder, url);
    writeFileSync(path.join(projectDir, PROJECT_FILE), PROJECT);
    prune(cacheDir, projectDir, folder);
    return url;
  } catch {
    return null;
  }
}

/**
 * Imports a source module as the command runs it: its compiled file when the sources can be compiled, else the source
 * through tsx. Then packages are loaded before the tsx loader is registered: a module loaded once it is registered is
 * resolved and read through the loader's own thread. That cost Eleventy's few hundred files about half a second of CPU,
 * and zod's hundred (the record schema, which every command that reads articles loads) 0.2 s; the sources then find them
 * loaded. Eleventy only when asked (the commands that render); the others are those src/preload.json lists, which the
 * parse workers load first too.
 * @param {string} source the module's path in the project, e.g. `src/cli/index.ts`
 * @param {{ eleventy: boolean, cacheDir?: string }} options `cacheDir` as for `compiledRoot`
 * @returns {Promise<Record<string, unknown>>}
 */
export async function importSource(source, options) {
  const compiled = await compiledRoot(options.cacheDir);
  if (compiled !== null) return import(new URL(source.replace(/\.ts$/u, ".js"), compiled).href);
  if (options.eleventy) await import("@11ty/eleventy");
  const preload = /** @type {string[]} */ (JSON.parse(readFileSync(path.join(PROJECT, "src", "preload.json"), "utf8")));
  await Promise.all(preload.map((name) => import(name)));
  const { register } = await import("tsx/esm/api");
  register();
  return import(pathToFileURL(path.join(PROJECT, source)).href);
}

/**
 * Compiles the sources into `folder`, through a folder of its own renamed into place.
 * @param {string} folder
 * @param {string} url the folder's URL, which the compiled src/runtime.ts holds
 */
async function compile(folder, url) {
  const { build } = await import("esbuild");
  const work = `${folder}.${process.pid}.${Date.now()}.tmp`;
  mkdirSync(path.dirname(folder), { recursive: true });
  const templates = readdirSync(path.join(PROJECT, "templates")).filter((name) => name.endsWith(".11ty.ts")).map((name) => `templates/${name}`);
  try {
    await build({
      absWorkingDir: PROJECT,
      entryPoints: [...ENTRIES, ...templates],
      outbase: PROJECT,
      outdir: work,
      entryNames: "[dir]/[name]",
      chunkNames: "chunks/[name]-[hash]",
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      sourcemap: true,
      logLevel: "silent",
      plugins: [{
        name: "keep-source-urls",
        setup(plugin) {
          // Each module keeps its source's URL as `import.meta.url`: the code finds its data files, the folders it
          // fingerprints and its packages from there, as it does when run from the sources.
          plugin.onLoad({ filter: /\.ts$/ }, (args) => {
            let contents = readFileSync(args.path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href));
            if (path.relative(PROJECT, args.path) === RUNTIME) {
              if (!contents.includes(RUNTIME_DECLARATION)) throw new Error(`${RUNTIME} no longer declares ${RUNTIME_DECLARATION}`);
              contents = contents.replace(RUNTIME_DECLARATION, `export const COMPILED_ROOT: string | null = ${JSON.stringify(url)};`);
            }
            return { contents, loader: "ts" };
          });
        },
      }],
    });
    try {
      renameSync(work, folder);
    } catch (error) {
      // Another command compiled the same sources meanwhile: its folder is as good.
      if (!existsSync(path.join(folder, "src", "cli", "index.js"))) throw error;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Removes the project's compiled folders but the current one and the `KEEP` newest others (and unfinished ones over an
 * hour old), and the folders of projects that no longer exist.
 * @param {string} cacheDir the folder of every project's compilations
 * @param {string} projectDir this project's
 * @param {string} current the compilation in use
 */
export function prune(cacheDir, projectDir, current) {
  const now = Date.now();
  const others = readdirSync(projectDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(projectDir, entry.name))
    .filter((folder) => folder !== current)
    .map((folder) => ({ folder, mtimeMs: statSync(folder).mtimeMs }));
  const finished = others.filter(({ folder }) => !folder.endsWith(".tmp")).sort((a, b) => b.mtimeMs - a.mtimeMs);
  const stale = [...finished.slice(KEEP), ...others.filter(({ folder, mtimeMs }) => folder.endsWith(".tmp") && now - mtimeMs > 3_600_000)];
  for (const { folder } of stale) rmSync(folder, { recursive: true, force: true });
  for (const name of readdirSync(cacheDir)) {
    const folder = path.join(cacheDir, name);
    if (folder === projectDir) continue;
    let project;
    try {
      project = readFileSync(path.join(folder, PROJECT_FILE), "utf8");
    } catch {
      // Named only once its first compilation is in place: one without a name yet may be compiling.
      continue;
    }
    if (!existsSync(path.join(project, "bin", "compile.js"))) rmSync(folder, { recursive: true, force: true });
  }
}
