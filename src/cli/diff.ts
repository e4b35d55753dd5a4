/**
 * `news-archive diff <old-site> <new-site>` and `news-archive diff --base <git-ref> [<new-site>]`: the pages a
 * change adds, changes and removes, by URL.
 */
import { existsSync } from "node:fs";
import { readArgs } from "./args.ts";
import { buildRevision } from "./build-revision.ts";
import { diffFormats, formatDiff } from "./diff-format.ts";
import type { DiffFormat } from "./diff-format.ts";
import { diffSites, listSite } from "./diff-sites.ts";
import type { SiteDiff } from "./diff-sites.ts";

const usage = `Usage: news-archive diff <old-site> <new-site> [--format text|json|markdown] [--link-base URL]
       news-archive diff --base <git-ref> [<new-site>] [--format …]   (builds <git-ref> into a temporary folder;
                                                                    <new-site> defaults to _site)
`;

/** Where the two sites of a comparison come from. */
export interface DiffSources {
  /** The old site folder, or a git revision to build. */
  readonly base: { readonly dir: string } | { readonly ref: string };
  readonly newSite: string;
}

/**
 * Compares two sites; builds the base first when it is a git revision.
 * @param sources old site (folder or revision) and new site folder
 * @param projectDir project folder, for `--base` (default: the current folder)
 */
export async function compareSites(sources: DiffSources, projectDir: string = process.cwd()): Promise<SiteDiff> {
  if ("dir" in sources.base) return diffSites(await listSite(sources.base.dir), await listSite(sources.newSite));
  const built = await buildRevision(sources.base.ref, projectDir);
  try {
    return diffSites(await listSite(built.siteDir), await listSite(sources.newSite));
  } finally {
    await built.cleanup();
  }
}

/**
 * Runs `news-archive diff`; returns the exit code (0 done, 1 failure, 2 usage).
 * @param args the arguments after `diff`
 */
export async function run(args: readonly string[]): Promise<number> {
  const parsed = readArgs("diff", {
    args: [...args],
    allowPositionals: true,
    options: {
      base: { type: "string" },
      format: { type: "string", default: "text" },
      "link-base": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }, usage);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const format = values.format as DiffFormat;
  if (!diffFormats.includes(format)) {
    process.stderr.write(`news-archive diff: unknown format "${values.format}": use text, json or markdown.\n`);
    return 2;
  }
  const sources = toSources(values.base, positionals);
  if (typeof sources === "string") {
    process.stderr.write(`news-archive diff: ${sources}\n${usage}`);
    return 2;
  }
  for (const dir of ["dir" in sources.base ? sources.base.dir : undefined, sources.newSite]) {
    if (dir !== undefined && !existsSync(dir)) {
      process.stderr.write(`news-archive diff: no site at ${dir}: build it first (npm run build writes _site/).\n`);
      return 1;
    }
  }
  try {
    const diff = await compareSites(sources);
    process.stdout.write(formatDiff(diff, format, { linkBase: values["link-base"] }));
    return 0;
  } catch (error) {
    process.stderr.write(`news-archive diff: ${(error as Error).message}\n`);
    return 1;
  }
}

function toSources(base: string | undefined, positionals: readonly string[]): DiffSources | string {
  if (base !== undefined) {
    if (positionals.length > 1) return "with --base, give at most one site folder (the new one).";
    return { base: { ref: base }, newSite: positionals[0] ?? "_site" };
  }
  const [oldSite, newSite] = positionals;
  if (oldSite === undefined || newSite === undefined || positionals.length > 2) return "give two site folders, or --base <git-ref>.";
  return { base: { dir: oldSite }, newSite };
}
