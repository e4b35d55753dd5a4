import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { listArticleFiles } from "../archive/index.ts";
import { config } from "../config.ts";
import { parseArticle } from "../parse/index.ts";
import { assignTopics, directoryCache, loadVocabulary } from "../topics/index.ts";
import type { ArchiveTopic, VocabularyCandidate } from "../topics/index.ts";

const USAGE = "Usage: news-archive topics [--all] [--json] [--cache DIR] [folder]   (folder default: articles)\n";

/**
 * `news-archive topics [--all] [--json] [--cache DIR] [folder]`: lists the archive's topics with their article
 * counts and the variants merged into each, then candidates for the vocabulary file (frequent names that are not
 * topics yet), then any problem in the vocabulary file. Without `--all`, topics with a page only.
 * Exit 1 when the vocabulary file has an error, 2 on bad usage.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let all = false;
  let json = false;
  let cacheDir: string | null = null;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === "--all") all = true;
    else if (arg === "--json") json = true;
    else if (arg === "--cache" && argv[i + 1] !== undefined) cacheDir = argv[++i]!;
    else if (arg.startsWith("--") || rest.length > 0) {
      process.stderr.write(`news-archive topics: unexpected argument ${arg}\n${USAGE}`);
      return 2;
    } else rest.push(arg);
  }
  const dir = rest[0] ?? "articles";
  if (!existsSync(dir)) {
    process.stderr.write(`news-archive topics: no folder ${dir}; give the articles folder.\n${USAGE}`);
    return 2;
  }
  const vocabPath = join(dir, "topics.yml");
  const loaded = existsSync(vocabPath) ? loadVocabulary(await readFile(vocabPath, "utf8"), vocabPath) : null;
  const files = await listArticleFiles(dir);
  const records = [];
  for (const file of files) records.push(parseArticle(await readFile(file), { path: file }));
  const published = records.filter((r) => !r.draft);
  const result = assignTopics(published, { vocabulary: loaded?.vocabulary, cache: cacheDir === null ? undefined : directoryCache(cacheDir) });
  const min = config.topicPageMinArticlesFor(published.length);
  const shown = all ? result.topics : result.topics.filter((t) => t.count >= min);
  const candidates = (result.candidates ?? []).slice(0, 30);
  const diagnostics = loaded?.diagnostics ?? [];
  if (json) {
    process.stdout.write(`${JSON.stringify({ articles: published.length, topicPageMinArticles: min, topics: shown, candidates, diagnostics, stats: result.stats })}\n`);
  } else {
    process.stdout.write(`${dir}: ${published.length} articles, ${result.topics.length} topics, ${result.topics.filter((t) => t.count >= min).length} with a page (${min}+ articles)\n\n`);
    process.stdout.write(formatTopics(shown));
    process.stdout.write(`\nVocabulary candidates (names in 2+ articles that are not topics; add them to ${vocabPath} with a kind, or suppress them):\n`);
    process.stdout.write(formatCandidates(candidates));
    for (const d of diagnostics) process.stdout.write(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.rule}\n`);
  }
  return diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}

function formatTopics(topics: readonly ArchiveTopic[]): string {
  return topics
    .map((t) => {
      const variants = t.variants.filter((v) => v !== t.name);
      return `${String(t.count).padStart(6)}  ${t.kind.padEnd(12)}  ${t.name}${variants.length > 0 ? `  (${variants.slice(0, 8).join(", ")})` : ""}\n`;
    })
    .join("");
}

function formatCandidates(candidates: readonly VocabularyCandidate[]): string {
  if (candidates.length === 0) return "  (none)\n";
  return candidates.map((c) => `${String(c.articles).padStart(6)}  ${(c.kind ?? "?").padEnd(12)}  ${c.name}\n`).join("");
}
