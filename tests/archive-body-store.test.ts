import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BodyStore, bodyReads } from "../src/archive/body-store.ts";
import { ParseCache } from "../src/archive/cache.ts";
import { tempDir } from "./helpers/temp.ts";

/** A key of shard `aa`, numbered. */
const key = (n: number): string => `aa${n.toString(16).padStart(62, "0")}`;

describe("BodyStore", () => {
  it("should read back each value, scanning a shard once for many reads", () => {
    const dir = tempDir("body-store-");
    const store = new BodyStore(dir);
    for (let n = 0; n < 5; n += 1) store.setJson(key(n), JSON.stringify({ html: `<p>${n} é</p>` }));
    store.flush();
    const again = new BodyStore(dir);
    const before = { ...bodyReads };
    expect([0, 1, 2, 3, 4, 2].map((n) => again.getJson(key(n)))).toEqual([0, 1, 2, 3, 4, 2].map((n) => JSON.stringify({ html: `<p>${n} é</p>` })));
    expect(again.getJson(key(9))).toBeUndefined();
    expect(bodyReads.shards - before.shards).toBe(1);
    expect(bodyReads.bodies - before.bodies).toBe(6);
  });

  it("should find a value again after another build rewrote its shard, and miss a line cut short", () => {
    const dir = tempDir("body-store-");
    const store = new BodyStore(dir);
    for (let n = 0; n < 4; n += 1) store.setJson(key(n), JSON.stringify({ n }));
    store.flush();
    const reader = new BodyStore(dir);
    expect(reader.getJson(key(3))).toBe('{"n":3}');
    new BodyStore(dir).compact("aa", new Set([key(2), key(3)]));
    expect(reader.getJson(key(3))).toBe('{"n":3}');
    expect(reader.getJson(key(0))).toBeUndefined();
    appendFileSync(join(dir, "aa.jsonl"), `${key(5)}\t{"n":`);
    expect(new BodyStore(dir).getJson(key(5))).toBeUndefined();
    expect(new BodyStore(dir).getJson(key(2))).toBe('{"n":2}');
  });
});

describe("ParseCache", () => {
  it("should read a body's html alone as the whole body's html, whatever the blocks and the html hold", () => {
    const dir = tempDir("parse-cache-");
    const cache = new ParseCache(dir);
    const htmls = ['<p>plain</p>', '<p>a ,"html":"x"} and \\",\\"html\\":\\"</p>', '', '<p>é — “quoted” 😀 \u2028</p>', '"}'];
    const bodies = htmls.map((html, n) => ({ body: [{ type: "paragraph", text: `,"html":"${n}"}` }], html }));
    bodies.forEach((body, n) => cache.set(key(n), JSON.stringify({ file: `f${n}`, body: null, html: null }), JSON.stringify(body)));
    cache.flush();
    const again = new ParseCache(dir);
    bodies.forEach((body, n) => {
      expect(again.html(key(n))).toBe(body.html);
      expect(again.body(key(n))).toEqual(body);
    });
    expect(again.html(key(20))).toBeUndefined();
  });

  it("should read a damaged body's html as missing", () => {
    const dir = tempDir("parse-cache-");
    const bodies = new BodyStore(join(dir, "parse-body"));
    bodies.setJson(key(1), '{"body":[],"html":3}');
    bodies.setJson(key(2), '{"body":[],"html":"<p>cut');
    bodies.setJson(key(3), '{"body":[]}');
    bodies.flush();
    const cache = new ParseCache(dir);
    for (const n of [1, 2, 3]) expect(cache.html(key(n))).toBeUndefined();
  });

  it("should rewrite a body shard when its head shard is rewritten, keeping the keys still used", () => {
    const dir = tempDir("parse-cache-");
    const first = new ParseCache(dir);
    for (let n = 0; n < 40; n += 1) first.set(key(n), JSON.stringify({ file: `f${n}`, body: null, html: null }), JSON.stringify({ body: [], html: `<p>${n}</p>` }));
    first.flush();
    const second = new ParseCache(dir);
    for (let n = 0; n < 5; n += 1) expect(second.head(key(n))?.file).toBe(`f${n}`);
    second.flush();
    const lines = readFileSync(join(dir, "parse-body", "aa.jsonl"), "utf8").split("\n").filter((line) => line !== "");
    expect(lines.map((line) => line.slice(0, 64))).toEqual([0, 1, 2, 3, 4].map(key));
    const third = new ParseCache(dir);
    expect(third.body(key(4))).toEqual({ body: [], html: "<p>4</p>" });
    expect(third.body(key(20))).toBeUndefined();
  });
});
