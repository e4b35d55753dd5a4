import { readFile } from "node:fs/promises";
import { parseArticle } from "../parse/index.ts";
import { articleFiles } from "./article-files.ts";
import { formatDiagnostics, watchStdout, type DiagnosticFormat, type FileDiagnostic } from "./format.ts";

const USAGE = "Usage: news-archive check [folder or files…] [--format text|github|json] [--encoding NAME] (default folder: articles/)\n";

/**
 * `news-archive check [folder] [--format text|github|json] [--encoding NAME]`: parses every article and prints
 * every diagnostic.
 * Exit 1 when any is an error, 2 on bad usage.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let format: DiagnosticFormat = "text";
  let encoding: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = arg.startsWith("--format=") ? arg.slice(9) : arg === "--format" ? argv[++i] : undefined;
    if (arg === "--encoding") {
      encoding = argv[++i];
      continue;
    }
    if (value !== undefined) {
      if (value !== "text" && value !== "github" && value !== "json") {
        process.stderr.write(`news-archive check: unknown format ${value}\n${USAGE}`);
        return 2;
      }
      format = value;
    } else if (arg.startsWith("--")) {
      process.stderr.write(`news-archive check: unknown option ${arg}\n${USAGE}`);
      return 2;
    } else paths.push(arg);
  }
  let files: string[];
  try {
    files = await articleFiles(paths.length > 0 ? paths : ["articles"]);
  } catch (error) {
    process.stderr.write(`news-archive check: ${(error as Error).message}\n`);
    return 2;
  }
  const diagnostics: FileDiagnostic[] = [];
  for (const file of files) {
    const record = parseArticle(await readFile(file), encoding === undefined ? { path: file } : { path: file, encoding });
    for (const d of record.diagnostics) diagnostics.push({ file, ...d });
  }
  watchStdout();
  process.stdout.write(formatDiagnostics(diagnostics, format, files.length));
  return diagnostics.some((d) => d.severity === "error") ? 1 : 0;
}
