/**
 * Child process of the site benchmark: the Eleventy floor. As the floor (floor-child.ts), reads every input file and
 * writes every output file the real build wrote (same paths, same sizes), with no parsing, but the HTML pages through
 * Eleventy: one trivial template that paginates over global data, one page per HTML file (its path as permalink, a
 * slice of text of its size as content), in runs of RUN pages on one thread, as the build's templates paginate over
 * its site data. What Eleventy itself costs for the build's pages, without the build's data, templates, threads or
 * caches; then prints a JSON line `{"ms", "maxRssKb", "read", "written", "bytes", "pages", "runs"}`.
 *
 * Usage: `node bench/eleventy-floor-child.js <articles> <manifest.json> <output>`, where the manifest is a JSON list of
 * `[relative path, bytes]`. Plain JavaScript, as the build's child: no TypeScript loader between Eleventy and its modules.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fillerWriter, readInputs } from "./floor-files.js";

/** Pages per Eleventy run: the build's own run size on one thread (RENDER_BATCH in src/site/build.ts). */
const RUN = 12_000;

/** The template: the page's path as its permalink, the first `size` characters of the text (ASCII) as its content. */
const TEMPLATE = `export const data = {
  pagination: { data: "floorPages", size: 1, alias: "entry" },
  permalink: (data) => data.entry.permalink,
  eleventyExcludeFromCollections: true,
};
export function render(data) {
  return data.floorText.slice(0, data.entry.size);
}
`;

/**
 * @typedef {{ addGlobalData(name: string, data: unknown): void }} EleventyConfig
 * @typedef {new (input: string, output: string, options: { quietMode: boolean, config: (config: EleventyConfig) => void }) => { write(): Promise<unknown> }} EleventyClass
 */

const [input, manifestFile, outputArg] = process.argv.slice(2);
if (input === undefined || manifestFile === undefined || outputArg === undefined) {
  process.stderr.write("Usage: node bench/eleventy-floor-child.js <articles> <manifest.json> <output>\n");
  process.exit(2);
}
const output = path.resolve(outputArg);
const manifest = /** @type {[string, number][]} */ (JSON.parse(readFileSync(manifestFile, "utf8")));
// Eleventy is loaded before `ms` starts (the table gives the whole child process, loading included, as for the build).
const { default: Eleventy } = /** @type {{ default: EleventyClass }} */ (await import("@11ty/eleventy"));
// Eleventy reads its configuration and ignore files from the working folder: an empty one, holding only the template.
const templates = mkdtempSync(path.join(os.tmpdir(), "news-archive-eleventy-floor-"));
writeFileSync(path.join(templates, "page.11ty.js"), TEMPLATE);
process.chdir(templates);

// The template's folder is removed however the runs end (a child that failed at 50,000 articles left it behind).
let report;
try {
  const start = performance.now();
  const { read, text } = readInputs(path.resolve(input));
  // ASCII, so that a page's characters are its bytes; long enough for the largest page.
  const ascii = text.replace(/[^\x20-\x7e\n]/gu, "?") || "x";
  // A loop: spread as arguments, the 133,986 sizes of 50,000 articles overflow the stack.
  let largest = 0;
  for (const [, size] of manifest) largest = Math.max(largest, size);
  const floorText = ascii.repeat(Math.ceil(largest / ascii.length) || 1);
  const write = fillerWriter(output, Buffer.from(ascii));
  /** @type {{ readonly permalink: string, readonly size: number }[]} */
  const pages = [];
  let bytes = 0;
  for (const [relative, size] of manifest) {
    bytes += size;
    if (relative.endsWith(".html")) pages.push(Object.freeze({ permalink: `/${relative.split(path.sep).join("/")}`, size }));
    else write(relative, size);
  }
  let runs = 0;
  for (let at = 0; at < pages.length; at += RUN) {
    const floorPages = Object.freeze(pages.slice(at, at + RUN));
    const eleventy = new Eleventy(templates, output, {
      quietMode: true,
      config: (config) => {
        config.addGlobalData("floorPages", floorPages);
        config.addGlobalData("floorText", floorText);
      },
    });
    await eleventy.write();
    runs += 1;
  }
  const ms = performance.now() - start;
  report = { ms, maxRssKb: process.resourceUsage().maxRSS, read, written: manifest.length, bytes, pages: pages.length, runs };
} finally {
  rmSync(templates, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(report)}\n`);
