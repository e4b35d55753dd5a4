import type { Root, RootContent } from "mdast";
import type * as MdastToString from "mdast-util-to-string";
import { createRequire } from "node:module";
import type * as RemarkHtml from "remark-html";
import type * as RemarkParse from "remark-parse";
import type * as Unified from "unified";
import type { Block, ExtraLine } from "./schema.ts";
import { squash } from "./lines.ts";

/** The remark processors and mdast's `toString`, loaded on first use (see `remark`). */
interface Remark {
  readonly toHtml: { stringify(tree: Root): unknown };
  readonly fromMarkdown: { parse(text: string): Root };
  readonly toString: typeof MdastToString.toString;
}

let loaded: Remark | null = null;

/**
 * Loads unified, remark-parse, remark-html and mdast-util-to-string when a Markdown body or a block with a line ending
 * is first met, synchronously (`require` of an ES module, Node 20.19 and later). Plain-text archives never need them:
 * loaded up front, the hundred-odd modules of the unified family cost each thread that parses (the main one and every
 * parse worker) 0.4–0.7 s of CPU through the TypeScript loader. Built once: sanitize stays on (remark-html's
 * default), so raw HTML in Markdown is dropped.
 */
function remark(): Remark {
  if (loaded !== null) return loaded;
  const require = createRequire(import.meta.url);
  const { unified } = require("unified") as typeof Unified;
  const remarkParse = (require("remark-parse") as typeof RemarkParse).default;
  const remarkHtml = (require("remark-html") as typeof RemarkHtml).default;
  const { toString } = require("mdast-util-to-string") as typeof MdastToString;
  loaded = { toHtml: unified().use(remarkHtml, { sanitize: true }), fromMarkdown: unified().use(remarkParse), toString };
  return loaded;
}

/**
 * Renders plain-text blocks to sanitised HTML, exactly as remark-html renders the mdast tree of the blocks
 * (`<p>`, `<h2>`, `<pre><code>`, one per line; `<` and `&` escaped as `&#x3C;` and `&#x26;`), without building
 * the trees: for these three node kinds the output is fixed, and unified's toHast, sanitise and toHtml took a
 * quarter of the parse. Text is never parsed as Markdown. A block holding a line ending (which remark-html would
 * trim around) goes through remark-html itself. tests/parse-render.test.ts checks both agree.
 */
export function renderBlocks(blocks: readonly Block[]): string {
  let html = "";
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i]!;
    if (i > 0) html += "\n";
    if (block.type === "preformatted") html += block.text === "" ? "<pre><code></code></pre>" : `<pre><code>${escapeText(block.text)}\n</code></pre>`;
    else if (block.text.includes("\n") || block.text.includes("\r")) return renderBlocksWithRemark(blocks);
    else if (block.type === "heading") html += `<h2>${escapeText(block.text)}</h2>`;
    else html += `<p>${escapeText(block.text)}</p>`;
  }
  return html;
}

/** Renders plain-text blocks through an mdast tree and remark-html (the reference {@link renderBlocks} matches). */
export function renderBlocksWithRemark(blocks: readonly Block[]): string {
  const children: RootContent[] = blocks.map((block): RootContent => {
    if (block.type === "heading") return { type: "heading", depth: 2, children: [{ type: "text", value: block.text }] };
    if (block.type === "preformatted") return { type: "code", value: block.text };
    return { type: "paragraph", children: [{ type: "text", value: block.text }] };
  });
  return stringify({ type: "root", children });
}

// hast-util-to-html escapes only `<` and `&` in text, as upper-case hexadecimal references.
function escapeText(text: string): string {
  if (text.indexOf("<") === -1 && text.indexOf("&") === -1) return text;
  return text.replace(/[<&]/gu, reference);
}

function reference(c: string): string {
  return c === "<" ? "&#x3C;" : "&#x26;";
}

/** A Markdown body read through remark-parse: its leading `# title` (taken off), blocks and HTML. */
export interface MarkdownBody {
  title: string | null;
  titleLine: number | null;
  blocks: Block[];
  html: string;
  /** Raw HTML blocks: removed from the page by sanitising, kept here as written. */
  rawHtml: ExtraLine[];
}

/**
 * Reads a Markdown body. Unless the title is known already, a first-level heading at the top becomes the
 * title (and leaves the body).
 * @param text the body after front matter
 * @param firstLine 1-based file line of the body's first line
 * @param takeTitle whether a leading `# heading` is the title (false when front matter gives one)
 */
export function readMarkdown(text: string, firstLine: number, takeTitle: boolean): MarkdownBody {
  const { fromMarkdown, toString } = remark();
  const tree = fromMarkdown.parse(text);
  let title: string | null = null;
  let titleLine: number | null = null;
  const head = tree.children[0];
  if (takeTitle && head !== undefined && head.type === "heading" && head.depth === 1) {
    title = squash(toString(head));
    titleLine = (head.position?.start.line ?? 1) + firstLine - 1;
    tree.children.shift();
  }
  const blocks: Block[] = [];
  const rawHtml: ExtraLine[] = [];
  for (const node of tree.children) {
    const line = (node.position?.start.line ?? 1) + firstLine - 1;
    if (node.type === "heading") blocks.push({ type: "heading", text: squash(toString(node)), line });
    else if (node.type === "code") blocks.push({ type: "preformatted", text: node.value, line });
    else if (node.type === "html") rawHtml.push({ line, text: node.value, kind: "html" });
    else if (node.type === "thematicBreak" || node.type === "definition") continue;
    else {
      const value = squash(toString(node, { includeHtml: false }));
      if (value !== "") blocks.push({ type: "paragraph", text: value, line });
    }
  }
  return { title, titleLine, blocks, html: stringify(tree), rawHtml };
}

function stringify(tree: Root): string {
  return String(remark().toHtml.stringify(tree)).trim();
}
