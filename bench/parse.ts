/**
 * `npm run bench:parse [-- <folder…>] [--runs N]`: parse throughput on one core.
 * Loads every .txt/.md article under the folders (default: ../shared/corpus, else articles/) into memory, then
 * times, in the same process and run for run: a baseline (strict UTF-8 decoding and line splitting only) and
 * `parseArticle` on every file. Prints the median of N runs (default 7) in articles per second, by wall clock and
 * by the process's CPU time (which a machine shared with other jobs inflates less).
 */
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArticle } from "../src/parse/index.ts";

const args = process.argv.slice(2);
const runsAt = args.indexOf("--runs");
const runs = runsAt === -1 ? 7 : Number(args[runsAt + 1]);
const folders = args.filter((arg, i) => !arg.startsWith("--") && i !== runsAt + 1);
const defaultCorpus = path.resolve("../shared/corpus");
const roots = folders.length > 0 ? folders : [existsSync(defaultCorpus) ? defaultCorpus : "articles"];

const files = roots.flatMap((root) => walk(root));
const inputs = files.map((file) => ({ file, bytes: readFileSync(file) }));
const megabytes = inputs.reduce((sum, input) => sum + input.bytes.length, 0) / 1e6;
process.stdout.write(`${inputs.length} articles (${megabytes.toFixed(1)} MB) from ${roots.join(", ")}; ${runs} runs, median\n`);

const strict = new TextDecoder("utf-8");
const baselineRuns = timeRuns(() => {
  let lines = 0;
  for (const input of inputs) lines += strict.decode(input.bytes).split(/\r\n|\r|\n/u).length;
  return lines;
});
const parseRuns = timeRuns(() => {
  let words = 0;
  for (const input of inputs) words += parseArticle(input.bytes, { path: input.file }).wordCount;
  return words;
});
const rate = (seconds: number): string => `${Math.round(inputs.length / seconds).toLocaleString("en")} articles/s`;
const report = (name: string, runs: readonly Run[]): void => {
  const wall = median(runs.map((r) => r.wall));
  const cpu = median(runs.map((r) => r.cpu));
  process.stdout.write(`${name} ${rate(wall)} wall, ${rate(cpu)} CPU  (${((cpu / inputs.length) * 1e3).toFixed(3)} ms CPU per article)\n`);
};
report("baseline (decode + split lines):", baselineRuns);
report("parseArticle:                   ", parseRuns);

interface Run {
  wall: number;
  cpu: number;
}

function timeRuns(work: () => number): Run[] {
  work(); // warm-up: JIT and module caches
  const times: Run[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    work();
    const used = process.cpuUsage(cpu);
    times.push({ wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: (used.user + used.system) / 1e6 });
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function walk(folder: string): string[] {
  if (!statSync(folder).isDirectory()) return [folder];
  return readdirSync(folder, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return walk(full);
      return /\.(?:txt|md)$/iu.test(entry.name) && !/^readme\./iu.test(entry.name) ? [full] : [];
    });
}
