import { execFile, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/temp.ts";

const root = path.join(import.meta.dirname, "..");

function cli(args: readonly string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(root, "bin/news-archive.js"), ...args], { cwd: root, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The same, without blocking: lets several time zones run side by side.
function cliAsync(args: readonly string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(root, "bin/news-archive.js"), ...args], { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) => {
      resolve({ status: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout });
    });
  });
}

describe("news-archive parse", () => {
  const files = ["tests/fixtures/tass.txt", "tests/fixtures/front-matter-date.txt", "tests/fixtures/reuters-business.txt", "tests/fixtures/bsnlp-ru.txt"];

  it("should print the same records in every time zone", async () => {
    const outputs = await Promise.all(["UTC", "America/New_York", "Asia/Tokyo"].map((tz) => cliAsync(["parse", "--json", ...files], { TZ: tz })));
    for (const output of outputs) expect(output.status).toBe(0);
    expect(new Set(outputs.map((o) => o.stdout)).size).toBe(1);
    const records = outputs[1]!.stdout.trim().split("\n").map((line) => JSON.parse(line) as { file: string; date: string; time: string | null });
    expect(records.map((r) => r.file)).toEqual(files);
    expect(records.map((r) => r.date)).toEqual(["2021-06-03", "2021-06-03", "2006-10-20", "2018-07-09"]);
    expect(records[2]!.time).toBe("16:25");
  });

  it("should walk folders for .txt and .md in sorted order, skipping README files", () => {
    const dir = tempDir("na-parse-");
    mkdirSync(path.join(dir, "b"));
    writeFileSync(path.join(dir, "README.md"), "# Not an article\n");
    writeFileSync(path.join(dir, "b", "z.txt"), "Zed headline\n\n2021-06-03\n\nText.\n");
    writeFileSync(path.join(dir, "a.md"), "# A headline\n\nText.\n");
    writeFileSync(path.join(dir, "notes.yml"), "x: 1\n");
    const output = cli(["parse", "--json", dir]);
    const records = output.stdout.trim().split("\n").map((line) => JSON.parse(line) as { file: string; title: string });
    expect(records.map((r) => path.relative(dir, r.file))).toEqual(["a.md", path.join("b", "z.txt")]);
    expect(records.map((r) => r.title)).toEqual(["A headline", "Zed headline"]);
  });

  it("should print a readable summary without --json and exit 2 on bad usage", () => {
    const summary = cli(["parse", "tests/fixtures/tass.txt"]);
    expect(summary.status).toBe(0);
    expect(summary.stdout).toContain("tass  2021-06-03  Peskov said that Turkey");
    expect(cli(["parse"]).status).toBe(2);
    expect(cli(["parse", "no/such/file.txt"]).status).toBe(2);
    expect(cli(["nonsense"]).status).toBe(2);
  });
});

describe("news-archive check", () => {
  it("should pass on the demo archive", () => {
    const output = cli(["check"]);
    expect(output.stderr).toBe("");
    expect(output.status).toBe(0);
    expect(output.stdout).toMatch(/296 files checked: 0 errors/u);
  });

  it("should print located diagnostics, a count, and exit 1 on an error", () => {
    const dir = tempDir("na-check-");
    copyFileSync(path.join(root, "tests/fixtures/date-ambiguous.txt"), path.join(dir, "bad.txt"));
    copyFileSync(path.join(root, "tests/fixtures/bbc-like.txt"), path.join(dir, "good.txt"));
    const text = cli(["check", dir]);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain(`${path.join(dir, "bad.txt")}:3:1  error  "03/06/2021" can be read day-first or month-first`);
    expect(text.stdout).toMatch(/ {2}date-ambiguous\n/u);
    expect(text.stdout).toMatch(/2 files checked: 1 error, 1 warning\n$/u);

    const github = cli(["check", dir, "--format", "github"]);
    expect(github.status).toBe(1);
    expect(github.stdout).toContain(`::error file=${path.join(dir, "bad.txt")},line=3,col=1,title=date-ambiguous::`);

    const json = cli(["check", dir, "--format=json"]);
    const parsed = JSON.parse(json.stdout) as { errors: number; warnings: number; diagnostics: Array<{ file: string; rule: string }> };
    expect(parsed.errors).toBe(1);
    expect(parsed.diagnostics.map((d) => d.rule)).toEqual(["date-ambiguous", "date-missing"]);
    expect(cli(["check", dir, "--format", "xml"]).status).toBe(2);
  });
});
