import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { articleRecordSchema, parseArticle, type ArticleRecord } from "../src/parse/index.ts";

const fixtures = path.join(import.meta.dirname, "fixtures");
const parseFixture = (name: string, encoding?: string): ArticleRecord =>
  parseArticle(readFileSync(path.join(fixtures, name)), encoding === undefined ? { path: name } : { path: name, encoding });
const rules = (record: ArticleRecord): string[] => record.diagnostics.map((d) => d.rule);
const errors = (record: ArticleRecord): string[] => record.diagnostics.filter((d) => d.severity === "error").map((d) => d.rule);

describe("parseArticle: layouts", () => {
  it("should read the TASS piece: headline, date, six paragraphs, two subheadings, rubric, photo credit, source", () => {
    const record = parseFixture("tass.txt");
    expect(record.title).toBe("Peskov said that Turkey did not deport Russian specialists who were servicing S-400 missile systems");
    expect(record.date).toBe("2021-06-03");
    expect(record.body.filter((b) => b.type === "paragraph")).toHaveLength(6);
    expect(record.body.filter((b) => b.type === "heading").map((b) => b.text)).toEqual(["Unacceptable demands", "Contract and pressure"]);
    expect(record.rubric).toBe('GSV "Russia - Islamic World"');
    expect(record.photoCredit).toBe("Vitaly Nevar / TASS");
    expect(record.source).toBe("Based on materials from TASS");
    expect(errors(record)).toEqual([]);
    expect(record.url).toBe("/2021/06/03/peskov-said-that-turkey-did-not-deport-russian-specialists-who-were-servicing-s/");
    expect(record.html).toContain("<h2>Unacceptable demands</h2>");
    expect(record.summary).toMatch(/^Russian specialists who were servicing/u);
  });

  it("should read a Wikinews article with its weekday date line", () => {
    const record = parseFixture("wikinews.txt");
    expect(record.format).toBe("wikinews");
    expect(record.title).toBe("Magnitogorsk apartment building collapses after explosion, dozens dead");
    expect(record.date).toBe("2019-01-04");
    expect(record.extra).toContainEqual({ line: 3, text: "Friday, January 4, 2019", kind: "date" });
  });

  it("should let front matter add source, sourceUrl and licence to a Wikinews article", () => {
    const record = parseFixture("wikinews-front-matter.txt");
    expect(record.source).toBe("Wikinews");
    expect(record.license).toBe("CC BY 2.5");
    expect(record.sourceUrl).toBe("https://en.wikinews.org/wiki/Escape_room_fire_kills_five_teen_girls_in_Koszalin,_Poland");
    expect(record.date).toBe("2019-01-05");
    expect(record.body[0]?.line).toBeGreaterThan(5);
  });

  it("should read the Reuters business header, time, zone, byline, URL and dateline", () => {
    const record = parseFixture("reuters-business.txt");
    expect(record.format).toBe("reuters");
    expect(record.title).toBe("Harbor Mills to close two plants, cut 900 jobs");
    expect(record.byline).toBe("By Jane Doe and Omar Said");
    expect([record.date, record.time, record.timezone]).toEqual(["2006-10-20", "16:25", "EDT"]);
    expect(record.sourceUrl).toMatch(/^http:\/\/www\.reuters\.com\/article\//u);
    expect(record.dateline).toBe("CHICAGO (Reuters)");
    expect(record.body.map((b) => b.text)).toEqual([
      "CHICAGO (Reuters) - Harbor Mills Inc. HMI.N said on Friday it would close two plants in Ohio and cut about 900 jobs as demand for its paper products slowed, sending its shares down 4 percent.",
      'The company said the closures would cost $45 million before tax, most of it in the fourth quarter. Chief Executive Ann Lee said the move was "painful but necessary."',
      "Shares fell 62 cents to $14.88 on the New York Stock Exchange.",
      "(Reporting by Jane Doe; Editing by Omar Said)",
    ]);
  });

  it("should split Reuters-21578 indented paragraphs, join their wrapped lines and take the Reuter sign-off", () => {
    const record = parseFixture("reuters21578.txt");
    expect(record.format).toBe("reuters21578");
    expect([record.date, record.time]).toEqual(["1987-02-26", "15:01:01"]);
    expect(record.dateline).toBe("CHICAGO, Feb 26");
    expect(record.body).toHaveLength(3);
    expect(record.body[0]!.text).toBe("CHICAGO, Feb 26 - Harbor Mills Inc said it expects first quarter net income to fall to about 40 cts a share from 52 cts a year earlier because of weak paper prices.");
    expect(record.source).toBe("Reuter");
    expect(record.body.some((b) => b.text.includes("Reuter"))).toBe(false);
  });

  it("should read a two-line Reuters-21578 headline-only file with a warning, not an error", () => {
    const record = parseFixture("reuters21578-brief.txt");
    expect(record.title).toBe("HARBOR MILLS SAYS IT WILL NOT PAY QUARTERLY DIVIDEND AFTER PLANT CLOSURES");
    expect(record.date).toBe("1987-03-02");
    expect(record.body).toEqual([]);
    expect(rules(record)).toEqual(["body-empty"]);
  });

  it("should keep Reuters-21578 tables line for line as preformatted blocks", () => {
    const record = parseFixture("reuters21578-table.txt");
    const tables = record.body.filter((b) => b.type === "preformatted");
    expect(tables).toHaveLength(2);
    expect(tables[0]!.text.split("\n")).toContain("Shr 22 cts vs 17 cts");
    expect(tables[1]!.text).toBe("                 1987      1986\nPaper           120.5     118.2\nBoard            80.1      79.9");
    expect(record.html).toContain("<pre><code>");
    expect(record.source).toBe("REUTER");
    expect(record.body.at(-1)!.text).toBe("NOTE: 1986 restated.");
  });

  it("should read a Reuters-21578 table without a headline: date taken, no title invented", () => {
    const record = parseFixture("reuters21578-unproc.txt");
    expect(record.title).toBeNull();
    expect([record.date, record.time]).toEqual(["1987-03-05", "09:12:44"]);
    expect(record.body.map((b) => b.type)).toEqual(["paragraph", "preformatted"]);
    expect(rules(record)).toEqual(["title-missing"]);
  });

  it("should read the Slavic id/language/date/URL header with BOM and CRLF", () => {
    const record = parseFixture("bsnlp-ru.txt");
    expect(record.format).toBe("bsnlp");
    expect(record.lang).toBe("ru");
    expect(record.date).toBe("2018-07-09");
    expect(record.title).toBe("Глава МИД Великобритании ушёл в отставку");
    expect(record.sourceUrl).toBe("https://example.ru/news/2018/07/09/otstavka");
    expect(record.extra.map((e) => e.kind)).toEqual(["id", "lang", "date"]);
    expect(record.slug).toBe("glava-mid-velikobritanii-ushyol-v-otstavku");
    expect(record.body).toHaveLength(2);
  });

  it("should take a headline that runs straight into the body (Bulgarian)", () => {
    const record = parseFixture("bsnlp-bg.txt");
    expect(record.title).toBe("21:09 Меркел и Мей обсъдиха Брекзит на среща в Берлин");
    expect(record.body[0]!.text).toMatch(/^Германският канцлер/u);
    expect(record.lang).toBe("bg");
  });

  it("should not take a date from the body when the header's date line is empty (Polish)", () => {
    const record = parseFixture("bsnlp-pl.txt");
    expect(record.date).toBeNull();
    expect(record.url).toBeNull();
    expect(rules(record)).toContain("date-missing");
    expect(record.title).toBe("Irlandzki pat w Brexicie");
  });

  it("should give Russian text without a headline no title, with a diagnostic, keeping the first line as body", () => {
    for (const name of ["russian-no-headline.txt", "russian-paragraphs.txt"]) {
      const record = parseFixture(name);
      expect(record.title).toBeNull();
      expect(record.date).toBeNull();
      expect(rules(record)).toContain("title-missing");
      expect(record.slug).toMatch(/^[a-z0-9-]+$/u);
    }
    expect(parseFixture("russian-no-headline.txt").body[0]!.text).toBe("Кризис одолел моду.");
  });

  it("should read a BBC-like article: headline, no date (null, warned), a subheading", () => {
    const record = parseFixture("bbc-like.txt");
    expect(record.title).toBe("Harbor Mills profits lifted by paper demand");
    expect(record.date).toBeNull();
    expect(record.url).toBeNull();
    expect(record.diagnostics).toContainEqual(expect.objectContaining({ severity: "warning", rule: "date-missing" }));
    expect(record.body.map((b) => b.type)).toEqual(["paragraph", "paragraph", "heading", "paragraph"]);
  });

  it("should treat plain text as text, never Markdown: characters appear exactly as written", () => {
    const record = parseFixture("plain-not-markdown.txt");
    expect(record.body.map((b) => b.text)).toEqual([
      "Press <Enter> to continue; AT&T said so in 1984.",
      "1984. A year, not a list.",
      "* not a bullet",
      "# not a heading",
      "> not a quote",
      "<script>alert(1)</script> stays text",
    ]);
    expect(record.body.every((b) => b.type === "paragraph")).toBe(true);
    expect(record.html).toContain("<p>Press &#x3C;Enter> to continue; AT&#x26;T said so in 1984.</p>");
    expect(record.html).not.toContain("<script");
    expect(record.html).not.toMatch(/<(?:ol|ul|li|h1|blockquote|em)>/u);
  });

  it("should read Markdown through remark-parse, with front matter topics and sanitised HTML", () => {
    const record = parseFixture("markdown.md");
    expect(record.format).toBe("markdown");
    expect(record.title).toBe("A Markdown article");
    expect(record.topics).toEqual([
      { name: "Turkey", slug: "turkey", kind: "subject" },
      { name: "Dmitry Peskov", slug: "dmitry-peskov", kind: "person" },
    ]);
    expect(record.updated).toBe("2021-06-04");
    expect(record.html).toContain("<em>emphasis</em>");
    expect(record.html).not.toContain("<script");
    expect(record.extra).toContainEqual({ line: 16, text: "<script>alert(1)</script>", kind: "html" });
    expect(rules(record)).toEqual(["markdown-html"]);
  });

  it("should take a leading # heading as the title of a Markdown file without a front matter title", () => {
    const record = parseArticle("# Title from heading\n\nText.\n", { path: "a.md" });
    expect(record.title).toBe("Title from heading");
    expect(record.body).toEqual([{ type: "paragraph", text: "Text.", line: 3 }]);
  });

  it("should take the date from a YYYY-MM-DD- file name when the text has none, saying so", () => {
    const record = parseArticle("A headline\n\nText without a date line.\n", { path: "articles/2020/01/2020-01-01-a-headline.txt" });
    expect(record.date).toBe("2020-01-01");
    expect(rules(record)).toEqual(["date-from-path"]);
  });
});

describe("parseArticle: bad input", () => {
  it("should report an empty file and a whitespace-only file as errors with an empty record", () => {
    for (const name of ["empty.txt", "whitespace-only.txt"]) {
      const record = parseFixture(name);
      expect(errors(record)).toEqual(["empty-file"]);
      expect(record.title).toBeNull();
      expect(record.body).toEqual([]);
      expect(record.slug).toMatch(/^untitled-[a-z0-9]+$/u);
    }
  });

  it("should read a headline-only file as a title with a body-empty warning", () => {
    const record = parseFixture("headline-only.txt");
    expect(record.title).toBe("Only a headline here");
    expect(rules(record)).toContain("body-empty");
  });

  it("should report invalid UTF-8 with its byte offset and put no U+FFFD in the record", () => {
    const record = parseFixture("invalid-utf8.txt");
    const error = record.diagnostics.find((d) => d.rule === "encoding-invalid-utf8");
    expect(error?.severity).toBe("error");
    expect(error?.message).toContain("byte offset 3");
    expect(JSON.stringify(record)).not.toContain("\uFFFD");
  });

  it("should decode a declared legacy encoding without an error", () => {
    const latin1 = parseFixture("invalid-utf8.txt", "latin1");
    expect(latin1.title).toBe("Café owners protest");
    expect(errors(latin1)).toEqual([]);
    // "Привет\n\n3 июня 2021\n\nМир." in windows-1251.
    const bytes = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x0a, 0x0a, 0x33, 0x20, 0xe8, 0xfe, 0xed, 0xff, 0x20, 0x32, 0x30, 0x32, 0x31, 0x0a, 0x0a, 0xcc, 0xe8, 0xf0, 0x2e];
    const cp1251 = parseArticle(new Uint8Array(bytes), { path: "x.txt", encoding: "windows-1251" });
    expect(cp1251.date).toBe("2021-06-03");
    expect(cp1251.title).toBe("Привет");
    expect(cp1251.body[0]!.text).toBe("Мир.");
  });

  it("should remove control characters with a located warning", () => {
    const record = parseFixture("control-chars.txt");
    expect(record.diagnostics).toContainEqual(expect.objectContaining({ rule: "control-character", line: 5, column: 6, severity: "warning" }));
    expect(record.body[0]!.text).toBe("A NUL byte, a bell and an escape[31m sequence sit in this line.");
  });

  it("should make a bidirectional override in the headline an error and remove it", () => {
    const record = parseFixture("bidi-headline.txt");
    expect(record.diagnostics).toContainEqual(expect.objectContaining({ rule: "bidi-override", line: 1, severity: "error" }));
    expect(record.title).toBe("Bank reports slaitnedifnoc results");
  });

  it("should report impossible and ambiguous dates without guessing one", () => {
    const impossible = parseFixture("date-impossible.txt");
    expect(impossible.date).toBeNull();
    expect(impossible.diagnostics).toContainEqual(expect.objectContaining({ rule: "date-impossible", line: 3, severity: "error" }));
    const ambiguous = parseFixture("date-ambiguous.txt");
    expect(ambiguous.date).toBeNull();
    expect(ambiguous.diagnostics).toContainEqual(expect.objectContaining({ rule: "date-ambiguous", line: 3, severity: "error" }));
    expect(ambiguous.extra).toContainEqual({ line: 3, text: "03/06/2021", kind: "date" });
  });

  it("should handle CRLF, CR-only and mixed line endings alike", () => {
    const mixed = parseFixture("mixed-line-endings.txt");
    expect(mixed.title).toBe("Mixed line endings headline");
    expect(mixed.body.map((b) => b.text)).toEqual(["First paragraph line one is joined with line two.", "Second paragraph."]);
    const cr = parseFixture("cr-only.txt");
    expect([cr.title, cr.date, cr.body[0]!.text]).toEqual(["Old Mac line endings", "2021-06-03", "A paragraph written with CR only."]);
  });

  it("should never run ---js or ---javascript front matter, and report it", () => {
    for (const name of ["front-matter-js.txt", "front-matter-javascript.txt"]) {
      const record = parseFixture(name);
      expect((globalThis as { __frontMatterRan?: string }).__frontMatterRan).toBeUndefined();
      expect(record.diagnostics).toContainEqual(expect.objectContaining({ rule: "front-matter-engine", line: 1, severity: "error" }));
      expect(record.title).toMatch(/^Headline after/u);
    }
  });

  it("should report unknown front matter keys at their lines", () => {
    const record = parseFixture("front-matter-unknown-key.txt");
    const unknown = record.diagnostics.filter((d) => d.rule === "front-matter-unknown-key");
    expect(unknown.map((d) => d.line)).toEqual([3, 4]);
    expect(unknown[0]!.message).toContain('"author"');
    expect(record.title).toBe("Known key");
  });

  it("should report broken YAML at its file line and unclosed front matter", () => {
    const bad = parseFixture("front-matter-bad-yaml.txt");
    expect(bad.diagnostics).toContainEqual(expect.objectContaining({ rule: "front-matter-yaml", severity: "error" }));
    const line = bad.diagnostics.find((d) => d.rule === "front-matter-yaml")!.line;
    expect(line).toBeGreaterThanOrEqual(3);
    expect(line).toBeLessThanOrEqual(4);
    expect(errors(parseFixture("front-matter-unclosed.txt"))).toEqual(["front-matter-unclosed"]);
  });

  it("should read YAML dates as calendar dates, whatever the time zone", () => {
    const record = parseFixture("front-matter-date.txt");
    expect([record.date, record.updated, record.draft, record.slug]).toEqual(["2021-06-03", "2021-06-04", true, "custom-slug"]);
    expect(record.url).toBe("/2021/06/03/custom-slug/");
  });

  it("should reject wrongly typed front matter values at their line", () => {
    const record = parseArticle("---\ndate: 2021-02-30\ndraft: maybe\ntopics: 7\nslug: Not A Slug\n---\nHeadline\n\nText.\n", { path: "x.txt" });
    expect(record.diagnostics.filter((d) => d.rule === "front-matter-type").map((d) => d.line)).toEqual([2, 3, 4, 5]);
    expect(record.draft).toBe(false);
    expect(record.slug).toBe("headline");
  });

  it("should parse a 10 MB file and a 10 MB single line quickly, with a defined result", () => {
    const paragraph = "The council met on Tuesday and approved the budget for the coming year. ".repeat(10);
    const big = `A very long article\n\n2021-06-03\n\n${`${paragraph}\n\n`.repeat(Math.ceil(10_000_000 / (paragraph.length + 2)))}`;
    let started = performance.now();
    const many = parseArticle(big, { path: "big.txt" });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(many.title).toBe("A very long article");
    expect(many.body.length).toBeGreaterThan(10_000);
    expect(articleRecordSchema.safeParse(many).success).toBe(true);

    const line = "x".repeat(5_000_000) + " (" + "y ".repeat(2_500_000);
    started = performance.now();
    const single = parseArticle(line, { path: "line.txt" });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(single.title).toBeNull();
    expect(single.body).toHaveLength(1);
    expect(rules(single)).toContain("title-missing");
  });

  it("should read a huge Markdown file as plain text, quickly, with a warning", () => {
    const big = `# Title\n\n${"Some *markdown* text with a [link](http://x).\n\n".repeat(25_000)}`;
    const started = performance.now();
    const record = parseArticle(big, { path: "big.md" });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(rules(record)).toContain("markdown-too-large");
    expect(record.body.length).toBeGreaterThan(20_000);
  });

  it("should parse 400,000 short lines in linear time", () => {
    const started = performance.now();
    const record = parseArticle("Year\n".repeat(400_000), { path: "rows.txt" });
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(record.body.length).toBeGreaterThan(0);
  });

  it("should return a frozen record valid against the schema for any input", () => {
    const inputs = ["", "\n", "---", "---\n---", "--", "-- \n--", "1\nen\n", "\u202e", "\u0000", "a\rb\r\nc\nd", "ЖЖЖ", "#", "<p>", "2021-06-03"];
    for (const input of inputs) {
      const record = parseArticle(input, { path: "x.txt" });
      expect(articleRecordSchema.safeParse(record).success).toBe(true);
      expect(Object.isFrozen(record)).toBe(true);
    }
  });
});
