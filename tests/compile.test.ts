/**
 * The compiled code (bin/compile.js): compiled once per version of the sources, into a folder renamed into place, old
 * compilations removed; and it builds exactly the site the sources build, with its parse and render workers.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateArchive } from "../bench/generate.ts";
import { compiledRoot, prune, sourceStamp } from "../bin/compile.js";
import { inWorkers } from "../src/archive/parse-pool.ts";
import { buildSite } from "../src/site/index.ts";
import { projectRoot } from "./helpers/build.ts";

const exec = promisify(execFile);
const COMPILE = join(projectRoot, "bin", "compile.js");

let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "news-archive-compile-"));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

async function filesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

describe("compiling the sources", () => {
  it("should compile every entry point and template once, into a folder whose runtime knows it", async () => {
    const cacheDir = join(base, "once");
    const url = await compiledRoot(cacheDir);
    expect(url).not.toBeNull();
    const folder = fileURLToPath(url!);
    const templates = (await readdir(join(projectRoot, "templates"))).filter((name) => name.endsWith(".11ty.ts"));
    expect(templates.length).toBeGreaterThanOrEqual(5);
    for (const entry of ["src/cli/index.js", "src/archive/parse-worker.js", "src/site/render-worker.js", "src/site/index.js", ...templates.map((t) => `templates/${t.replace(/\.ts$/u, ".js")}`)]) {
      expect(existsSync(join(folder, entry)), entry).toBe(true);
    }
    // src/runtime.ts's COMPILED_ROOT, set to the folder's URL in whichever file esbuild put it.
    const texts = await Promise.all((await filesOf(folder)).filter((f) => f.endsWith(".js")).map((f) => readFile(join(folder, f), "utf8")));
    expect(texts.filter((text) => text.includes(`COMPILED_ROOT = ${JSON.stringify(url)}`))).toHaveLength(1);
    // Each module keeps its source's URL.
    expect(texts.some((text) => text.includes(JSON.stringify(pathToFileURL(join(projectRoot, "src", "site", "plugin.ts")).href)))).toBe(true);

    const before = (await stat(join(folder, "src", "cli", "index.js"))).mtimeMs;
    expect(await compiledRoot(cacheDir)).toBe(url);
    expect((await stat(join(folder, "src", "cli", "index.js"))).mtimeMs).toBe(before);
  });

  it("should give two compilations at once the same complete folder, and leave no unfinished one", async () => {
    const cacheDir = join(base, "twice");
    const [a, b] = await Promise.all([compiledRoot(cacheDir), compiledRoot(cacheDir)]);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(existsSync(join(fileURLToPath(a!), "src", "cli", "index.js"))).toBe(true);
    const projectDirs = await readdir(cacheDir);
    expect(projectDirs).toHaveLength(1);
    expect((await readdir(join(cacheDir, projectDirs[0]!))).sort()).toEqual([fileURLToPath(a!).split("/").at(-2), "project"].sort());
  });

  it("should answer null, for the command to run the sources through tsx, when it cannot write the compiled code", async () => {
    const file = join(base, "a-file");
    await writeFile(file, "not a folder");
    expect(await compiledRoot(file)).toBeNull();
    // importSource then loads the TypeScript source itself, through tsx.
    const script = join(base, "import-source.mjs");
    await writeFile(script, `
      const { importSource } = await import(${JSON.stringify(pathToFileURL(COMPILE).href)});
      const cli = await importSource("src/cli/index.ts", { eleventy: false, cacheDir: ${JSON.stringify(file)} });
      process.stdout.write(JSON.stringify({ main: typeof cli.main }));`);
    const { stdout } = await exec(process.execPath, [script], { cwd: projectRoot });
    expect(JSON.parse(stdout) as unknown).toEqual({ main: "function" });
  });
});

describe("the sources' stamp", () => {
  it("should change with a source's time or size, a file added, or esbuild's version, and not otherwise", async () => {
    const project = join(base, "stamped");
    await mkdir(join(project, "src"), { recursive: true });
    await mkdir(join(project, "templates"), { recursive: true });
    await writeFile(join(project, "tsconfig.json"), "{}");
    await writeFile(join(project, "src", "a.ts"), "export const a = 1;\n");
    await writeFile(join(project, "templates", "t.11ty.ts"), "export default () => '';\n");
    const first = sourceStamp("0.28.2", project);
    expect(sourceStamp("0.28.2", project)).toBe(first);
    expect(sourceStamp("0.28.3", project)).not.toBe(first);

    await utimes(join(project, "src", "a.ts"), new Date(2001, 0, 1), new Date(2001, 0, 1));
    const touched = sourceStamp("0.28.2", project);
    expect(touched).not.toBe(first);
    await writeFile(join(project, "src", "a.ts"), "export const a = 22;\n");
    await utimes(join(project, "src", "a.ts"), new Date(2001, 0, 1), new Date(2001, 0, 1));
    const resized = sourceStamp("0.28.2", project);
    expect(resized).not.toBe(touched);
    await writeFile(join(project, "templates", "_includes.ts"), "export {};\n");
    expect(sourceStamp("0.28.2", project)).not.toBe(resized);
  });
});

describe("removing old compilations", () => {
  it("should keep the current one and the three newest others, and remove the folders of projects that are gone", async () => {
    const cacheDir = join(base, "pruned");
    const projectDir = join(cacheDir, "this");
    const hour = 3_600_000;
    const folders = ["s1", "s2", "s3", "s4", "s5", "current", "old.tmp", "new.tmp"];
    for (const [i, name] of folders.entries()) {
      await mkdir(join(projectDir, name), { recursive: true });
      // s1 newest … s5 oldest; the current one oldest of all (kept anyway); one unfinished over an hour old.
      const age = name === "old.tmp" ? 2 * hour : name === "new.tmp" ? 0 : name === "current" ? 10 * hour : (i + 1) * 60_000;
      const time = new Date(Date.now() - age);
      await utimes(join(projectDir, name), time, time);
    }
    await writeFile(join(projectDir, "project"), projectRoot);
    const gone = join(cacheDir, "gone");
    await mkdir(join(gone, "s1"), { recursive: true });
    await writeFile(join(gone, "project"), join(base, "no-such-project"));
    const alive = join(cacheDir, "alive");
    await mkdir(join(alive, "s1"), { recursive: true });
    await writeFile(join(alive, "project"), projectRoot);
    const unnamed = join(cacheDir, "unnamed");
    await mkdir(join(unnamed, "s1.1.1.tmp"), { recursive: true });

    prune(cacheDir, projectDir, join(projectDir, "current"));

    expect((await readdir(projectDir)).sort()).toEqual(["current", "new.tmp", "project", "s1", "s2", "s3"]);
    expect((await readdir(cacheDir)).sort()).toEqual(["alive", "this", "unnamed"]);
  });
});

describe("the compiled code", () => {
  it("should build exactly the site the sources build, parsing and rendering on worker threads", async () => {
    const input = join(base, "articles");
    const generated = await generateArchive(450, input);
    expect(inWorkers(generated.articles)).toBe(true);
    const options = { input, cacheDir: null, search: false, parallelRender: true, renderBatch: 200, baseUrl: "https://news.example", pathPrefix: "/" };

    const fromSources = await buildSite({ ...options, output: join(base, "from-sources") });
    expect(fromSources.ok).toBe(true);

    const script = `
      const { compiledRoot } = await import(${JSON.stringify(pathToFileURL(COMPILE).href)});
      const root = await compiledRoot();
      if (root === null) throw new Error("not compiled");
      const { buildSite } = await import(new URL("src/site/index.js", root).href);
      const result = await buildSite(${JSON.stringify({ ...options, output: join(base, "compiled") })});
      process.stdout.write(JSON.stringify({ ok: result.ok, parsed: result.parsed, pages: result.pages }));`;
    // A file, not `--eval`: workers inherit `--input-type=module`, under which their own eval'd start cannot `require`.
    const file = join(base, "build-compiled.mjs");
    await writeFile(file, script);
    const { stdout } = await exec(process.execPath, [file], { cwd: projectRoot, maxBuffer: 16 << 20 });
    const compiled = JSON.parse(stdout.trim().split("\n").at(-1)!) as { ok: boolean; parsed: number; pages: number };
    expect(compiled).toEqual({ ok: true, parsed: generated.articles, pages: fromSources.pages });

    const files = await filesOf(join(base, "from-sources"));
    expect(files.length).toBeGreaterThan(1_000);
    expect(await filesOf(join(base, "compiled"))).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(base, "from-sources", file)), readFile(join(base, "compiled", file))]);
      expect(b.equals(a), file).toBe(true);
    }
  }, 180_000);
});
