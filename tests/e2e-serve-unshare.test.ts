/**
 * `news-archive serve` over an output that a linking build wrote (its pages are hard links into the page cache): when
 * its own build fails it serves that output, and the pages it then renders in place must not write through the links
 * into the page cache, which every later build copies pages from.
 */
import { createHash } from "node:crypto";
import { appendFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyProject, newsArchive } from "./helpers/project-copy.ts";
import { startServe, type ServeProcess } from "./helpers/serve-process.ts";

const TASS = "2021/06/2021-06-03-peskov-turkey-did-not-deport-russian-specialists.txt";
const OTHER = "2020/11/2020-11-07-turkish-government-stops-search-of-survivors-of-aegean-sea-earthquake-off-izmir.txt";
const BROKEN = "2021/06/undated.txt";
const TASS_URL = "/2021/06/03/peskov-said-that-turkey-did-not-deport-russian-specialists-who-were-servicing-s/";
const PORT = 20_000 + ((process.pid + 7_919) % 20_000);

let dir: string;
let server: ServeProcess | undefined;
/** Each page cache entry's SHA-256 after the linking build, by file name. */
let entries: Map<string, string>;

function running(): ServeProcess {
  if (server === undefined) throw new Error("The server did not start.");
  return server;
}

async function files(root: string): Promise<string[]> {
  const found = await readdir(root, { recursive: true, withFileTypes: true });
  return found.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

async function hashes(root: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of await files(root)) out.set(file, createHash("sha256").update(await readFile(file)).digest("hex"));
  return out;
}

async function linked(root: string): Promise<number> {
  let count = 0;
  for (const file of await files(root)) if ((await stat(file)).nlink > 1) count += 1;
  return count;
}

async function text(path: string): Promise<string> {
  try {
    const response = await fetch(`http://localhost:${PORT}${path}`);
    return response.ok ? await response.text() : "";
  } catch {
    return "";
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "news-serve-unshare-"));
  await copyProject(dir, [TASS, OTHER]);
  const built = await newsArchive(dir, ["build", "--output", "_serve", "--no-search"]);
  expect(built.code, built.stderr).toBe(0);
  entries = await hashes(join(dir, ".cache", "pages"));
  // An article with an error: the server's own build fails, and it serves the site built above.
  await writeFile(join(dir, "articles", BROKEN), "A headline without any date\n\nSome text.\n");
  server = await startServe(dir, "_serve", PORT);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("npm start over a site a linking build wrote", () => {
  it("should report the failed build and serve the previous site, its files no longer linked to the page cache", async () => {
    expect(entries.size).toBeGreaterThan(0);
    expect(running().output()).toMatch(/undated\.txt:1:1 {2}error {2}/u);
    expect(await text(TASS_URL)).toContain("Peskov said that Turkey did not deport Russian specialists");
    expect(await linked(join(dir, "_serve"))).toBe(0);
  });

  it("should render an edit into the served site and leave every page cache entry as the build stored it", async () => {
    await rm(join(dir, "articles", BROKEN));
    await appendFile(join(dir, "articles", TASS), "\nA paragraph added while serving.\n");
    await running().until("the edit to show", async () => (await text(TASS_URL)).includes("A paragraph added while serving."), 60_000);
    const after = await hashes(join(dir, ".cache", "pages"));
    const changed = [...entries].filter(([file, hash]) => after.has(file) && after.get(file) !== hash).map(([file]) => file);
    expect(changed).toEqual([]);
  }, 80_000);
});
