import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkHtml from "remark-html";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Block, ExtraLine } from "./schema.ts";
import { squash } from "./lines.ts";

// Built once: sanitize stays on (remark-html's default), so raw HTML in Markdown is dropped.
const toHtml = unified().use(remarkHtml, { sanitize: true });
const fromMarkdown = unified().use(remarkParse);

/** Renders plain-text blocks to sanitised HTML through an mdast tree built from them (never parsed as Markdown). */
export function renderBlocks(blocks: readonly Block[]): string {
  const children: RootContent[] = blocks.map((block): RootContent => {
    if (block.type === "heading") return { type: "heading", depth: 2, children: [{ type: "text", value: block.text }] };
    if (block.type === "preformatted") return { type: "code", value: block.text };
    return { type: "paragraph", children: [{ type: "text", value: block.text }] };
  });
  return stringify({ type: "root", children });
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
  return String(toHtml.stringify(tree)).trim();
}
