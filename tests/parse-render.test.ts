import { describe, expect, it } from "vitest";
import { renderBlocks, renderBlocksWithRemark } from "../src/parse/render.ts";
import type { Block } from "../src/parse/index.ts";
import { seededRandom } from "./helpers/random.ts";

// Characters that HTML, Markdown or the serialiser could treat specially, and text of several scripts.
const PIECES = ["<", "&", ">", '"', "'", "`", "*", "#", "_", "[x](y)", "<script>", "&amp;", "&#x3C;", "\t", "   ", "\u00a0", "\u2028", "\ud83d\ude00", "\ud800", "\udc00", "Москва", "Ελλάδα", "AT&T", "1984.", "<Enter>", "\\", " ", "word", ""];
const TYPES: readonly Block["type"][] = ["paragraph", "heading", "preformatted"];

function randomBlocks(next: () => number): Block[] {
  const blocks: Block[] = [];
  const count = Math.floor(next() * 6);
  for (let i = 0; i < count; i += 1) {
    let text = "";
    const parts = Math.floor(next() * 8);
    for (let k = 0; k < parts; k += 1) text += PIECES[Math.floor(next() * PIECES.length)]!;
    const type = TYPES[Math.floor(next() * TYPES.length)]!;
    // Plain-text paragraphs and headings never hold a line ending; preformatted blocks do.
    if (type === "preformatted" && next() < 0.5) text += `\n  ${text}`;
    blocks.push({ type, text, line: i + 1 });
  }
  return blocks;
}

describe("renderBlocks", () => {
  it("should give exactly what remark-html gives for random blocks of every kind", () => {
    const next = seededRandom(42);
    for (let run = 0; run < 1000; run += 1) {
      const blocks = randomBlocks(next);
      expect(renderBlocks(blocks)).toBe(renderBlocksWithRemark(blocks));
    }
  });

  it("should escape only < and & in text, as remark-html does", () => {
    const blocks: Block[] = [
      { type: "paragraph", text: 'AT&T said <Enter> > "1984."', line: 1 },
      { type: "heading", text: "Q&A", line: 2 },
      { type: "preformatted", text: "a  <b>\n  c", line: 3 },
    ];
    expect(renderBlocks(blocks)).toBe('<p>AT&#x26;T said &#x3C;Enter> > "1984."</p>\n<h2>Q&#x26;A</h2>\n<pre><code>a  &#x3C;b>\n  c\n</code></pre>');
  });

  it("should render nothing for no blocks and keep a line ending in a paragraph as remark-html does", () => {
    expect(renderBlocks([])).toBe("");
    const blocks: Block[] = [{ type: "paragraph", text: "one  \n  two", line: 1 }];
    expect(renderBlocks(blocks)).toBe(renderBlocksWithRemark(blocks));
    for (const text of ["one \r two", "one\r\ntwo ", "\rone"]) {
      const withReturn: Block[] = [{ type: "heading", text: "Head", line: 1 }, { type: "paragraph", text, line: 2 }];
      expect(renderBlocks(withReturn), JSON.stringify(text)).toBe(renderBlocksWithRemark(withReturn));
    }
  });
});
