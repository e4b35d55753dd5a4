/**
 * `npm run eval:parse -- <corpus folder…> [--verbose]`: scores the parser against a corpus folder's `truth.jsonl`
 * (one row per file: `file`, `title`, `date` or null, `format`). A folder without `truth.jsonl` is searched one
 * level down for folders that have one. Prints, per layout: files, headlines right, dates right (where the truth
 * has one), dates invented (where it has none), files with an input word missing from the record, files with an
 * error diagnostic, crashes, and articles per second. `--verbose` lists every miss.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { missingWords, parseArticle, type ArticleRecord } from "../src/parse/index.ts";

interface Truth {
  file: string;
  title: string | null;
  date: string | null;
  format?: string;
}

interface Row {
  layout: string;
  files: number;
  titles: number;
  datesTruth: number;
  datesRight: number;
  noDateTruth: number;
  invented: number;
  lost: number;
  errors: number;
  crashes: number;
  seconds: number;
}

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const folders = args.filter((arg) => !arg.startsWith("--"));
if (folders.length === 0) {
  process.stderr.write("Usage: npm run eval:parse -- <corpus folder…> [--verbose]\n");
  process.exit(2);
}

const rows = new Map<string, Row>();
for (const folder of folders.flatMap(corpusFolders)) evaluate(folder);
printTable([...rows.values()]);

function corpusFolders(folder: string): string[] {
  if (existsSync(path.join(folder, "truth.jsonl"))) return [folder];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "truth.jsonl")))
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

function evaluate(folder: string): void {
  const truths = readFileSync(path.join(folder, "truth.jsonl"), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Truth);
  for (const truth of truths) {
    const layout = truth.format ?? path.basename(folder);
    const row = rows.get(layout) ?? { layout, files: 0, titles: 0, datesTruth: 0, datesRight: 0, noDateTruth: 0, invented: 0, lost: 0, errors: 0, crashes: 0, seconds: 0 };
    rows.set(layout, row);
    row.files += 1;
    const bytes = readFileSync(path.join(folder, truth.file));
    let record: ArticleRecord;
    const started = process.hrtime.bigint();
    try {
      record = parseArticle(bytes, { path: truth.file });
    } catch (error) {
      row.crashes += 1;
      miss(folder, truth.file, `CRASH ${(error as Error).stack ?? String(error)}`);
      continue;
    } finally {
      row.seconds += Number(process.hrtime.bigint() - started) / 1e9;
    }
    if (same(record.title, truth.title)) row.titles += 1;
    else miss(folder, truth.file, `title ${JSON.stringify(record.title)} expected ${JSON.stringify(truth.title)}`);
    if (truth.date === null) {
      row.noDateTruth += 1;
      if (record.date !== null) {
        row.invented += 1;
        miss(folder, truth.file, `date ${record.date} invented (truth has none)`);
      }
    } else {
      row.datesTruth += 1;
      if (record.date === truth.date) row.datesRight += 1;
      else miss(folder, truth.file, `date ${record.date} expected ${truth.date}`);
    }
    const lost = missingWords(decode(bytes), record);
    if (lost.length > 0) {
      row.lost += 1;
      miss(folder, truth.file, `words missing: ${lost.slice(0, 10).join(" ")}`);
    }
    if (record.diagnostics.some((d) => d.severity === "error")) {
      row.errors += 1;
      miss(folder, truth.file, `error: ${record.diagnostics.filter((d) => d.severity === "error").map((d) => d.rule).join(", ")}`);
    }
  }
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function same(a: string | null, b: string | null): boolean {
  const norm = (s: string | null): string | null => (s === null ? null : s.replace(/\s+/gu, " ").trim());
  return norm(a) === norm(b);
}

function miss(folder: string, file: string, what: string): void {
  if (verbose) process.stdout.write(`${path.join(folder, file)}: ${what}\n`);
}

function printTable(all: readonly Row[]): void {
  const pct = (n: number, d: number): string => (d === 0 ? "n/a" : `${((100 * n) / d).toFixed(1)}%`);
  const header = ["layout", "files", "headlines", "dates", "invented", "words lost", "errors", "crashes", "articles/s"];
  const body = all.map((r) => [
    r.layout,
    String(r.files),
    pct(r.titles, r.files),
    r.datesTruth === 0 ? "n/a" : `${pct(r.datesRight, r.datesTruth)} (${r.datesRight}/${r.datesTruth})`,
    `${r.invented}/${r.noDateTruth}`,
    String(r.lost),
    String(r.errors),
    String(r.crashes),
    r.seconds === 0 ? "n/a" : String(Math.round(r.files / r.seconds)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |\n`;
  process.stdout.write(line(header) + line(widths.map((w) => "-".repeat(w))) + body.map(line).join(""));
}
