/**
 * Child process of the site benchmark: the floor. Reads every input file and writes every output file the real
 * build wrote (same paths, same sizes) with no parsing or templating, single-threaded, then prints a JSON line
 * `{"ms", "maxRssKb", "read", "written", "bytes"}`.
 *
 * Usage: `node --import tsx bench/floor-child.ts <articles> <manifest.json> <output>`
 * where the manifest is a JSON list of `[relative path, bytes]`.
 */
import { readFileSync } from "node:fs";
import { fillerWriter, readInputs } from "./floor-files.js";

const [input, manifestFile, output] = process.argv.slice(2);
if (input === undefined || manifestFile === undefined || output === undefined) {
  process.stderr.write("Usage: node --import tsx bench/floor-child.ts <articles> <manifest.json> <output>\n");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as [string, number][];
const start = performance.now();
const { read, text } = readInputs(input);
const write = fillerWriter(output, Buffer.from(text.length > 0 ? text : "x"));
let bytes = 0;
for (const [relative, size] of manifest) {
  write(relative, size);
  bytes += size;
}
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, read, written: manifest.length, bytes })}\n`);
