import { spawnSync } from "node:child_process";
import { copyFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/temp.ts";

const root = path.join(import.meta.dirname, "..");
const fixtures = path.join(import.meta.dirname, "fixtures", "topics");

function cli(args: readonly string[]): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [path.join(root, "bin/news-archive.js"), ...args], { cwd: root, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout };
}

function archive(vocabulary: string): string {
  const dir = tempDir("topics-cli-");
  copyFileSync(path.join(fixtures, "tass-peskov.txt"), path.join(dir, "2021-06-03-peskov.txt"));
  copyFileSync(path.join(fixtures, "wikinews-hagia-sophia.txt"), path.join(dir, "2019-03-31-hagia-sophia.txt"));
  writeFileSync(path.join(dir, "topics.yml"), vocabulary);
  return dir;
}

describe("news-archive topics", () => {
  it("should list topics with counts, merged variants and vocabulary diagnostics", () => {
    const dir = archive("topics:\n  - name: Dmitry Peskov\n    kind: person\n    description: Kremlin spokesman.\nsuppress: [NATO]\n");
    const { status, stdout } = cli(["topics", "--all", "--json", dir]);
    expect(status).toBe(0);
    const out = JSON.parse(stdout) as { articles: number; topics: { name: string; count: number; variants: string[]; description: string | null }[] };
    expect(out.articles).toBe(2);
    const turkey = out.topics.find((t) => t.name === "Turkey");
    expect(turkey?.count).toBe(2);
    expect(turkey?.variants).toEqual(expect.arrayContaining(["Turkish"]));
    expect(out.topics.find((t) => t.name === "Dmitry Peskov")?.description).toBe("Kremlin spokesman.");
    expect(out.topics.map((t) => t.name)).not.toContain("NATO");
  });

  it("should print the vocabulary file's errors as path:line:column and exit 1", () => {
    const dir = archive("topics:\n  - name: Turkey\n    kind: nation\n");
    const { status, stdout } = cli(["topics", dir]);
    expect(status).toBe(1);
    expect(stdout).toContain(`${path.join(dir, "topics.yml")}:3:11  error`);
    expect(stdout).toMatch(/2 articles, \d+ topics/u);
  });
});
