/**
 * `news-archive preview-summary`: the Markdown job summary of a pull-request preview. It says which articles the
 * change adds, changes or removes (from git), every page added, changed or removed (from comparing the built site with
 * a build of the base revision), and every diagnostic of the archive.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { readArgs } from "./args.ts";
import { formatDiagnostic, loadArchive, sortDiagnostics } from "../archive/index.ts";
import type { ArchiveDiagnostic } from "../archive/index.ts";
import { config } from "../config.ts";
import { escapeMarkdown, formatDiff } from "./diff-format.ts";
import { compareSites } from "./diff.ts";
import type { SiteDiff } from "./diff-sites.ts";

const git = promisify(execFile);

/** Longest page list in the summary: GitHub keeps at most 1 MiB of a step's summary. */
const MAX_PAGES_LISTED = 2000;

/** An article file the change touches, with where it will be published when it has a URL. */
export interface ArticleChange {
  readonly status: "added" | "changed" | "removed" | "renamed";
  readonly file: string;
  readonly title: string | null;
  readonly url: string | null;
}

/** Everything the summary reports. */
export interface PreviewReport {
  readonly articles: readonly ArticleChange[];
  /** Null when there is no base to compare with or the site was not built; `pagesNote` then says why. */
  readonly pages: SiteDiff | null;
  readonly pagesNote: string | null;
  readonly diagnostics: readonly ArchiveDiagnostic[];
  readonly pathPrefix: string;
  readonly linkBase: string | null;
}

/**
 * Renders the summary as Markdown.
 * @param report what the preview found
 */
export function renderPreviewSummary(report: PreviewReport): string {
  const out = ["## Preview of this pull request", ""];
  if (report.linkBase !== null) out.push(`Preview: <${encodeURI(report.linkBase)}>`, "");
  else out.push(`The built site is the \`preview-site\` artifact of this run, built for the path \`${report.pathPrefix}\`.`, "");

  const count = (status: ArticleChange["status"]): number => report.articles.filter((a) => a.status === status).length;
  out.push(`### Articles: ${count("added")} added, ${count("changed")} changed, ${count("renamed")} renamed, ${count("removed")} removed`, "");
  if (report.articles.length > 0) {
    out.push("| | Article | File |", "| --- | --- | --- |");
    for (const article of report.articles) {
      const title = article.title === null ? "(no headline)" : escapeMarkdown(article.title);
      const linked = article.url !== null && report.linkBase !== null && article.status !== "removed"
        ? `[${title}](<${encodeURI(report.linkBase.replace(/\/+$/u, "") + article.url)}>)`
        : article.url === null ? title : `${title} (\`${article.url}\`)`;
      out.push(`| ${article.status} | ${linked} | \`${article.file.replace(/[`|]/gu, "?")}\` |`);
    }
    out.push("");
  }

  out.push("### Pages", "");
  if (report.pages === null) out.push(report.pagesNote ?? "Not compared.", "");
  else out.push(formatDiff(report.pages, "markdown", { linkBase: report.linkBase ?? undefined, maxItems: MAX_PAGES_LISTED }));

  const errors = report.diagnostics.filter((d) => d.severity === "error").length;
  out.push(`### Diagnostics: ${errors} errors, ${report.diagnostics.length - errors} warnings and notes`, "");
  if (report.diagnostics.length > 0) {
    out.push("```text", ...report.diagnostics.map((d) => formatDiagnostic(d).replace(/```/gu, "'''")), "```", "");
  }
  return `${out.join("\n")}\n`;
}

/**
 * Runs `news-archive preview-summary [--base <ref>] [--site _site] [--articles articles] [--link-base URL]`.
 * @param args the arguments after `preview-summary`
 */
export async function run(args: readonly string[]): Promise<number> {
  const parsed = readArgs("preview-summary", {
    args: [...args],
    options: {
      base: { type: "string" },
      site: { type: "string", default: "_site" },
      articles: { type: "string", default: "articles" },
      "link-base": { type: "string" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const linkBase = values["link-base"] === undefined || values["link-base"] === "" ? null : values["link-base"];
  const archive = await loadArchive(values.articles, { cacheDir: join(process.cwd(), ".cache") });
  const byFile = new Map(archive.articles.map((article) => [article.file, article]));
  const articles = values.base === undefined ? [] : await changedArticles(values.base, values.articles);
  let pages: SiteDiff | null = null;
  let pagesNote: string | null = null;
  if (values.base === undefined) pagesNote = "No base revision given (--base), so pages were not compared.";
  else if (!existsSync(values.site)) pagesNote = `The site was not built (no ${values.site}/), so pages were not compared: see the diagnostics.`;
  else {
    try {
      pages = await compareSites({ base: { ref: values.base }, newSite: values.site });
    } catch (error) {
      pagesNote = `Pages could not be compared: ${(error as Error).message}`;
    }
  }
  const report: PreviewReport = {
    articles: articles.map((change) => {
      const article = byFile.get(change.file);
      return { ...change, title: article?.title ?? null, url: article?.url ?? null };
    }),
    pages,
    pagesNote,
    diagnostics: sortDiagnostics(archive.diagnostics),
    pathPrefix: config.pathPrefix,
    linkBase,
  };
  process.stdout.write(renderPreviewSummary(report));
  return 0;
}

/** Article files that differ between `base` and the working tree (`git diff --name-status`), and untracked ones. */
async function changedArticles(base: string, dir: string): Promise<Omit<ArticleChange, "title" | "url">[]> {
  const { stdout } = await git("git", ["diff", "--name-status", "-z", "-M", "--end-of-options", base, "--", dir], { maxBuffer: 64 << 20 });
  const fields = stdout.split("\0").filter((field) => field !== "");
  const changes: Omit<ArticleChange, "title" | "url">[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i] ?? "";
    if (status.startsWith("R") || status.startsWith("C")) {
      changes.push({ status: status.startsWith("R") ? "renamed" : "added", file: fields[i + 2] ?? "" });
      i += 3;
    } else {
      const kind = status === "A" ? "added" : status === "D" ? "removed" : "changed";
      changes.push({ status: kind, file: fields[i + 1] ?? "" });
      i += 2;
    }
  }
  // Files not yet committed are additions too (a local run before the commit).
  const untracked = await git("git", ["ls-files", "-z", "--others", "--exclude-standard", "--", dir], { maxBuffer: 64 << 20 });
  for (const file of untracked.stdout.split("\0")) if (file !== "") changes.push({ status: "added", file });
  return changes.filter((change) => /\.(?:txt|md)$/iu.test(change.file) && !/(?:^|\/)readme\.md$/iu.test(change.file));
}
