import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { articleFilePath, articleText, humanDate } from "../src/cli/new-article.ts";
import { createArticle, localToday } from "../src/cli/new.ts";
import { parseArticle } from "../src/parse/index.ts";

const TASS = "2021/06/2021-06-03-peskov-turkey-did-not-deport-russian-specialists.txt";
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "news-new-"));
  await cp(join(import.meta.dirname, "..", "articles", TASS), join(dir, TASS));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = (): { articlesDir: string; cacheDir: null } => ({ articlesDir: dir, cacheDir: null });

describe("articleText", () => {
  it("should write the plain-text layout: headline, blank, date line, blank, paragraph; topics in front matter", () => {
    const text = articleText({ title: "Budget passed", date: "2021-06-03", topics: ["Parliament", "yes"], format: "txt" });
    expect(text).toBe(
      '---\ntopics:\n  - "Parliament"\n  - "yes"\n---\nBudget passed\n\n03 June 2021\n\n' +
        "Write the article here. Separate paragraphs with a blank line; a paragraph may be wrapped over several lines.\n",
    );
  });

  it("should put headline and date in front matter for Markdown", () => {
    const text = articleText({ title: 'A "quoted" #1', date: "2021-06-03", topics: [], format: "md" });
    expect(text.startsWith('---\ntitle: "A \\"quoted\\" #1"\ndate: "2021-06-03"\n---\n')).toBe(true);
  });

  it("should name files YYYY/MM/YYYY-MM-DD-<slug>.<ext>", () => {
    expect(articleFilePath("2021-06-03", "budget-passed", "txt")).toBe("2021/06/2021-06-03-budget-passed.txt");
    expect(humanDate("2021-12-09")).toBe("09 December 2021");
  });
});

describe("createArticle", () => {
  it("should write the file in its place and return the URL the parser gives it", async () => {
    const result = await createArticle({ title: "Budget passed", date: "2021-06-03", topics: ["Parliament"], format: "txt" }, options());
    expect(result).toEqual({ ok: true, file: join(dir, "2021/06/2021-06-03-budget-passed.txt"), url: "/2021/06/03/budget-passed/" });
    const record = parseArticle(await readFile(join(dir, "2021/06/2021-06-03-budget-passed.txt")), { path: "x.txt" });
    expect(record.title).toBe("Budget passed");
    expect(record.date).toBe("2021-06-03");
    expect(record.topics.map((topic) => topic.name)).toContain("Parliament");
    expect(record.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("should write a Markdown article that reads back with its headline and date", async () => {
    const result = await createArticle({ title: "Rates held", date: "2020-02-29", topics: [], format: "md" }, options());
    expect(result).toEqual({ ok: true, file: join(dir, "2020/02/2020-02-29-rates-held.md"), url: "/2020/02/29/rates-held/" });
  });

  it("should refuse to overwrite an existing file, and leave it as it was", async () => {
    const path = join(dir, "2021/06/2021-06-04-budget-passed.txt");
    await createArticle({ title: "Budget passed", date: "2021-06-04", topics: [], format: "txt" }, options());
    await writeFile(path, "edited by hand");
    const again = await createArticle({ title: "Budget passed", date: "2021-06-04", topics: [], format: "txt" }, options());
    expect(again.ok).toBe(false);
    expect(await readFile(path, "utf8")).toBe("edited by hand");
  });

  it("should refuse a headline whose URL another article has, naming it", async () => {
    const result = await createArticle(
      { title: "Peskov said that Turkey did not deport Russian specialists who were servicing S-400 missile systems", date: "2021-06-03", topics: [], format: "md" },
      options(),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(TASS);
  });

  it("should refuse an impossible date, an empty headline and a headline with a line break", async () => {
    expect((await createArticle({ title: "A", date: "2021-02-30", topics: [], format: "txt" }, options())).ok).toBe(false);
    expect((await createArticle({ title: "  ", date: "2021-02-03", topics: [], format: "txt" }, options())).ok).toBe(false);
    expect((await createArticle({ title: "A\nB", date: "2021-02-03", topics: [], format: "txt" }, options())).ok).toBe(false);
  });

  it("should keep a headline that looks like a date line by writing it in front matter", async () => {
    const result = await createArticle({ title: "June 3, 2021", date: "2021-06-05", topics: [], format: "txt" }, options());
    expect(result.ok).toBe(true);
    if (result.ok) {
      const record = parseArticle(await readFile(result.file), { path: "x.txt" });
      expect(record.title).toBe("June 3, 2021");
      expect(record.date).toBe("2021-06-05");
    }
  });
});

describe("localToday", () => {
  it("should give the editor's local calendar date, not the UTC one", () => {
    const saved = process.env["TZ"];
    try {
      process.env["TZ"] = "Asia/Tokyo";
      expect(localToday(new Date("2021-06-02T23:30:00Z"))).toBe("2021-06-03");
      process.env["TZ"] = "America/New_York";
      expect(localToday(new Date("2021-06-03T02:30:00Z"))).toBe("2021-06-02");
    } finally {
      if (saved === undefined) delete process.env["TZ"];
      else process.env["TZ"] = saved;
    }
  });
});
