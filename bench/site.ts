/**
 * The site benchmark: for each size, generates an archive from the corpus, builds it cold (empty caches, fresh
 * output folder) and warm (caches kept, fresh output folder), indexes it for search with Pagefind on its own, and
 * runs the floor (read every input, write every output of the real build with no templating) and the Eleventy floor
 * (the same, with the HTML pages written by Eleventy from a trivial template), each in a child process measured for
 * wall time and peak memory. Prints a table.
 *
 * Usage: `tsx bench/site.ts [--sizes 1000,10000,50000] [--dir FOLDER] [--keep]`
 * Default folder: /dev/shm/news-archive-bench (tmpfs) where it exists, else the system's temporary folder (disk).
 * On tmpfs the files live in memory: at 50,000 articles about 0.25 GB of input and 2 GB of output, on top of the
 * build's own peak; pass `--dir` on a disk when memory is short.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BUILD_NODE_FLAGS } from "../bin/node-flags.js";
import { replacedSites } from "../src/site/replaced.ts";
import { generateArchive } from "./generate.ts";
import { measure, type Measured } from "./measure.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TSX = ["--import", "tsx"];
// The build child runs the code `npm run build` runs (see bench/build-child.js), with the same Node flags
// (bin/node-flags.js), so its figures are the command's own.
const BUILD_CHILD = path.join(projectRoot, "bench", "build-child.js");
const COMPILE = path.join(projectRoot, "bin", "compile.js");
const ARTICLE_GLOB = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html";
const PAGEFIND = path.join(projectRoot, "node_modules", "pagefind", "lib", "runner", "bin.cjs");

interface Row {
  size: number;
  run: string;
  seconds: string;
  cpu: string;
  peakMb: string;
  files: string;
  mb: string;
  note: string;
}

function options(argv: readonly string[]): { sizes: number[]; dir: string; keep: boolean } {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at === -1 ? argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1) : argv[at + 1];
  };
  const sizes = (value("--sizes") ?? "1000,10000,50000").split(",").map((s) => Number(s.replace(/_/gu, "")));
  if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error(`--sizes takes whole numbers separated by commas, got "${value("--sizes")}".`);
  const dir = value("--dir") ?? (existsSync("/dev/shm") ? "/dev/shm/news-archive-bench" : path.join(os.tmpdir(), "news-archive-bench"));
  return { sizes, dir: path.resolve(dir), keep: argv.includes("--keep") };
}

/** Every file under `dir` with its size, as `[relative path, bytes]`, leaving out `skip` folders. */
async function manifestOf(dir: string, skip: readonly string[]): Promise<[string, number][]> {
  const out: [string, number][] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, file);
    if (skip.some((folder) => relative.startsWith(folder + path.sep))) continue;
    out.push([relative, (await stat(file)).size]);
  }
  return out;
}

/**
 * Largest archive for the "search index alone" row: Pagefind over every article page in one bundle held 10.3 GB and
 * took 137 s at 50,000 articles here, which is why the build makes one bundle per year.
 */
const SEARCH_ALONE_MAX = 10_000;

/** Edits one article of a generated archive (a sentence added to its longest paragraph); returns its path. */
async function editOneArticle(articles: string): Promise<string> {
  const files = (await readdir(articles, { recursive: true })).filter((f) => f.endsWith(".txt") || f.endsWith(".md")).sort();
  const file = path.join(articles, files[Math.floor(files.length / 2)]!);
  const lines = (await readFile(file, "utf8")).split("\n");
  const longest = lines.reduce((best, line, i) => (line.length > (lines[best]?.length ?? 0) ? i : best), 0);
  lines[longest] = `${lines[longest]} The text was corrected by the editors.`;
  await writeFile(file, lines.join("\n"));
  return path.relative(articles, file);
}

/** Waits, up to a minute, until the build's background removal of the site it replaced has ended. */
async function replacedSiteRemoved(output: string): Promise<void> {
  for (let waited = 0; waited < 60_000 && (await replacedSites(output)).length > 0; waited += 100) await new Promise((done) => setTimeout(done, 100));
}

/** A stand-in output when the site build is not available: per article a page and its JSON, plus listings. */
function estimatedManifest(size: number): [string, number][] {
  const out: [string, number][] = [];
  for (let i = 0; i < size; i += 1) {
    out.push([`a/${i}/index.html`, 14_000], [`a/${i}/article.json`, 9_000]);
  }
  for (let i = 0; i < size / 10; i += 1) out.push([`l/${i}/index.html`, 12_000]);
  return out;
}

function row(size: number, run: string, m: Measured | null, files = "", mb = "", note = ""): Row {
  return {
    size,
    run,
    seconds: m === null ? "-" : (m.ms / 1000).toFixed(1),
    cpu: m === null ? "-" : (m.cpuMs / 1000).toFixed(1),
    peakMb: m === null ? "-" : String(Math.round(m.peakKb / 1024)),
    files,
    mb,
    note,
  };
}

/** The build's own timing of each step (load, render, search index), as rows under its total. */
function phaseRows(size: number, m: Measured): Row[] {
  const result = m.report?.["result"] as { timings?: Record<string, number>; parsed?: number; cached?: number } | undefined;
  const timings = result?.timings ?? {};
  const names: Record<string, string> = { load: "  load (parse, topics)", plan: "  plan", render: "  render (Eleventy)", search: "  search index (Pagefind)" };
  return Object.entries(names)
    .filter(([key]) => typeof timings[key] === "number" && (key !== "plan" || timings[key] > 0))
    .map(([key, label]) => ({
      size,
      run: label,
      seconds: (timings[key]! / 1000).toFixed(1),
      cpu: "",
      peakMb: "",
      files: "",
      mb: "",
      note: key === "load" ? `parsed ${result?.parsed ?? "?"}, from cache ${result?.cached ?? "?"}` : "",
    }));
}

function failure(m: Measured): string {
  return `exit ${m.code}: ${m.stderr.trim().split("\n").slice(-3).join(" | ").slice(0, 300)}`;
}

/** Runs the benchmark for the given sizes and returns the table's rows. */
export async function benchSite(argv: readonly string[]): Promise<Row[]> {
  const { sizes, dir, keep } = options(argv);
  process.stdout.write(`site benchmark in ${dir} (${dir.startsWith("/dev/shm") ? "tmpfs, in memory" : "disk"}), ${os.cpus().length} cores, Node ${process.version} (builds run with ${BUILD_NODE_FLAGS.join(" ") || "no flags"}), load average ${os.loadavg()[0]!.toFixed(1)} at start\n`);
  // The code is compiled (bin/compile.js) before the first build, as by any command run before: a cold build is one
  // with cold caches of articles and pages, not of the code.
  const compiled = spawnSync(process.execPath, ["--input-type=module", "--eval", `await (await import(${JSON.stringify(pathToFileURL(COMPILE).href)})).compiledRoot();`], { stdio: "inherit" });
  if (compiled.status !== 0) throw new Error(`Compiling the code failed (exit ${compiled.status}).`);
  const rows: Row[] = [];
  // Each figure is printed as soon as it is measured, so a long run shows its progress.
  const add = (...added: Row[]): void => {
    for (const r of added) {
      const figures = r.cpu === "" ? `${r.seconds} s (the build's own timing)` : `${r.seconds} s wall, ${r.cpu} s cpu, ${r.peakMb} MB peak`;
      process.stdout.write(`${r.size}: ${r.run.trim()} ${figures}  ${r.note}\n`);
    }
    rows.push(...added);
  };
  for (const size of sizes) {
    const root = path.join(dir, String(size));
    const articles = path.join(root, "articles");
    const output = path.join(root, "site");
    const cache = path.join(root, "cache");
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    const genStart = performance.now();
    const generated = await generateArchive(size, articles);
    process.stdout.write(`${size}: generated ${generated.articles} articles (${(generated.bytes / 1e6).toFixed(1)} MB, ${generated.topics} topics) in ${((performance.now() - genStart) / 1000).toFixed(1)} s\n`);
    const build = (): Promise<Measured> => measure(process.execPath, [...BUILD_NODE_FLAGS, BUILD_CHILD, articles, output, cache]);

    const cold = await build();
    let manifest: [string, number][];
    if (cold.code === 0) {
      manifest = await manifestOf(output, ["pagefind"]);
      const bytes = manifest.reduce((sum, [, b]) => sum + b, 0);
      add(row(size, "build cold", cold, String(manifest.length), (bytes / 1e6).toFixed(1), "incl. search index"));
      add(...phaseRows(size, cold));
      if (size <= SEARCH_ALONE_MAX) {
        const scratch = path.join(root, "pagefind-alone");
        // Article pages only, as the build indexes them (their URLs, /YYYY/MM/DD/<slug>/, are part of the contract).
        const search = await measure(process.execPath, [PAGEFIND, "--site", output, "--glob", ARTICLE_GLOB, "--output-path", scratch, "--quiet"]);
        // On tmpfs every kept file is memory the next step cannot use.
        if (!keep) await rm(scratch, { recursive: true, force: true });
        add(row(size, "search index alone", search, "", "", search.code === 0 ? "Pagefind CLI, all article pages in ONE bundle (the build makes one per year)" : failure(search)));
      }
      await rm(output, { recursive: true, force: true });
      const warm = await build();
      add(row(size, "build warm", warm, "", "", warm.code === 0 ? "caches kept, fresh output" : failure(warm)));
      if (warm.code === 0) add(...phaseRows(size, warm));
      const warmResult = warm.report?.["result"] as { parsed?: number } | undefined;
      if (warm.code === 0 && (warmResult?.parsed ?? 0) > 0) {
        process.stdout.write(`${size}: WARNING the warm build parsed ${warmResult?.parsed} files again: the parse cache was invalidated (did src/parse/ change during the run?), so its figure is not a warm one.\n`);
      }
      if (warm.code === 0) {
        // An editor's change: one article's text edited, caches and the published site kept.
        const edited = await editOneArticle(articles);
        const again = await build();
        // The site it replaced is removed in the background (see src/site/build.ts): not alongside the next measurement.
        await replacedSiteRemoved(output);
        add(row(size, "build warm, 1 edited", again, "", "", again.code === 0 ? `one article changed (${edited}), caches and output kept` : failure(again)));
        if (again.code === 0) add(...phaseRows(size, again));
      }
    } else {
      manifest = estimatedManifest(size);
      add(row(size, "build cold", null, "", "", `unavailable: ${failure(cold)}`));
    }

    const manifestFile = path.join(root, "manifest.json");
    await writeFile(manifestFile, JSON.stringify(manifest));
    const floorOut = path.join(root, "floor");
    if (!keep) await rm(output, { recursive: true, force: true });
    const floor = await measure(process.execPath, [...TSX, path.join(projectRoot, "bench", "floor-child.ts"), articles, manifestFile, floorOut]);
    if (!keep) await rm(floorOut, { recursive: true, force: true });
    const floorBytes = typeof floor.report?.["bytes"] === "number" ? floor.report["bytes"] : 0;
    add(row(size, "floor", floor, String(floor.report?.["written"] ?? "?"), (floorBytes / 1e6).toFixed(1), cold.code === 0 ? "same files and bytes as the build (no search index)" : "ESTIMATED layout: build unavailable"));
    const eleventyFloor = await measure(process.execPath, [...BUILD_NODE_FLAGS, path.join(projectRoot, "bench", "eleventy-floor-child.js"), articles, manifestFile, floorOut]);
    if (!keep) await rm(floorOut, { recursive: true, force: true });
    const floorPages = String(eleventyFloor.report?.["pages"] ?? "?");
    const eleventyNote = eleventyFloor.code === 0 ? `the floor, its ${floorPages} HTML pages written by Eleventy: one trivial template, runs of 12,000, one thread` : `failed: ${failure(eleventyFloor)}`;
    add(row(size, "Eleventy floor", eleventyFloor, String(eleventyFloor.report?.["written"] ?? "?"), (floorBytes / 1e6).toFixed(1), eleventyNote));
    if (!keep) await rm(root, { recursive: true, force: true });
  }
  return rows;
}

/** The rows as a Markdown table. */
export function table(rows: readonly Row[]): string {
  const head = ["articles", "run", "wall s", "cpu s", "peak MB", "files", "MB out", "note"];
  const lines = rows.map((r) => [r.size.toLocaleString("en-US"), r.run, r.seconds, r.cpu, r.peakMb, r.files, r.mb, r.note]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [format(head), format(widths.map((w) => "-".repeat(w))), ...lines.map(format)].join("\n");
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const rows = await benchSite(process.argv.slice(2));
  process.stdout.write(`\n${table(rows)}\n`);
}
