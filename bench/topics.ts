/**
 * `npm run bench:topics [-- folder] [--runs N]`: topic-extraction throughput on the Wikinews articles of the
 * archive (default `articles/`), in ms per article on one core: the first (cold) pass, then the median of N runs
 * (default 20: the first runs carry the compiler's warm-up and a full garbage collection of the gazetteer's data,
 * which a median of five let show); then proof that a cached run does not re-extract.
 */
import { readFile } from "node:fs/promises";
import { listArticleFiles } from "../src/archive/index.ts";
import { parseArticle } from "../src/parse/index.ts";
import { assignTopics, buildGazetteer, extractEntities } from "../src/topics/index.ts";
import type { Extraction } from "../src/topics/index.ts";

async function main(argv: readonly string[]): Promise<number> {
  const runsAt = argv.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 20;
  const folder = argv.find((a, i) => !a.startsWith("--") && argv[i - 1] !== "--runs") ?? "articles";
  const files = await listArticleFiles(folder);
  const records = [];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    if (/^source:\s*Wikinews\s*$/mu.test(text)) records.push(parseArticle(text, { path: file }));
  }
  if (records.length === 0) {
    process.stderr.write(`bench:topics: no Wikinews article in ${folder}\n`);
    return 2;
  }
  const texts = records.map((r) => ({ title: r.title, blocks: r.body.filter((b) => b.type !== "preformatted"), dateline: r.dateline }));
  const kb = texts.reduce((n, t) => n + (t.title?.length ?? 0) + t.blocks.reduce((m, b) => m + b.text.length, 0), 0) / texts.length / 1024;

  let started = performance.now();
  const gazetteer = buildGazetteer();
  const loadMs = performance.now() - started;
  // The first pass is reported on its own: the compiler warms up and the gazetteer's look-up memos fill once per
  // process, early in a large build. The timed runs are the steady state of the rest of the build.
  started = performance.now();
  for (const t of texts) extractEntities(t, gazetteer);
  const firstRun = (performance.now() - started) / texts.length;
  const perArticle: number[] = [];
  const cpuPerArticle: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const gaz = gazetteer;
    started = performance.now();
    const cpu = process.cpuUsage();
    for (const t of texts) extractEntities(t, gaz);
    const used = process.cpuUsage(cpu);
    perArticle.push((performance.now() - started) / texts.length);
    cpuPerArticle.push((used.user + used.system) / 1000 / texts.length);
  }
  const median = middle(perArticle);
  const cpuMedian = middle(cpuPerArticle);

  const cache = new Map<string, Extraction>();
  started = performance.now();
  const cold = assignTopics(records, { cache });
  const coldMs = performance.now() - started;
  started = performance.now();
  const warm = assignTopics(records, { cache });
  const warmMs = performance.now() - started;

  process.stdout.write(
    [
      `topic extraction on ${records.length} Wikinews articles of ${folder} (${kb.toFixed(1)} KB of text each on average), one core`,
      `  gazetteer load (once per process): ${loadMs.toFixed(0)} ms; first (cold) pass ${firstRun.toFixed(3)} ms per article`,
      `  extraction, ms per article (wall clock): median ${median.toFixed(3)} of ${runs} runs (${perArticle.map((m) => m.toFixed(3)).join(", ")})`,
      `  extraction, ms per article (CPU time of this process): median ${cpuMedian.toFixed(3)} (${cpuPerArticle.map((m) => m.toFixed(3)).join(", ")})`,
      `  assignTopics without cache entries: ${coldMs.toFixed(0)} ms, extracted ${cold.stats?.extracted ?? "?"}, from cache ${cold.stats?.cached ?? "?"}`,
      `  assignTopics again, same cache:     ${warmMs.toFixed(0)} ms, extracted ${warm.stats?.extracted ?? "?"}, from cache ${warm.stats?.cached ?? "?"}`,
      "",
    ].join("\n"),
  );
  if (warm.stats?.extracted !== 0) {
    process.stderr.write("bench:topics: the cached run re-extracted articles\n");
    return 1;
  }
  return 0;
}

function middle(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

process.exitCode = await main(process.argv.slice(2));
