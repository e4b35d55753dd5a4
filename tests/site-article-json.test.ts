import { readdirSync, readFileSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bodyJsonOf, loadArchive, withFields } from "../src/archive/index.ts";
import { lazyRecord, splitRecord, type BodySource, type RecordBody, type RecordHead } from "../src/archive/lazy-record.ts";
import type { ArticleRecord } from "../src/parse/index.ts";
import { articleJson } from "../src/site/article-json.ts";
import { jsonForScript } from "../src/site/escape.ts";
import { MALFORMED, stringEnd, TOO_SMALL, writeScriptJson } from "../src/site/json-indent.ts";
import type { ArticlePage } from "../src/site/types.ts";

const FIXTURES = join(import.meta.dirname, "fixtures");

/** Every expected record of the parser's fixtures. */
const RECORDS: readonly ArticleRecord[] = readdirSync(FIXTURES)
  .filter((name) => name.endsWith(".json"))
  .map((name) => JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as ArticleRecord);

/** A value of every kind JSON has, nested, with strings that hold JSON's punctuation, escapes and non-ASCII text. */
const AWKWARD = {
  empty: { object: {}, array: [], string: "" },
  numbers: [0, -1, 1.5, 1e21, -2.5e-7, 123456789012],
  literals: [true, false, null],
  strings: ['a "quoted" word', "back\\slash\\", 'ends with \\"', "{[,:]}", "tab\tnew\nline", "\u0001", "é 日本 🙂", "\u2028\u2029", "<p>&amp;</p>"],
  nested: [[[[]]], [{ a: [{}] }], { "": { " ": [1, [2, [3]]] } }],
  "2": "an index-like key",
  "__proto__": "a key JSON.parse keeps as an own field",
};

/**
 * A record read lazily from a source that holds its body's JSON text as `splitRecord` wrote it (or a text given);
 * with `textOnly`, the source gives the text alone and fails when asked for the parsed body.
 */
function lazy(record: ArticleRecord, stored?: string, textOnly = false): ArticleRecord {
  const { head, body } = splitRecord(record);
  const parsed = JSON.parse(body) as RecordBody;
  const read = (): RecordBody => {
    if (textOnly) throw new Error("the body was parsed");
    return parsed;
  };
  const source: BodySource = { read, readJson: () => Buffer.from(stored ?? body) };
  return lazyRecord(JSON.parse(head) as RecordHead, "0".repeat(64), source);
}

function page(article: ArticleRecord): ArticlePage {
  return { article } as unknown as ArticlePage;
}

/** `writeScriptJson` of a whole text into a buffer of a given size, as text (or its failure). */
function written(text: string, depth: number, size = 4 * Buffer.byteLength(text) + 4096): string | number {
  const src = Buffer.from(text);
  const out = Buffer.alloc(size);
  const end = writeScriptJson(src, 0, src.length, depth, out, 0);
  return end < 0 ? end : out.toString("utf8", 0, end);
}

describe("writeScriptJson", () => {
  it("should lay out compact JSON as jsonForScript indents and escapes it, at each depth", () => {
    for (const value of [AWKWARD, ...RECORDS, [], {}, "text", "<&>\u2028", 12, null]) {
      for (const depth of [0, 1, 3]) {
        expect(written(JSON.stringify(value), depth)).toBe(jsonForScript(value, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`));
      }
    }
  });

  it("should lay out long strings, copied in runs, as jsonForScript does, wherever their escapes and special characters fall", () => {
    const pieces = ['"', "\\", "<", ">", "&", "\u2028", "\u2029", "’", "é", "🙂", "\n", "\u0001", "x"];
    const values: unknown[] = [];
    for (const piece of pieces) {
      for (const at of [0, 1, 31, 32, 33, 64, 200]) {
        const text = `${"a".repeat(at)}${piece}${"b".repeat(70)}${piece}${piece}`;
        values.push(text, { text, next: [text, "short", `${text}<p>${"c".repeat(40)}</p>`] });
      }
    }
    // Long strings with none of the special bytes, and with them only in later strings.
    values.push(["d".repeat(100), "e".repeat(33), `${"f".repeat(50)}<>&`], { html: `<p>${"g".repeat(80)} &amp; “${"h".repeat(40)}”</p>`.repeat(3) });
    for (const value of values) {
      for (const depth of [0, 2]) {
        expect(written(JSON.stringify(value), depth)).toBe(jsonForScript(value, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`));
      }
    }
  });

  it("should answer MALFORMED for a long string left open, and TOO_SMALL for one that does not fit", () => {
    const long = `"${"a".repeat(100)}<b>${"c".repeat(100)}`;
    expect(written(long, 0)).toBe(MALFORMED);
    expect(written(`[${long}"]`, 0)).not.toBe(MALFORMED);
    const text = JSON.stringify(["x".repeat(300)]);
    const size = Buffer.byteLength(written(text, 0) as string);
    for (const short of [1, 8, 9, 150, size]) expect(written(text, 0, size - short)).toBe(TOO_SMALL);
    expect(written(text, 0, size + 8)).toBe(written(text, 0));
  });

  it("should answer TOO_SMALL when the output does not fit, whatever the room short", () => {
    const text = JSON.stringify(AWKWARD);
    const whole = written(text, 2) as string;
    const size = Buffer.byteLength(whole);
    for (const short of [1, 7, 8, 9, 200, size]) expect(written(text, 2, size - short)).toBe(TOO_SMALL);
    expect(written(text, 2, size + 8)).toBe(whole);
  });

  it("should answer MALFORMED for text that is not compact JSON", () => {
    for (const text of ['{"a": 1}', '["unclosed]', "[1,2", "[1]]", "{]", '{"a":1}}', "[1,x]", '"a" ', "[\n1]", "{}]", '"a\\', "1,2", "<"]) {
      expect(written(text, 1), text).toBe(MALFORMED);
    }
  });
});

describe("stringEnd", () => {
  it("should find the quote that closes a JSON string, past escaped quotes and runs of backslashes, within the bound", () => {
    const end = (text: string, start = 0, to = Buffer.byteLength(text)): number => stringEnd(Buffer.from(text), start, to);
    expect(end(String.raw`"abc"`)).toBe(4);
    expect(end(String.raw`"a\"b"`)).toBe(5);
    expect(end(String.raw`"a\\"b"`)).toBe(4);
    expect(end(String.raw`"a\\\"b"`)).toBe(7);
    expect(end(String.raw`"a\\\\"`)).toBe(6);
    expect(end(String.raw`"\\""`)).toBe(3);
    expect(end(String.raw`x"a"`)).toBe(-1);
    expect(end(String.raw`x"a"`, 1)).toBe(3);
    expect(end(String.raw`"abc`)).toBe(-1);
    expect(end(String.raw`"a\"`)).toBe(-1);
    expect(end(String.raw`"ab"`, 0, 3)).toBe(-1);
    // Every string JSON.stringify writes, alone and followed by more text.
    for (const value of AWKWARD.strings) {
      const json = JSON.stringify(value);
      expect(end(json)).toBe(Buffer.byteLength(json) - 1);
      expect(end(`${json},"x"`)).toBe(Buffer.byteLength(json) - 1);
    }
  });
});

describe("articleJson", () => {
  it("should write a lazy record's stored body into the same text as serialising the whole record", () => {
    const withAwkwardBody = { ...RECORDS[0]!, body: [{ type: "paragraph" as const, text: 'a <b> & "c" \u2028 {[,:]} ,"html":', line: 3 }], html: '<p>a ,"html":"x"} \u2029</p>' };
    for (const record of [...RECORDS, withAwkwardBody]) {
      expect(articleJson(page(lazy(record, undefined, true))).toString("utf8")).toBe(`${jsonForScript(record, 2)}\n`);
    }
  });

  it("should serialise the record as it is when the stored body text is damaged", () => {
    const record = RECORDS.find((r) => r.body.length > 0)!;
    const { body } = splitRecord(record);
    for (const damaged of [body.slice(0, -2), body.replace('"body":[', '"body": ['), body.replace('{"body":', '{"blocks":'), `${body.slice(0, -2)}}`]) {
      expect(articleJson(page(lazy(record, damaged))).toString("utf8")).toBe(`${jsonForScript(record, 2)}\n`);
    }
  });

  it("should not use the stored body for a lazy record whose body was replaced", () => {
    const record = RECORDS.find((r) => r.body.length > 0)!;
    const replaced = withFields(lazy(record), { body: [], html: "" });
    expect(articleJson(page(replaced)).toString("utf8")).toBe(`${jsonForScript({ ...record, body: [], html: "" }, 2)}\n`);
  });
});

describe("bodyJsonOf", () => {
  it("should give the stored body text of each record an archive loads with a cache, cold or warm, and none without a cache", async () => {
    const base = await mkdtemp(join(tmpdir(), "news-archive-article-json-"));
    try {
      const input = join(base, "articles");
      await cp(join(FIXTURES, "site", "articles"), input, { recursive: true });
      const cacheDir = join(base, "cache");
      const plain = await loadArchive(input);
      expect(plain.articles.length).toBeGreaterThan(3);
      expect(plain.articles.every((record) => bodyJsonOf(record) === undefined)).toBe(true);
      for (const loaded of [await loadArchive(input, { cacheDir }), await loadArchive(input, { cacheDir })]) {
        expect(loaded.articles.map((record) => Buffer.from(bodyJsonOf(record) ?? "").toString("utf8"))).toEqual(plain.articles.map((record) => splitRecord(record).body));
        expect(loaded.articles.map((article) => articleJson(page(article)).toString("utf8"))).toEqual(plain.articles.map((article) => articleJson(page(article)).toString("utf8")));
      }
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
