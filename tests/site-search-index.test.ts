/**
 * The search index and its cache: bundles are built by Pagefind, kept in the cache folder under a hash of the
 * searchable part of their pages, and reused by a later build only when that part did not change.
 */
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleKey, globFiles, PartMemo, readGlob, searchablePart } from "../src/site/search-cache.ts";
import { indexForSearch } from "../src/site/search-index.ts";
import { planSearchShards } from "../src/site/search-shards.ts";

const ARTICLES = [
  { path: "2020/03/05/moscow-talks", title: "Talks in Moscow end", text: "The delegations met in Magnitogorsk for three days.", after: "Next: Rain" },
  { path: "2020/11/30/rain", title: "Rain expected", text: "Forecasters expect heavy rain across the region.", after: "Previous: Talks" },
  { path: "2021/01/02/ferry", title: "Ferry service resumes", text: "The ferry between the islands runs again after repairs.", after: "" },
];

function page(title: string, text: string, after: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>${title} · News Archive</title></head>
<body><main>
<article class="article" data-pagefind-body>
<h1>${title}</h1>
<div class="article-body"><p>${text}</p></div>
<footer data-pagefind-ignore><a href="/topics/x/">Topic</a></footer>
</article>
<div class="after-article"><a href="/">${after}</a></div>
</main></body>
</html>
`;
}

async function writeSite(dir: string, articles: typeof ARTICLES): Promise<void> {
  for (const a of articles) {
    await mkdir(join(dir, a.path), { recursive: true });
    await writeFile(join(dir, a.path, "index.html"), page(a.title, a.text, a.after));
  }
  // A day page and a month page: not articles, never part of a bundle.
  await writeFile(join(dir, "2020/03/05/index.html"), "<html><body><h1>5 March 2020</h1></body></html>");
  await writeFile(join(dir, "2020/03/index.html"), "<html><body><h1>March 2020</h1></body></html>");
}

async function files(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const out = new Map<string, string>();
  for (const entry of entries.filter((e) => e.isFile()).sort((a, b) => (join(a.parentPath, a.name) < join(b.parentPath, b.name) ? -1 : 1))) {
    const path = join(entry.parentPath, entry.name);
    out.set(relative(dir, path), (await readFile(path)).toString("base64"));
  }
  return out;
}

const shards = planSearchShards(ARTICLES.map((a) => a.path.slice(0, 10).replaceAll("/", "-")), 100);
let base: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), "news-search-index-"));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe("searchablePart", () => {
  const html = Buffer.from(page("Talks", "Text of the talks.", "Next: Rain"));

  it("should leave out what is outside the article, so related and previous/next links do not change the key", () => {
    const other = Buffer.from(page("Talks", "Text of the talks.", "Next: Snow"));
    expect(searchablePart(other).equals(searchablePart(html))).toBe(true);
    expect(searchablePart(html).toString()).toContain(`<html lang="en">`);
    expect(searchablePart(html).toString()).not.toContain("Next: Rain");
  });

  it("should change when the article, its links (a path prefix) or the page's language changes", () => {
    expect(searchablePart(Buffer.from(page("Talks", "Other text.", "Next: Rain"))).equals(searchablePart(html))).toBe(false);
    expect(searchablePart(Buffer.from(html.toString().replace(`href="/topics/x/"`, `href="/pr-42/topics/x/"`))).equals(searchablePart(html))).toBe(false);
    expect(searchablePart(Buffer.from(html.toString().replace(`lang="en"`, `lang="ru"`))).equals(searchablePart(html))).toBe(false);
  });

  it("should be the whole page when Pagefind could read something outside the article (an h1, an image, a data-pagefind attribute)", () => {
    for (const extra of [`<h1>Site</h1>`, `<img src="/a.png" alt="">`, `<span data-pagefind-meta="date:2020">x</span>`]) {
      const withExtra = Buffer.from(html.toString().replace(`<div class="after-article">`, `${extra}<div class="after-article">`));
      expect(searchablePart(withExtra).equals(withExtra)).toBe(true);
    }
  });
});

describe("readGlob", () => {
  it("should read exactly the article pages a shard's glob names, in order", async () => {
    const dir = join(base, "glob");
    await writeSite(dir, ARTICLES);
    const paths = (glob: string): string[] => [...readGlob(dir, glob)].map((f) => f.path);
    expect(paths("2020/[0-9][0-9]/[0-9][0-9]/*/index.html")).toEqual(["2020/03/05/moscow-talks/index.html", "2020/11/30/rain/index.html"]);
    expect(paths("2020/{03,04}/[0-9][0-9]/*/index.html")).toEqual(["2020/03/05/moscow-talks/index.html"]);
    expect(paths("20[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html")).toHaveLength(3);
  });
});

describe("indexForSearch with a cache folder", () => {
  it("should reuse unchanged bundles in a warm build, byte for byte, and re-index a changed one", async () => {
    const cache = join(base, "cache");
    const cold = join(base, "cold");
    await writeSite(cold, ARTICLES);
    expect(shards.map((s) => s.id)).toEqual(["2021", "2020"]);
    expect(await indexForSearch(cold, shards, { cacheDir: cache })).toEqual({ built: ["2021", "2020"], reused: [] });

    // Same articles, other previous/next links: nothing Pagefind reads changed. Folders given relative to the working one.
    const warm = join(base, "warm");
    await writeSite(warm, ARTICLES.map((a) => ({ ...a, after: `${a.after} (changed)` })));
    expect(await indexForSearch(relative(process.cwd(), warm), shards, { cacheDir: relative(process.cwd(), cache) })).toEqual({ built: [], reused: ["2021", "2020"] });
    expect(await files(join(warm, "pagefind"))).toEqual(await files(join(cold, "pagefind")));

    // One article of 2020 edited: its bundle is indexed again, and equals a fresh index of the edited site.
    const edited = ARTICLES.map((a) => (a.path.endsWith("rain") ? { ...a, text: "Forecasters now expect snow." } : a));
    const changed = join(base, "changed");
    await writeSite(changed, edited);
    expect(await indexForSearch(relative(process.cwd(), changed), shards, { cacheDir: relative(process.cwd(), cache) })).toEqual({ built: ["2020"], reused: ["2021"] });
    const fresh = join(base, "fresh");
    await writeSite(fresh, edited);
    await indexForSearch(fresh, shards, { cacheDir: null });
    expect(await files(join(changed, "pagefind"))).toEqual(await files(join(fresh, "pagefind")));
    expect(await files(join(changed, "pagefind", "2020"))).not.toEqual(await files(join(cold, "pagefind", "2020")));
    expect((await readdir(join(changed, "pagefind", "2020"))).filter((name) => name.startsWith("."))).toEqual([]);
  }, 60_000);

  it("should index the pages of a run of months named by a glob with alternatives", async () => {
    const dir = join(base, "months");
    await writeSite(dir, ARTICLES);
    const run = { id: "2020-03_11", glob: "2020/{03,11}/[0-9][0-9]/*/index.html", articles: 2 };
    expect(await indexForSearch(dir, [run])).toEqual({ built: ["2020-03_11"], reused: [] });
    const entry = JSON.parse(await readFile(join(dir, "pagefind", "2020-03_11", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(entry.languages["en"]?.page_count).toBe(2);
  }, 60_000);

  it("should key a bundle by its pages, glob and Pagefind's version and arguments, not by where the site folder is", async () => {
    const dir = join(base, "prefix");
    await writeSite(dir, ARTICLES);
    const glob = "2020/[0-9][0-9]/[0-9][0-9]/*/index.html";
    const before = bundleKey(dir, glob, "salt").key;
    await cp(join(dir, "2020"), join(base, "prefix-moved", "pr-42", "2020"), { recursive: true });
    expect(bundleKey(join(base, "prefix-moved", "pr-42"), glob, "salt").key).toBe(before);
    expect(bundleKey(dir, "2020/{03}/[0-9][0-9]/*/index.html", "salt").key).not.toBe(before);
    expect(bundleKey(dir, glob, "other salt").key).not.toBe(before);
  });

  it("should key a bundle alike with and without the part memo, reading again only pages whose file changed", async () => {
    const dir = join(base, "parts");
    const cache = join(base, "parts-cache");
    await writeSite(dir, ARTICLES);
    const glob = "2020/[0-9][0-9]/[0-9][0-9]/*/index.html";
    const plain = bundleKey(dir, glob, "salt");
    const first = new PartMemo(cache);
    expect(bundleKey(dir, glob, "salt", first)).toEqual({ key: plain.key, pages: 2, read: 2 });
    first.save();
    // The next build: the same files (as the page cache links them) are taken from the memo, unread.
    expect(bundleKey(dir, glob, "salt", new PartMemo(cache))).toEqual({ key: plain.key, pages: 2, read: 0 });
    // A page written again (another inode, size or time) is read, and its new text changes the key.
    const rain = join(dir, "2020/11/30/rain/index.html");
    await rm(rain);
    await writeFile(rain, page("Rain expected", "Forecasters now expect snow.", "Previous: Talks"));
    const memo = new PartMemo(cache);
    const changed = bundleKey(dir, glob, "salt", memo);
    expect(changed).toEqual({ key: bundleKey(dir, glob, "salt").key, pages: 2, read: 1 });
    expect(changed.key).not.toBe(plain.key);
    // A memo file that cannot be read is an empty memo.
    await writeFile(join(cache, "search-parts.json"), "{not json");
    expect(bundleKey(dir, glob, "salt", new PartMemo(cache))).toEqual({ key: changed.key, pages: 2, read: 2 });
  });

  it("should take a page with a page key from the memo while its key is the same, whatever its file, and read it when the key changes", async () => {
    const dir = join(base, "keyed");
    const cache = join(base, "keyed-cache");
    await writeSite(dir, ARTICLES);
    const glob = "2020/[0-9][0-9]/[0-9][0-9]/*/index.html";
    const rainPath = "2020/11/30/rain/index.html";
    const paths = globFiles(dir, glob);
    expect(paths).toContain(rainPath);
    const keys = new Map(paths.map((path, i) => [path, `key-${i}`]));
    const plain = bundleKey(dir, glob, "salt");
    const first = new PartMemo(cache);
    expect(bundleKey(dir, glob, "salt", first, keys)).toEqual({ key: plain.key, pages: 2, read: 2 });
    first.save();
    // The same keys: nothing is read, even for a file written again (a page rendered again gives the same bytes).
    const rain = join(dir, rainPath);
    await rm(rain);
    await writeFile(rain, page("Rain expected", "Heavy rain is expected on Monday.", "Previous: Talks"));
    expect(bundleKey(dir, glob, "salt", new PartMemo(cache), keys)).toEqual({ key: plain.key, pages: 2, read: 0 });
    // A page whose key changed is read again, and its new text changes the bundle's key.
    await writeFile(rain, page("Rain expected", "Forecasters now expect snow.", "Previous: Talks"));
    const changed = bundleKey(dir, glob, "salt", new PartMemo(cache), new Map([...keys, [rainPath, "key-new"]]));
    expect(changed).toEqual({ key: bundleKey(dir, glob, "salt").key, pages: 2, read: 1 });
    expect(changed.key).not.toBe(plain.key);
  });

  it("should keep the cache to the bundles in use and a few more, and leave no staging folder", async () => {
    const cache = join(base, "prune-cache");
    for (const [n, text] of ["one", "two", "three", "four"].entries()) {
      const dir = join(base, `prune-${n}`);
      await writeSite(dir, ARTICLES.map((a) => ({ ...a, text: `${a.text} ${text}` })));
      await indexForSearch(dir, shards, { cacheDir: cache });
    }
    const entries = await readdir(join(cache, "search"));
    expect(entries.every((name) => /^[0-9a-f]{64}$/u.test(name))).toBe(true);
    expect(entries).toHaveLength(2 * shards.length);
    expect((await stat(join(base, "prune-3", "pagefind", "2020", "pagefind-entry.json"))).isFile()).toBe(true);
  }, 60_000);
});

describe("the bundles' bytes", () => {
  it("should be the same whatever order the article pages were written in (tmpfs lists files in creation order)", async () => {
    const stories = Array.from({ length: 12 }, (_, i) => ({
      path: `2022/0${1 + (i % 9)}/1${i % 10}/story-${String.fromCharCode(97 + i)}`,
      title: `Story ${i} on the harbour`,
      text: `Council ${i % 3} debated the harbour budget, ${i * 7} million, and the ferry timetable.`,
    }));
    // tmpfs, where the order showed, when the machine has one; else the system's temporary folder.
    const root = await mkdtemp(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "news-search-order-"));
    try {
      const sites = [join(root, "forward"), join(root, "backward")] as const;
      for (const [site, order] of [[sites[0], stories], [sites[1], [...stories].reverse()]] as const) {
        for (const story of order) {
          await mkdir(join(site, story.path), { recursive: true });
          await writeFile(join(site, story.path, "index.html"), page(story.title, story.text, ""));
        }
      }
      const plan = planSearchShards(stories.map((s) => s.path.slice(0, 10).replaceAll("/", "-")), 100);
      for (const site of sites) await indexForSearch(site, plan);
      const [forward, backward] = await Promise.all(sites.map((site) => files(join(site, "pagefind"))));
      expect(forward.size).toBeGreaterThan(3);
      expect(backward).toEqual(forward);
      // The staged copies Pagefind read are gone.
      expect((await readdir(root)).sort()).toEqual(["backward", "forward"]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
