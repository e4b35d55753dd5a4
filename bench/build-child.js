// Child process of the site benchmark: runs the project's real `buildSite` once, from the code `npm run build` runs
// (compiled by bin/compile.js; from the sources through tsx when it cannot be compiled, as the command does), and
// prints, as its last line, a JSON line `{"ms": wall time, "maxRssKb": own peak RSS, "result": what buildSite returned}`.
//
// Usage: `node bench/build-child.js <articles> <output> <cacheDir>`
import { importSource } from "../bin/compile.js";

const [input, output, cacheDir] = process.argv.slice(2);
if (input === undefined || output === undefined || cacheDir === undefined) {
  process.stderr.write("Usage: node bench/build-child.js <articles> <output> <cacheDir>\n");
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

/**
 * `buildSite` as bin/news-archive.js loads the code.
 * @returns {Promise<(options: { input: string, output: string, cacheDir: string }) => Promise<unknown>>}
 */
async function loadBuildSite() {
  const site = /** @type {{ buildSite: (options: { input: string, output: string, cacheDir: string }) => Promise<unknown> }} */ (await importSource("src/site/index.ts", { eleventy: true }));
  return site.buildSite;
}

/**
 * Keeps the build's result small enough for one line: numbers, strings and timing objects, not page lists.
 * @param {unknown} value
 * @param {number} [depth]
 * @returns {unknown}
 */
function summarise(value, depth = 0) {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return depth === 0 ? value.length : `[${value.length}]`;
  if (depth > 2) return "{…}";
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, Array.isArray(inner) ? inner.length : summarise(inner, depth + 1)]));
}
