import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite, loadSite, type BuildOptions, type SiteData } from "../src/site/index.ts";
import { renderBatches, splitIntoBatches } from "../src/site/render-batches.ts";
import { RenderWorker } from "../src/site/render-worker.ts";

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
    // A batch the templates cannot print (an article page without its record), given to the worker (it takes the first).
    const broken: SiteData = { ...batches[0]!, articlePages: batches[0]!.articlePages.map((page) => ({ ...page, article: null as never })) };
    const output = join(base, "failing");
    const worker = new RenderWorker();
    try {
      const rendering = renderBatches([broken, ...batches.slice(1)], output, { worker });
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

  it("should reject a batch given after the worker was closed", async () => {
    const worker = new RenderWorker();
    await worker.close();
    const { site } = await loadSite(input, { cacheDir: null, baseUrl: "https://news.example", pathPrefix: "/" });
    await expect(worker.render(site, join(base, "closed"))).rejects.toThrow(/closed/u);
  });
});
