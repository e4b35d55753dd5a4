import { appendFileSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PackStore } from "../src/archive/pack-store.ts";
import { tempDir } from "./helpers/temp.ts";

const key = (n: number): string => n.toString(16).padStart(64, "0");

describe("PackStore", () => {
  it("should give back after a flush what was set, in a new store on the same folder", () => {
    const dir = tempDir("pack-");
    const first = new PackStore(dir);
    first.set(key(1), { a: 1, text: "line\nbreak" });
    first.set(key(2), [1, 2]);
    first.flush();
    const second = new PackStore(dir);
    expect(second.get(key(1))).toEqual({ a: 1, text: "line\nbreak" });
    expect(second.get(key(2))).toEqual([1, 2]);
    expect(second.get(key(3))).toBeUndefined();
    expect(readdirSync(dir)).toEqual(["00.jsonl"]);
  });

  it("should treat a half-written line as a miss and still read the others", () => {
    const dir = tempDir("pack-");
    const store = new PackStore(dir);
    store.set(key(1), { ok: true });
    store.flush();
    appendFileSync(join(dir, "00.jsonl"), `${key(2)}\t{"cut`);
    const again = new PackStore(dir);
    expect(again.get(key(2))).toBeUndefined();
    expect(again.get(key(1))).toEqual({ ok: true });
  });

  it("should read values of any script, the last line of a key, and skip short, empty and unterminated lines", () => {
    const dir = tempDir("pack-");
    const store = new PackStore(dir);
    store.set(key(1), { title: "Москва — Gdańsk 東京 😀" });
    store.set(key(2), { n: 1 });
    store.flush();
    appendFileSync(join(dir, "00.jsonl"), `short\n\n${key(2)}\t{"n":2}\n${key(3)}\t["ünterminated"]`);
    const again = new PackStore(dir);
    expect(again.get(key(1))).toEqual({ title: "Москва — Gdańsk 東京 😀" });
    expect(again.get(key(2))).toEqual({ n: 2 });
    expect(again.get(key(3))).toEqual(["ünterminated"]);
  });

  it("should read a value once unless asked to keep it", () => {
    const dir = tempDir("pack-");
    const store = new PackStore(dir);
    store.set(key(1), 7);
    store.flush();
    const once = new PackStore(dir);
    expect(once.get(key(1))).toBe(7);
    expect(once.get(key(1))).toBeUndefined();
    const kept = new PackStore(dir, { keepRead: true });
    expect(kept.get(key(1))).toBe(7);
    expect(kept.get(key(1))).toBe(7);
  });

  it("should rewrite a mostly stale shard with only the keys used in the run, the last value of each", () => {
    const dir = tempDir("pack-");
    const old = new PackStore(dir);
    for (let n = 0; n < 40; n += 1) old.set(key(n), n);
    old.set(key(5), "newer");
    old.flush();
    const run = new PackStore(dir);
    expect(run.get(key(5))).toBe("newer");
    run.set(key(100), "new");
    run.flush();
    const lines = readFileSync(join(dir, "00.jsonl"), "utf8").split("\n").filter((line) => line !== "");
    expect(lines).toEqual([`${key(5)}\t"newer"`, `${key(100)}\t"new"`]);
  });

  it("should keep the values a partial run did not ask for, and rewrite a shard a run used at least half of", () => {
    const dir = tempDir("pack-");
    const old = new PackStore(dir, { partial: true });
    for (let n = 0; n < 40; n += 1) old.set(key(n), n);
    old.flush();
    const partial = new PackStore(dir, { partial: true });
    expect(partial.get(key(5))).toBe(5);
    partial.set(key(100), "new");
    partial.flush();
    const after = new PackStore(dir, { partial: true });
    for (let n = 0; n < 40; n += 1) expect(after.get(key(n))).toBe(n);
    expect(after.get(key(100))).toBe("new");
    after.flush();
    // That run asked for every key: nothing is stale, nothing rewritten. One asking for 21 of 41 rewrites the shard.
    for (let n = 0; n < 40; n += 1) after.set(key(n), n + 1);
    after.flush();
    const most = new PackStore(dir, { partial: true });
    for (let n = 0; n < 21; n += 1) expect(most.get(key(n))).toBe(n + 1);
    most.flush();
    const lines = readFileSync(join(dir, "00.jsonl"), "utf8").split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(21);
  });
});
