import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatDiff } from "../src/cli/diff-format.ts";
import { diffSites, listSite } from "../src/cli/diff-sites.ts";
import { run as runDiff } from "../src/cli/diff.ts";

const folders: string[] = [];

async function site(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "diff-sites-"));
  folders.push(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

describe("diffSites", () => {
  it("should name added, changed and removed pages by URL", async () => {
    const before = await site({
      "index.html": "home v1",
      "2021/06/03/old/index.html": "old",
      "feed.xml": "feed v1",
      "style.css": "same",
    });
    const after = await site({
      "index.html": "home v2",
      "2021/06/04/new/index.html": "new",
      "2021/06/04/new/article.json": "{}",
      "feed.xml": "feed v2",
      "style.css": "same",
    });
    const diff = diffSites(await listSite(before), await listSite(after));
    expect(diff).toEqual({
      added: ["/2021/06/04/new/", "/2021/06/04/new/article.json"],
      changed: ["/", "/feed.xml"],
      removed: ["/2021/06/03/old/"],
      searchIndexChanged: false,
    });
  });

  it("should report the search index once, not its fragments", async () => {
    const before = await site({ "index.html": "a", "pagefind/fragment/en_1.pf_fragment": "x", "pagefind/pagefind.js": "js" });
    const after = await site({ "index.html": "a", "pagefind/fragment/en_2.pf_fragment": "y", "pagefind/pagefind.js": "js" });
    const diff = diffSites(await listSite(before), await listSite(after));
    expect(diff).toEqual({ added: [], changed: [], removed: [], searchIndexChanged: true });
  });

  it("should report nothing for identical sites", async () => {
    const files = { "index.html": "a", "topics/nato/index.html": "b", "pagefind/x": "c" };
    const diff = diffSites(await listSite(await site(files)), await listSite(await site(files)));
    expect(diff).toEqual({ added: [], changed: [], removed: [], searchIndexChanged: false });
  });

  it("should sort URLs by code point whatever the locale", async () => {
    const after = await site({ "b/index.html": "", "B/index.html": "", "a/index.html": "", "é/index.html": "" });
    const diff = diffSites(new Map(), await listSite(after));
    expect(diff.added).toEqual(["/B/", "/a/", "/b/", "/é/"]);
  });
});

describe("formatDiff", () => {
  const diff = { added: ["/2021/06/04/new/"], changed: ["/"], removed: ["/gone/"], searchIndexChanged: true };

  it("should print one line per page and a count in text", () => {
    expect(formatDiff(diff, "text")).toBe(
      "added    /2021/06/04/new/\nchanged  /\nremoved  /gone/\nsearch index changed\n1 added, 1 changed, 1 removed\n",
    );
  });

  it("should print JSON that parses back to the diff", () => {
    expect(JSON.parse(formatDiff(diff, "json"))).toEqual(diff);
  });

  it("should link added and changed pages into the preview in Markdown, and not removed ones", () => {
    const markdown = formatDiff(diff, "markdown", { linkBase: "https://preview.example.org/pr-7/" });
    expect(markdown).toContain("[/2021/06/04/new/](<https://preview.example.org/pr-7/2021/06/04/new/>)");
    expect(markdown).toContain("[/](<https://preview.example.org/pr-7/>)");
    expect(markdown).toContain("- `/gone/`");
    expect(markdown).not.toContain("pr-7/gone/");
    expect(markdown).toContain("search index changed");
  });

  it("should cut long Markdown lists and say how many are left", () => {
    const long = { added: ["/a/", "/b/", "/c/"], changed: [], removed: [], searchIndexChanged: false };
    const markdown = formatDiff(long, "markdown", { maxItems: 2 });
    expect(markdown).toContain("- `/b/`");
    expect(markdown).not.toContain("- `/c/`");
    expect(markdown).toContain("… and 1 more");
  });
});

describe("news-archive diff", () => {
  it("should refuse a call without two sites or --base, with exit code 2", async () => {
    expect(await runDiff(["only-one"])).toBe(2);
    expect(await runDiff(["a", "b", "--format", "yaml"])).toBe(2);
  });

  it("should exit 1 when a site folder does not exist", async () => {
    expect(await runDiff([join(tmpdir(), "no-such-site-x"), join(tmpdir(), "no-such-site-y")])).toBe(1);
  });
});
