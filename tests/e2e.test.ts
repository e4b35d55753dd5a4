/**
 * The editor's walk-through, end to end, on a copy of the project with a small archive, through the real command:
 * add an article with `new`, make a mistake that `check` reports with its line, fix it, build, and see `diff --base`
 * report exactly the new article's pages and the pages it appears on. Then build the preview under a path prefix and
 * find no broken internal link.
 */
import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_NODE_FLAGS } from "../bin/node-flags.js";
import type { SiteDiff } from "../src/cli/diff-sites.ts";
import { copyProject, newsArchive } from "./helpers/project-copy.ts";
import type { CommandResult } from "./helpers/project-copy.ts";
import { findBrokenReferences, listFiles } from "./helpers/site.ts";

const exec = promisify(execFile);

const ARTICLES = [
  "2019/03/2019-03-31-turkey-s-president-erdogan-proposes-converting-hagia-sophia-museum-to-mosque.txt",
  "2019/10/2019-10-15-kurds-announce-deal-with-assad-s-government-as-turkey-invades-syria-s-northeast.txt",
  "2020/01/2020-01-10-greek-prime-minister-reaffirms-eastmed-pipeline-project-is-open-for-other-countr.txt",
  "2020/01/2020-01-11-cairo-summit-denounces-turkish-libyan-maritime-border-agreement.txt",
  "2020/11/2020-11-07-turkish-government-stops-search-of-survivors-of-aegean-sea-earthquake-off-izmir.txt",
  "2020/12/2020-12-21-prime-minister-of-slovakia-igor-matovic-tests-positive-for-covid-19.txt",
  "2021/03/2021-03-05-test-page-self-publish-today.txt",
  "2021/06/2021-06-03-peskov-turkey-did-not-deport-russian-specialists.txt",
];
const HEADLINE = "Istanbul harbour bridge reopens after repairs";
const FILE = "articles/2021/06/2021-06-10-istanbul-harbour-bridge-reopens-after-repairs.txt";
const URL_PATH = "/2021/06/10/istanbul-harbour-bridge-reopens-after-repairs/";
const BODY = [
  "The harbour bridge in Istanbul reopened on Thursday after eight months of repairs, the city said.",
  "",
  "Traffic on the bridge had been limited to one lane since October, when engineers found cracks in two of its piers.",
  "",
].join("\n");

let dir: string;
/** The command, with the Node flags `npm run build` passes for a build (bin/node-flags.js). */
const run = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CommandResult> => newsArchive(dir, args, env, args[0] === "build" ? BUILD_NODE_FLAGS : []);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "news-e2e-"));
  await copyProject(dir, ARTICLES);
  const git = (...args: string[]): Promise<unknown> => exec("git", ["-c", "user.name=Editor", "-c", "user.email=editor@example.org", ...args], { cwd: dir });
  await git("init", "-q", "-b", "main");
  // The copy links node_modules in as a symlink, which the `node_modules/` pattern of .gitignore does not match.
  await writeFile(join(dir, ".git", "info", "exclude"), "node_modules\n");
  await git("add", ".");
  await git("commit", "-q", "-m", "The archive before the change");
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("an editor adds an article", () => {
  let diff: SiteDiff;

  it("should create the file in its place with `new` and print its path and URL", async () => {
    const result = await run(["new", HEADLINE, "--date", "2021-06-10", "--topic", "Turkey"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${FILE}\n${URL_PATH}\n`);
    const text = await readFile(join(dir, FILE), "utf8");
    expect(text).toContain(`${HEADLINE}\n\n10 June 2021\n\n`);
    expect((await run(["new", HEADLINE, "--date", "2021-06-10"])).code).toBe(1);
  }, 180_000);

  it("should have `check` report a mistake with its file, line and rule, and fail", async () => {
    const text = await readFile(join(dir, FILE), "utf8");
    const written = text.replace(/^---\n/u, '---\nbyine: "Jane Doe"\n').replace(/Write the article here\.[^\n]*\n/u, BODY);
    await writeFile(join(dir, FILE), written);
    const result = await run(["check"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^${FILE}:2:1  error  .*"byine".*  front-matter-unknown-key$`, "mu"));
    const github = await run(["check", "--format", "github"]);
    expect(github.stdout).toContain(`::error file=${FILE},line=2,col=1`);
    const build = await run(["build"]);
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(`${FILE}:2:1`);
  }, 180_000);

  it("should pass `check` and build once the mistake is fixed", async () => {
    const text = await readFile(join(dir, FILE), "utf8");
    await writeFile(join(dir, FILE), text.replace("byine:", "byline:"));
    const check = await run(["check"]);
    expect(check.code, check.stdout).toBe(0);
    const build = await run(["build"]);
    expect(build.code, build.stderr).toBe(0);
  }, 180_000);

  it("should have `diff --base HEAD` add the article's page and nothing else", async () => {
    const result = await run(["diff", "--base", "HEAD", "--format", "json"]);
    expect(result.code, result.stderr).toBe(0);
    diff = JSON.parse(result.stdout) as SiteDiff;
    expect(diff.removed).toEqual([]);
    expect(diff.searchIndexChanged).toBe(true);
    const added = diff.added.filter((url) => !isDatePage(url) && !url.startsWith("/on-this-day/"));
    expect(added).toEqual([URL_PATH, `${URL_PATH}article.json`]);
  }, 180_000);

  it("should report the listing pages the article appears on: home, topic, day, month, year, feeds, sitemap", async () => {
    const reported = new Set([...diff.added, ...diff.changed]);
    for (const url of ["/", "/feed.xml", "/feed.json", "/sitemap.xml", "/2021/06/10/", "/2021/06/", "/2021/"]) {
      expect(reported, url).toContain(url);
    }
    const record = JSON.parse(await readFile(join(dir, "_site", URL_PATH.slice(1), "article.json"), "utf8")) as { topics: { slug: string; name: string }[] };
    expect(record.topics.map((topic) => topic.name)).toContain("Turkey");
    const topicPages = record.topics.map((topic) => `/topics/${topic.slug}/`).filter((url) => reported.has(url));
    expect(topicPages).toContain("/topics/turkey/");
    expect(reported).toContain("/topics/turkey/feed.xml");
  });

  it("should report only pages that show the article or link to a page it adds, and every page that links to it", async () => {
    const site = join(dir, "_site");
    const text = async (url: string): Promise<string> => readFile(join(site, fileOf(url)), "utf8");
    const linksToArticle = async (url: string): Promise<boolean> => (await text(url)).includes(URL_PATH);
    // Its day and on-this-day pages are new: the neighbouring day and on-this-day pages link to them.
    const addedPages = diff.added.filter((url) => url.endsWith("/"));
    // Pages that show counts of articles rather than the article itself.
    const counts = new Set(["/topics/", "/archive/"]);
    for (const url of diff.changed) {
      const page = await text(url);
      const shows = page.includes(URL_PATH) || addedPages.some((added) => page.includes(`href="${added}"`)) || counts.has(url);
      expect(shows, `${url} changed without showing the article or linking to a page it adds`).toBe(true);
    }
    const reported = new Set([...diff.added, ...diff.changed]);
    for (const file of await listFiles(site)) {
      if (file.startsWith("pagefind/")) continue;
      const url = urlOf(file);
      if (await linksToArticle(url)) expect(reported, `${url} links to the article but is not reported`).toContain(url);
    }
  });

  it("should print the same diff as text for the terminal", async () => {
    const result = await run(["diff", "--base", "HEAD"]);
    expect(result.stdout).toContain(`added    ${URL_PATH}\n`);
    expect(result.stdout).toContain(`${diff.added.length} added, ${diff.changed.length} changed, 0 removed\n`);
  }, 180_000);
});

describe("the preview of the change", () => {
  it("should write a job summary naming the new article, its pages and the diagnostics", async () => {
    const result = await run(["preview-summary", "--base", "HEAD", "--site", "_site", "--link-base", "https://preview.example.org/pr-42/"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("### Articles: 1 added, 0 changed, 0 renamed, 0 removed");
    expect(result.stdout).toContain(`| added | [${HEADLINE}](<https://preview.example.org/pr-42${URL_PATH}>) | \`${FILE}\` |`);
    expect(result.stdout).toContain("search index changed");
    expect(result.stdout).toMatch(/### Diagnostics: 0 errors/u);
  }, 180_000);


  it("should build under /pr-42/ with no broken internal link", async () => {
    const result = await run(["build", "--output", "_preview"], { NEWS_ARCHIVE_PATH_PREFIX: "/pr-42/" });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(dir, "_preview", "index.html"), "utf8")).toContain(`href="/pr-42${URL_PATH}"`);
    expect(await findBrokenReferences(join(dir, "_preview"), "/pr-42/", "https://example.org")).toEqual([]);
  }, 120_000);
});

function isDatePage(url: string): boolean {
  return /^\/\d{4}\/(?:\d{2}\/(?:\d{2}\/)?)?$/u.test(url);
}

function fileOf(url: string): string {
  return url.endsWith("/") ? `${url.slice(1)}index.html` : url.slice(1);
}

function urlOf(file: string): string {
  if (file === "index.html") return "/";
  return file.endsWith("/index.html") ? `/${file.slice(0, -"index.html".length)}` : `/${file}`;
}
