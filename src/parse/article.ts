import { config } from "../config.ts";
import { buildBlocks } from "./blocks.ts";
import { decodeArticle } from "./decode.ts";
import { Reporter } from "./diagnostics.ts";
import { readFrontFields, type FrontFields } from "./fields.ts";
import { readFrontMatter } from "./front-matter.ts";
import { readHead, type Head } from "./layout.ts";
import { splitLines, type Line } from "./lines.ts";
import { detectLanguage } from "./language.ts";
import { readMarkdown, renderBlocks } from "./render.ts";
import { countWords } from "./coverage.ts";
import { dateFromPath, dateline, takeLateDateLine } from "./found-fields.ts";
import { articleRecordSchema, type ArticleRecord, type Block, type ExtraLine } from "./schema.ts";
import { articleUrl, shortHash, slugify } from "./slug.ts";
import { splitReuterTail, takeTrailer } from "./trailer.ts";

/** Options of {@link parseArticle}. */
export interface ParseOptions {
  /** The path the file was read from, as given (kept in the record; `.md` selects Markdown). */
  path: string;
  /** A declared legacy encoding for bytes (`windows-1251`, `latin1`); default strict UTF-8. */
  encoding?: string;
}

/** Longest Markdown text read through remark-parse, in characters. */
const MAX_MARKDOWN = 1_000_000;

/**
 * Parses one article file into a validated, frozen record. Pure: reads nothing but its input.
 * Problems in the content become located diagnostics in the record; it never throws on bad input.
 * @param input the file's bytes (decoded as strict UTF-8 unless `options.encoding` is given) or its text
 * @param options `path` as given, optional `encoding`
 */
export function parseArticle(input: Uint8Array | string, options: ParseOptions): ArticleRecord {
  const reporter = new Reporter();
  const text = decodeArticle(input, options.encoding, reporter);
  const lines = splitLines(text, reporter);
  const front = readFrontMatter(lines, reporter);
  const fields: FrontFields = front === null ? { strings: {} } : readFrontFields(front, reporter);
  const start = front?.bodyIndex ?? 0;
  let markdown = /\.(?:md|markdown)$/iu.test(options.path);
  if (markdown && text.length > MAX_MARKDOWN) {
    // remark-parse needs minutes for megabytes of Markdown; plain text reading is linear.
    reporter.report("warning", 1, 1, "markdown-too-large", `The Markdown file is ${text.length} characters long (over ${MAX_MARKDOWN}), so it was read as plain text to keep the build fast. Split it into smaller articles.`);
    markdown = false;
  }

  let head: Head;
  let blocks: Block[];
  let html: string;
  const extra: ExtraLine[] = [];
  let trailer = { rubric: null as string | null, photoCredit: null as string | null, source: null as string | null };
  if (markdown) {
    const body = lines.slice(start);
    const md = readMarkdown(body.map((line) => line.text).join("\n"), body[0]?.n ?? 1, fields.strings.title === undefined);
    head = { format: "markdown", title: md.title, titleLines: md.titleLine === null ? [] : [md.titleLine], date: null, byline: null, sourceUrl: null, lang: null, extra: [], bodyStart: start };
    blocks = md.blocks;
    html = md.html;
    for (const raw of md.rawHtml) {
      reporter.report("warning", raw.line, 1, "markdown-html", "Raw HTML in a Markdown article is removed from the page (articles are sanitised); it is kept in the record's extra lines. Write the content as Markdown instead.");
      extra.push(raw);
    }
  } else {
    head = readHead(lines, start, reporter);
    const tail = splitReuterTail(lines.slice(head.bodyStart));
    blocks = buildBlocks(tail.lines);
    if (head.date === null && head.title !== null && head.format !== "bsnlp") takeLateDateLine(head, blocks, reporter);
    const taken = takeTrailer(blocks);
    trailer = { ...taken, source: taken.source ?? tail.signOff };
    extra.push(...taken.extra);
    html = renderBlocks(blocks);
  }
  extra.unshift(...head.extra);

  const s = fields.strings;
  const title = pick(s.title, head.title);
  let date = fields.date !== undefined ? fields.date : (head.date?.date ?? null);
  if (date === null && fields.date === undefined && !reporter.diagnostics.some((d) => d.rule.startsWith("date-"))) {
    date = dateFromPath(options.path);
    if (date !== null) reporter.report("info", 1, 1, "date-from-path", `The text has no date line, so the date ${date} was taken from the file name (the archive's YYYY-MM-DD-<slug> naming). Add a date line or \`date:\` in front matter to state it in the article.`);
  }
  const firstParagraph = blocks.find((block) => block.type === "paragraph");
  // Never empty: a file with neither headline nor text is named by a hash of its content.
  const slugSource = title ?? firstParagraph?.text.slice(0, 200) ?? null;
  const slug = fields.slug ?? (slugSource === null ? `untitled-${shortHash(text)}` : slugify(slugSource, config.maxSlugLength));
  const record: ArticleRecord = {
    file: options.path,
    format: head.format,
    title,
    date,
    time: pick(s.time, head.date?.time ?? null),
    timezone: pick(s.timezone, head.date?.timezone ?? null),
    byline: pick(s.byline, head.byline),
    dateline: pick(s.dateline, firstParagraph === undefined ? null : dateline(firstParagraph.text)),
    rubric: pick(s.rubric, trailer.rubric),
    photoCredit: pick(s.photoCredit, trailer.photoCredit),
    source: pick(s.source, trailer.source),
    sourceUrl: pick(s.sourceUrl, head.sourceUrl),
    license: pick(s.license, null),
    // Declared (front matter, a header's language line) wins; otherwise guessed from the text, or null.
    lang: pick(s.lang, head.lang) ?? detectLanguage(languageSample(title, blocks)),
    summary: pick(s.summary, firstParagraph?.text ?? null),
    body: blocks,
    html,
    extra,
    wordCount: blocks.reduce((sum, block) => sum + countWords(block.text), 0),
    slug,
    url: date === null ? null : articleUrl(date, slug),
    topics: fields.topics ?? [],
    draft: fields.draft ?? false,
    updated: fields.updated ?? null,
    diagnostics: reporter.diagnostics,
  };
  finalChecks(record, head, lines, reporter);
  reporter.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  // Validated against the schema, the contract of every layer after this one: a parser mistake becomes a located
  // parser-crash diagnostic instead of a malformed record (about a twentieth of the parse's CPU).
  return freezeRecord(articleRecordSchema.parse(record));
}

function finalChecks(record: ArticleRecord, head: Head, lines: readonly Line[], reporter: Reporter): void {
  const nonBlank = lines.some((line) => line.text.trim() !== "");
  if (!nonBlank) {
    reporter.report("error", 1, 1, "empty-file", lines.length <= 1 && lines[0]?.text === "" ? "The file is empty, so there is no article to show. Write the headline, date and text, or delete the file." : "The file holds only white space, so there is no article to show. Write the headline, date and text, or delete the file.");
    return;
  }
  for (const d of reporter.diagnostics) {
    // A bidirectional override inside the headline could make it read differently from what is stored.
    if (d.rule === "bidi-override" && head.titleLines.includes(d.line)) d.severity = "error";
  }
  if (record.title === null && !reporter.diagnostics.some((d) => d.rule === "title-uncertain")) {
    reporter.report("warning", 1, 1, "title-missing", "No headline was found (a short first line followed by a blank line, or the layout's headline line), so the article has no title. Add `title:` in front matter.");
  }
  if (record.date === null && !reporter.diagnostics.some((d) => d.rule.startsWith("date-"))) {
    reporter.report("warning", head.titleLines[0] ?? 1, 1, "date-missing", "No date line was found, so the article has no date and no dated URL (none is invented). Add a date line under the headline or `date: YYYY-MM-DD` in front matter.");
  }
  if (record.body.length === 0) {
    reporter.report("warning", lines[lines.length - 1]?.n ?? 1, 1, "body-empty", "The article has a headline but no text. Add the text, or check whether the file was cut short.");
  }
  if (record.title !== null && record.title.length > 300) {
    reporter.report("warning", head.titleLines[0] ?? 1, 1, "title-long", `The headline is ${record.title.length} characters long; a headline over 300 characters is usually body text. Check the first lines of the file.`);
  }
}

function languageSample(title: string | null, blocks: readonly Block[]): string {
  let sample = title ?? "";
  for (const block of blocks) {
    if (sample.length > 2000) break;
    if (block.type !== "preformatted") sample += `\n${block.text}`;
  }
  return sample;
}

function pick(fromFront: string | null | undefined, fromText: string | null): string | null {
  return fromFront !== undefined ? fromFront : fromText;
}

// Freezes the record and every object and array in it (the shapes the schema allows), without walking the strings.
function freezeRecord(record: ArticleRecord): ArticleRecord {
  for (const block of record.body) Object.freeze(block);
  for (const line of record.extra) Object.freeze(line);
  for (const topic of record.topics) Object.freeze(topic);
  for (const diagnostic of record.diagnostics) Object.freeze(diagnostic);
  Object.freeze(record.body);
  Object.freeze(record.extra);
  Object.freeze(record.topics);
  Object.freeze(record.diagnostics);
  return Object.freeze(record);
}
