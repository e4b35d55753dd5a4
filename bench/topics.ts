/**
 * `npm run bench:topics [-- folder] [--runs N]`: topic-extraction throughput on the Wikinews articles of the
 * archive (default `articles/`), in ms per article on one core, median of N runs (default 5), each run with a
 * fresh gazetteer so look-up memos start cold; then proof that a cached run does not re-extract.
 */
import { readFile } from "node:fs/promises";
import { listArticleFiles } from "../src/archive/index.ts";
import { parseArticle } from "../src/parse/index.ts";
import { assignTopics, buildGazetteer, extractEntities } from "../src/topics/index.ts";
import type { Extraction } from "../src/topics/index.ts";

async function main(argv: readonly string[]): Promise<number> {
  const runsAt = argv.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : 5;
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
  const perArticle: number[] = [];
  const cpuPerArticle: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const gaz = run === 0 ? gazetteer : buildGazetteer();
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
      `  gazetteer load (once per process): ${loadMs.toFixed(0)} ms`,
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
