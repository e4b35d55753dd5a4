/**
 * Child process of the site benchmark: the floor. Reads every input file and writes every output file the real
 * build wrote (same paths, same sizes) with no parsing or templating, single-threaded, then prints a JSON line
 * `{"ms", "maxRssKb", "read", "written", "bytes"}`.
 *
 * Usage: `node --import tsx bench/floor-child.ts <articles> <manifest.json> <output>`
 * where the manifest is a JSON list of `[relative path, bytes]`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [input, manifestFile, output] = process.argv.slice(2);
if (input === undefined || manifestFile === undefined || output === undefined) {
  process.stderr.write("Usage: node --import tsx bench/floor-child.ts <articles> <manifest.json> <output>\n");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as [string, number][];
const start = performance.now();
let read = 0;
let text = "";
for (const entry of readdirSync(input, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const content = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
  if (text.length < 1_000_000) text += content;
  read += 1;
}
const filler = Buffer.from(text.length > 0 ? text : "x");
const made = new Set<string>();
let bytes = 0;
for (const [relative, size] of manifest) {
  const file = path.join(output, relative);
  const dir = path.dirname(file);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  const content = Buffer.alloc(size);
  for (let offset = 0; offset < size; offset += filler.length) filler.copy(content, offset, 0, Math.min(filler.length, size - offset));
  writeFileSync(file, content);
  bytes += size;
}
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, read, written: manifest.length, bytes })}\n`);
