/**
 * Child process of the site benchmark: runs the project's real `buildSite` once and prints, as its last line,
 * a JSON line `{"ms": wall time, "maxRssKb": own peak RSS, "result": what buildSite returned}`.
 *
 * Usage: `node bench/launch.js bench/build-child.ts <articles> <output> <cacheDir>` (as the site benchmark runs it;
 * `node --import tsx bench/build-child.ts …` works too, with Eleventy loaded through the tsx loader's thread)
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

type BuildSite = (options: { input: string; output: string; cacheDir?: string }) => Promise<unknown>;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Where the site layer exposes `buildSite`; looked up at run time so the bench compiles before it lands.
const CANDIDATES = ["src/site/index.ts", "src/cli/build.ts"];

async function loadBuildSite(): Promise<BuildSite> {
  for (const candidate of CANDIDATES) {
    const file = path.join(projectRoot, candidate);
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(file).href)) as { buildSite?: unknown };
    if (typeof mod.buildSite === "function") return mod.buildSite as BuildSite;
  }
  throw new Error(`No buildSite export in ${CANDIDATES.join(" or ")}: the site build has not landed yet.`);
}

const [input, output, cacheDir] = process.argv.slice(2);
if (input === undefined || output === undefined || cacheDir === undefined) {
  process.stderr.write("Usage: node bench/launch.js bench/build-child.ts <articles> <output> <cacheDir>\n");
  process.exit(2);
}
const buildSite = await loadBuildSite();
const start = performance.now();
const result = await buildSite({ input, output, cacheDir });
const ms = performance.now() - start;
process.stdout.write(`\n${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, result: summarise(result) })}\n`);
if (result !== null && typeof result === "object" && "ok" in result && result.ok === false) {
  process.stderr.write("The build reported ok: false (diagnostics with errors), so its figures do not count.\n");
  process.exitCode = 1;
}

/** Keeps the build's result small enough for one line: numbers, strings and timing objects, not page lists. */
function summarise(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return depth === 0 ? value.length : `[${value.length}]`;
  if (depth > 2) return "{…}";
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, Array.isArray(inner) ? inner.length : summarise(inner, depth + 1)]));
}
