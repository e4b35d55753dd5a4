/** Prints a site diff as text (for a terminal), JSON (for tools) or Markdown (for a pull request's job summary). */
import type { SiteDiff } from "./diff-sites.ts";

/** Output formats of `news-archive diff`. */
export const diffFormats = ["text", "json", "markdown"] as const;
export type DiffFormat = (typeof diffFormats)[number];

/** Options of `formatDiff`. */
export interface FormatDiffOptions {
  /** Origin and prefix the new site is previewed at (`https://preview.example.org/pr-42/`); Markdown links into it. */
  readonly linkBase?: string | undefined;
  /** Longest list printed in Markdown before "and N more" (default: no limit). */
  readonly maxItems?: number | undefined;
}

/**
 * Formats a site diff.
 * @param diff the comparison of two builds
 * @param format `text` (default), `json` or `markdown`
 * @param options link base and list limit (Markdown only)
 */
export function formatDiff(diff: SiteDiff, format: DiffFormat = "text", options: FormatDiffOptions = {}): string {
  if (format === "json") return `${JSON.stringify(diff, null, 2)}\n`;
  if (format === "markdown") return markdown(diff, options);
  return text(diff);
}

function text(diff: SiteDiff): string {
  const lines = [
    ...diff.added.map((url) => `added    ${url}`),
    ...diff.changed.map((url) => `changed  ${url}`),
    ...diff.removed.map((url) => `removed  ${url}`),
  ];
  if (diff.searchIndexChanged) lines.push("search index changed");
  lines.push(summaryLine(diff));
  return `${lines.join("\n")}\n`;
}

function summaryLine(diff: SiteDiff): string {
  const { added, changed, removed } = diff;
  if (added.length + changed.length + removed.length === 0) {
    return diff.searchIndexChanged ? "no page changed (search index only)" : "no page changed";
  }
  return `${added.length} added, ${changed.length} changed, ${removed.length} removed`;
}

function markdown(diff: SiteDiff, options: FormatDiffOptions): string {
  const parts = [`**Pages:** ${summaryLine(diff)}${diff.searchIndexChanged ? "; search index changed" : ""}.`];
  const linkBase = options.linkBase?.replace(/\/+$/u, "");
  const limit = options.maxItems ?? Number.POSITIVE_INFINITY;
  const section = (title: string, urls: readonly string[], linked: boolean): void => {
    if (urls.length === 0) return;
    const shown = urls.slice(0, limit).map((url) => `- ${linked && linkBase !== undefined ? link(url, linkBase) : code(url)}`);
    if (urls.length > shown.length) shown.push(`- … and ${urls.length - shown.length} more`);
    parts.push(`<details${urls.length <= 50 ? " open" : ""}><summary>${title} (${urls.length})</summary>\n\n${shown.join("\n")}\n\n</details>`);
  };
  section("Added", diff.added, true);
  section("Changed", diff.changed, true);
  section("Removed", diff.removed, false);
  return `${parts.join("\n\n")}\n`;
}

/** A Markdown link whose text and destination cannot break out of the list item. */
function link(url: string, linkBase: string): string {
  return `[${escapeMarkdown(url)}](<${encodeURI(linkBase + url).replace(/[<>]/gu, encodeURIComponent)}>)`;
}

function code(url: string): string {
  return url.includes("`") ? escapeMarkdown(url) : `\`${url}\``;
}

/** Escapes the characters Markdown and HTML give a meaning to. */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+\-.!|<>&~]/gu, (character) => `\\${character}`);
}
