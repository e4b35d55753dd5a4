/**
 * Edit-to-page latency of `npm start`: starts the dev server on a generated archive, then edits existing articles
 * and adds new ones, and measures from the moment the file is written to the moment the rendered page on disk shows
 * the change (the browser is then told to reload, which adds a few milliseconds), and to the moment every other page
 * the change affects (listings, feeds, neighbours) has been rendered again.
 *
 * Usage: `npm run bench:edit -- [--size 10000] [--edits 5] [--dir FOLDER]`
 * The archive is generated once per size into the folder and kept (default /dev/shm/news-archive-edit when it exists).
 */
import { existsSync } from "node:fs";
import { appendFile, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { listArticleFiles, loadRecords } from "../src/archive/index.ts";
import type { DevUpdate } from "../src/cli/dev-site.ts";
import { startDevServer } from "../src/cli/serve.ts";
import { generateArchive } from "./generate.ts";

const { values } = parseArgs({
  options: {
    size: { type: "string", default: "10000" },
    edits: { type: "string", default: "5" },
    dir: { type: "string", default: existsSync("/dev/shm") ? "/dev/shm/news-archive-edit" : path.join(os.tmpdir(), "news-archive-edit") },
    port: { type: "string", default: "8391" },
  },
});
const size = Number(values.size);
const edits = Number(values.edits);
const root = path.join(values.dir, String(size));
const input = path.join(root, "articles");
const output = path.join(root, "_site");
const cacheDir = path.join(root, ".cache");

if (!existsSync(input)) {
  const started = performance.now();
  await generateArchive(size, input);
  console.log(`Generated ${size} articles in ${seconds(performance.now() - started)}`);
}

const updates: { update: DevUpdate; files: readonly string[]; step: "update" | "settle" }[] = [];
let notify: (() => void) | null = null;
const startedServer = performance.now();
const server = await startDevServer({
  input,
  output,
  cacheDir,
  port: Number(values.port),
  log: () => undefined,
  onUpdate: (update, files, step) => {
    updates.push({ update, files, step });
    notify?.();
  },
});
console.log(`Dev server up on ${size} articles in ${seconds(performance.now() - startedServer)} (full build, then the plan kept in memory)`);

const files = await listArticleFiles(input);
const records = new Map((await loadRecords(input, { cacheDir })).records.map((record) => [record.file, record]));
const rows: string[] = [];
const latencies: number[] = [];
const settleTimes: number[] = [];

for (let i = 0; i < edits; i += 1) {
  const file = files[Math.floor(((i + 0.5) * files.length) / edits)] as string;
  const url = records.get(file)?.url;
  if (url === null || url === undefined) continue;
  const marker = `Bench edit ${i} ${Date.now().toString(36)}`;
  rows.push(await measureChange(`edit ${path.relative(input, file)}`, url, marker, () => appendFile(file, `\n\n${marker}.\n`)));
}
for (let i = 0; i < Math.max(1, Math.floor(edits / 2)); i += 1) {
  const stamp = Date.now().toString(36);
  const slug = `bench-added-article-${i}-${stamp}`;
  const day = `2${i % 8}`;
  const file = path.join(input, "2026", "11", `2026-11-${day}-${slug}.txt`);
  const marker = `Bench addition ${i}`;
  const url = `/2026/11/${day}/${slug}/`;
  const text = `---\ntopics:\n  - "Politics"\n---\nBench added article ${i} ${stamp}\n\n${day} November 2026\n\n${marker}.\n`;
  rows.push(await measureChange(`add ${path.relative(input, file)}`, url, marker, () => writeNew(file, text)));
}
await server.close();

console.log(rows.join("\n"));
console.log(`edit-to-page latency on ${size} articles: ${spread(latencies)} over ${latencies.length} changes`);
console.log(`until every listing, feed and neighbour is updated: ${spread(settleTimes)}`);

function spread(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `median ${seconds(sorted[Math.floor(sorted.length / 2)] ?? 0)}, max ${seconds(sorted.at(-1) ?? 0)}`;
}

async function measureChange(label: string, url: string, marker: string, change: () => Promise<void>): Promise<string> {
  const before = updates.length;
  const page = path.join(output, url.slice(1), "index.html");
  const started = performance.now();
  await change();
  const shown = await waitFor(started, async () => updates.length > before && existsSync(page) && (await readFile(page, "utf8")).includes(marker));
  latencies.push(shown);
  const quick = updates.slice(before).find((entry) => entry.step === "update")?.update;
  const settledAt = await waitFor(started, () => Promise.resolve(updates.slice(before).some((entry) => entry.step === "settle")));
  const settled = updates.slice(before).find((entry) => entry.step === "settle")?.update;
  settleTimes.push(settledAt);
  const steps = (update: DevUpdate | undefined): string =>
    update === undefined ? "" : ` (parse ${ms(update.ms.parse)}, plan ${ms(update.ms.plan)}, render ${ms(update.ms.render)}; ${update.rendered.length} pages)`;
  return `${label}: page shown after ${seconds(shown)}${steps(quick)}; whole site settled after ${seconds(settledAt)}${steps(settled)}`;
}

async function waitFor(started: number, done: () => Promise<boolean>): Promise<number> {
  const deadline = started + 180_000;
  while (performance.now() < deadline && !(await done())) {
    await new Promise<void>((resolve) => {
      notify = resolve;
      setTimeout(resolve, 20);
    });
  }
  return performance.now() - started;
}

async function writeNew(file: string, text: string): Promise<void> {
  const { mkdir } = await import("node:fs/promises");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

function seconds(value: number): string {
  return `${(value / 1000).toFixed(2)} s`;
}

function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
