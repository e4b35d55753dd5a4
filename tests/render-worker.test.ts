import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, loadSite, type BuildOptions, type SiteData } from "../src/site/index.ts";
import { renderBatches, splitIntoBatches } from "../src/site/render-batches.ts";
import { RenderWorker } from "../src/site/render-worker.ts";
import { outputFile } from "../src/site/url.ts";

const FIXTURES = join(import.meta.dirname, "fixtures", "site", "articles");

let base: string;
let input: string;

async function readSite(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file), "utf8")] as const)));
}

function build(output: string, options: Partial<BuildOptions> = {}): ReturnType<typeof buildSite> {
  return buildSite({ input, output: join(base, output), cacheDir: null, baseUrl: "https://news.example", pathPrefix: "/", search: false, ...options });
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "news-archive-render-worker-"));
  input = join(base, "articles");
  await cp(FIXTURES, input, { recursive: true });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("a render on two threads", () => {
  it("should write exactly the same files as a render on one thread", async () => {
    const one = await build("one", { parallelRender: false });
    const two = await build("two", { parallelRender: true, renderBatch: 4 });
    expect(one.ok && two.ok).toBe(true);
    const expected = await readSite(join(base, "one"));
    expect(expected.size).toBeGreaterThan(20);
    expect(await readSite(join(base, "two"))).toEqual(expected);
  });

  it("should store every page it renders in a copying page cache, so that a warm build renders none", async () => {
    const options = { parallelRender: true, renderBatch: 4, linkPages: false, cacheDir: join(base, "cache-copying") };
    const cold = await build("cold", options);
    expect(cold.pagesFromCache).toBe(0);
    const warm = await build("warm", options);
    const site = await readSite(join(base, "warm"));
    expect(warm.pagesFromCache).toBe([...site.keys()].filter((file) => file.endsWith(".html")).length);
    expect(site).toEqual(await readSite(join(base, "cold")));
  });
});

describe("a render worker that fails", () => {
  it("should reject with the worker's error once the other thread's batch is written, and write nothing after", async () => {
    const { site } = await loadSite(input, { cacheDir: null, baseUrl: "https://news.example", pathPrefix: "/" });
    const batches = splitIntoBatches(site, 4, 2);
    expect(batches.length).toBeGreaterThanOrEqual(2);
    // A batch the templates cannot print (an article page without its record), given to the worker (it takes the first;
    // with three batches, too few to hold one ahead, this thread takes the second).
    const broken: SiteData = { ...batches[0]!, articlePages: batches[0]!.articlePages.map((page) => ({ ...page, article: null as never })) };
    const output = join(base, "failing");
    const worker = new RenderWorker();
    try {
      const rendering = renderBatches([broken, batches[1]!, batches[2] ?? batches[1]!], output, { worker });
      await expect(rendering).rejects.toThrow(/in the render worker/u);
    } finally {
      await worker.close();
    }
    const written = await readSite(output);
    // The second batch (this thread's) was finished, not cut short.
    expect(batches[1]!.articlePages.length).toBeGreaterThan(0);
    for (const page of batches[1]!.articlePages) expect(written.has(join(page.path.slice(1), "index.html"))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readSite(output)).toEqual(written);
  });

  it("should not render the batch the worker holds ahead once the batch before it failed", async () => {
    const { site } = await loadSite(input, { cacheDir: null, baseUrl: "https://news.example", pathPrefix: "/" });
    const batches = splitIntoBatches(site, 2, 2);
    // Enough batches that the worker is given a second one with its first: the first and second are the worker's.
    expect(batches.length).toBeGreaterThanOrEqual(4);
    const broken: SiteData = { ...batches[0]!, articlePages: batches[0]!.articlePages.map((page) => ({ ...page, article: null as never })) };
    const held = batches[1]!;
    const pagesOf = (batch: SiteData): string[] => [...batch.articlePages, ...batch.listingPages].map((page) => outputFile(page.path));
    expect(pagesOf(held).length).toBeGreaterThan(0);
    const output = join(base, "failing-ahead");
    const worker = new RenderWorker();
    try {
      await expect(renderBatches([broken, ...batches.slice(1)], output, { worker })).rejects.toThrow(/in the render worker/u);
      expect(worker.pending).toBe(0);
    } finally {
      await worker.close();
    }
    const written = await readSite(output);
    for (const file of pagesOf(held)) expect(written.has(file), file).toBe(false);
    // This thread took the third batch and finished it.
    expect(pagesOf(batches[2]!).length).toBeGreaterThan(0);
    for (const file of pagesOf(batches[2]!)) expect(written.has(file), file).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await readSite(output)).toEqual(written);
  });

  it("should render the batches given while one renders, in order, each once", async () => {
    const { site } = await loadSite(input, { cacheDir: null, baseUrl: "https://news.example", pathPrefix: "/" });
    const batches = splitIntoBatches(site, 4, 2);
    const worker = new RenderWorker();
    const output = join(base, "queued");
    const done: number[] = [];
    try {
      await Promise.all(batches.map((batch, i) => worker.render(batch, output, { copyPublic: i === 0 }).then(() => done.push(i))));
      expect(worker.pending).toBe(0);
    } finally {
      await worker.close();
    }
    expect(done).toEqual(batches.map((_, i) => i));
    const one = await build("queued-reference", { parallelRender: false });
    expect(one.ok).toBe(true);
    const expected = await readSite(join(base, "queued-reference"));
    const written = await readSite(output);
    // Everything but the one-off files the build writes outside Eleventy (article JSON, text files).
    for (const [file, content] of written) expect(expected.get(file), file).toBe(content);
    expect([...expected.keys()].filter((file) => file.endsWith(".html")).sort()).toEqual([...written.keys()].filter((file) => file.endsWith(".html")).sort());
  });

  it("should reject a batch given after the worker was closed", async () => {
    const worker = new RenderWorker();
    await worker.close();
    const { site } = await loadSite(input, { cacheDir: null, baseUrl: "https://news.example", pathPrefix: "/" });
    await expect(worker.render(site, join(base, "closed"))).rejects.toThrow(/closed/u);
  });
});
