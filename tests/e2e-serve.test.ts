/**
 * `npm start` (`news-archive serve`) on a copy of the project: the editor sees an edited and a new article on the
 * served site, and once the server has settled, the site it wrote is the one a full build writes.
 */
import { appendFile, mkdtemp, rm } from "node:fs/promises";
import { get } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffSites, listSite } from "../src/cli/diff-sites.ts";
import { copyProject, newsArchive } from "./helpers/project-copy.ts";
import { startServe, type ServeProcess } from "./helpers/serve-process.ts";

const TASS = "2021/06/2021-06-03-peskov-turkey-did-not-deport-russian-specialists.txt";
const ARTICLES = [
  TASS,
  "2020/11/2020-11-07-turkish-government-stops-search-of-survivors-of-aegean-sea-earthquake-off-izmir.txt",
  "2020/01/2020-01-11-cairo-summit-denounces-turkish-libyan-maritime-border-agreement.txt",
  "2019/10/2019-10-15-kurds-announce-deal-with-assad-s-government-as-turkey-invades-syria-s-northeast.txt",
];
const PORT = 20_000 + (process.pid % 20_000);

let dir: string;
let server: ServeProcess | undefined;
const site = (path: string): string => `http://localhost:${PORT}${path}`;

/** Fetches a page as a browser navigating to it (fetch() may not set Sec-Fetch-Mode), so the live-reload client is injected. */
function page(path: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const request = get(site(path), { headers: { "sec-fetch-mode": "navigate" } }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", () => resolve({ status: 0, text: "" }));
  });
}

function running(): ServeProcess {
  if (server === undefined) throw new Error("The server did not start.");
  return server;
}

function until(what: string, test: () => Promise<boolean>, ms?: number): Promise<void> {
  return running().until(what, test, ms);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "news-serve-"));
  await copyProject(dir, ARTICLES);
  server = await startServe(dir, "_serve", PORT);
}, 150_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("should serve the archive with live reload", async () => {
    const home = await page("/");
    expect(home.status).toBe(200);
    expect(home.text).toContain("Peskov said that Turkey did not deport Russian specialists");
    expect(home.text).toMatch(/<script[^>]*\/\.11ty\/reload-client\.js/u);
  });

  it("should show an edit to an article on its page", async () => {
    await appendFile(join(dir, "articles", TASS), "\nA paragraph added while serving.\n");
    const url = "/2021/06/03/peskov-said-that-turkey-did-not-deport-russian-specialists-who-were-servicing-s/";
    await until("the edit to show", async () => (await page(url)).text.includes("A paragraph added while serving."), 30_000);
  }, 40_000);

  it("should show a new article on its page, then on the home page", async () => {
    const created = await newsArchive(dir, ["new", "Ferry service to the islands resumes", "--date", "2021-06-12", "--topic", "Turkey"]);
    expect(created.code, created.stderr).toBe(0);
    const url = created.stdout.split("\n")[1] ?? "";
    expect(url).toBe("/2021/06/12/ferry-service-to-the-islands-resumes/");
    await until("the new article's page", async () => (await page(url)).status === 200, 30_000);
    await until("the home page to list it", async () => (await page("/")).text.includes(`href="${url}"`), 60_000);
  }, 100_000);

  it("should leave, once settled, the same pages a full build writes", async () => {
    await until("the server to settle", () => Promise.resolve(/Listings and neighbours: [^\n]*\n(?![\s\S]*changed file)/u.test(running().output())), 60_000);
    const build = await newsArchive(dir, ["build", "--output", "_full"]);
    expect(build.code, build.stderr).toBe(0);
    const diff = diffSites(await listSite(join(dir, "_full")), await listSite(join(dir, "_serve")));
    expect({ added: diff.added, changed: diff.changed, removed: diff.removed }).toEqual({ added: [], changed: [], removed: [] });
  }, 120_000);
});
