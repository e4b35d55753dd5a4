import { readFile } from "node:fs/promises";
import { parseArticle } from "../parse/index.ts";
import { assignTopics } from "../topics/index.ts";
import { articleFiles } from "./article-files.ts";
import { watchStdout } from "./format.ts";

const USAGE = "Usage: news-archive parse [--json] [--encoding NAME] <files or folders…>\n";

/**
 * `news-archive parse [--json] [--encoding NAME] <files or folders…>`: parses article files and prints one JSON
 * record per line (`--json`) or a readable summary per file. Exit 1 when any file has an error, 2 on bad usage.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let json = false;
  let encoding: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === "--json") json = true;
    else if (arg === "--encoding") encoding = argv[++i];
    else if (arg.startsWith("--")) {
      process.stderr.write(`news-archive parse: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else paths.push(arg);
  }
  if (paths.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  let files: string[];
  try {
    files = await articleFiles(paths);
  } catch (error) {
    process.stderr.write(`news-archive parse: ${(error as Error).message}\n`);
    return 2;
  }
  const closed = watchStdout();
  let failed = false;
  for (const file of files) {
    if (closed()) break;
    const parsed = parseArticle(await readFile(file), encoding === undefined ? { path: file } : { path: file, encoding });
    // Topics of the one record: front matter, rubric and extracted entities, most salient first.
    const record = assignTopics([parsed]).records[0] ?? parsed;
    if (record.diagnostics.some((d) => d.severity === "error")) failed = true;
    if (json) process.stdout.write(`${JSON.stringify(record)}\n`);
    else {
      const problems = record.diagnostics.map((d) => `\n  ${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.rule}`).join("");
      process.stdout.write(`${file}\n  ${record.format}  ${record.date ?? "no date"}  ${record.title ?? "(no title)"}\n  ${record.body.length} blocks, ${record.wordCount} words  ${record.url ?? "(no URL)"}${problems}\n`);
    }
  }
  return failed ? 1 : 0;
}
