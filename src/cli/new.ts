/**
 * `news-archive new "Headline" [--date YYYY-MM-DD] [--topic …] [--format txt|md]`: writes a new article file in its
 * place in `articles/` and prints its path and the URL it will have.
 *
 * It refuses to overwrite a file and refuses a headline whose URL another article already has. The text it writes is
 * parsed back with the project's parser before it is written, so the printed URL is the one the site will use.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { readArgs } from "./args.ts";
import { loadArchive } from "../archive/index.ts";
import { config } from "../config.ts";
import { parseArticle, slugify } from "../parse/index.ts";
import type { ArticleRecord } from "../parse/schema.ts";
import { articleFilePath, articleText } from "./new-article.ts";
import type { NewArticleInput } from "./new-article.ts";

const usage = `Usage: news-archive new "Headline" [--date YYYY-MM-DD] [--topic NAME]… [--format txt|md]
  --date    the article's calendar date (default: today's date where you are, from this computer's clock and zone)
  --topic   a topic for the article's front matter; repeat it for several
  --format  txt (plain text, default) or md (Markdown)
`;

/** What the editor asked for; `date` null means today. */
export interface NewArticleRequest {
  readonly title: string;
  readonly date: string | null;
  readonly topics: readonly string[];
  readonly format: "txt" | "md";
}

/** Where and when `createArticle` works. */
export interface CreateArticleOptions {
  /** The articles folder (default `articles`). */
  readonly articlesDir?: string;
  /** The parse cache folder used to read the existing archive (default `.cache`); null: no cache. */
  readonly cacheDir?: string | null;
  /** The clock (default now). */
  readonly now?: Date;
}

/** The file written and its URL, or why nothing was written. */
export type CreateArticleResult = { readonly ok: true; readonly file: string; readonly url: string } | { readonly ok: false; readonly message: string };

/**
 * Writes a new article file, unless its file or its URL is taken.
 * @param request headline, date (null: today), topics, format
 * @param options articles folder, cache folder, clock
 */
export async function createArticle(request: NewArticleRequest, options: CreateArticleOptions = {}): Promise<CreateArticleResult> {
  const articlesDir = options.articlesDir ?? "articles";
  const title = request.title.trim();
  const problem = textProblem(title, "headline") ?? request.topics.map((topic) => textProblem(topic.trim(), "topic")).find((p) => p !== null) ?? null;
  if (problem !== null) return { ok: false, message: problem };
  const date = request.date ?? localToday(options.now ?? new Date());
  if (!isRealDate(date)) return { ok: false, message: `"${date}" is not a calendar date: write it as YYYY-MM-DD, e.g. 2021-06-03.` };

  const slug = slugify(title, config.maxSlugLength);
  const file = join(articlesDir, articleFilePath(date, slug, request.format));
  const input: NewArticleInput = { title, date, topics: request.topics.map((topic) => topic.trim()), format: request.format };
  let text = articleText(input);
  let record = parseArticle(Buffer.from(text), { path: file }) as ArticleRecord;
  if (!readsBack(record, title, date)) {
    // The plain layout would be misread (a headline that looks like a date line, say): say it in front matter.
    text = articleText({ ...input, frontMatterOnly: true });
    record = parseArticle(Buffer.from(text), { path: file }) as ArticleRecord;
  }
  if (!readsBack(record, title, date) || record.url === null) {
    const found = record.diagnostics.map((d) => `${d.message} (${d.rule})`).join("; ");
    return { ok: false, message: `The new article would not read back as written (title ${JSON.stringify(record.title)}, date ${String(record.date)})${found === "" ? "" : `: ${found}`}. Please report this.` };
  }

  const archive = await loadArchive(articlesDir, { cacheDir: options.cacheDir === undefined ? ".cache" : options.cacheDir });
  const other = archive.byUrl.get(record.url);
  if (other !== undefined) {
    return { ok: false, message: `The URL ${record.url} is already taken by ${other.file} ("${other.title ?? ""}"). Choose another headline or date; nothing was written.` };
  }
  await mkdir(dirname(file), { recursive: true });
  try {
    await writeFile(file, text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return { ok: false, message: `${file} already exists; nothing was written. Edit it, or choose another headline or date.` };
    throw error;
  }
  return { ok: true, file, url: record.url };
}

/**
 * Runs `news-archive new`; returns the exit code (0 written, 1 refused, 2 usage).
 * @param args the arguments after `new`
 */
export async function run(args: readonly string[]): Promise<number> {
  const parsed = readArgs("new", {
    args: [...args],
    allowPositionals: true,
    options: {
      date: { type: "string" },
      topic: { type: "string", multiple: true, default: [] },
      format: { type: "string", default: "txt" },
      help: { type: "boolean", short: "h" },
    },
  }, usage);
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [title] = positionals;
  if (title === undefined || positionals.length > 1 || (values.format !== "txt" && values.format !== "md")) {
    process.stderr.write(`news-archive new: give one headline in quotes${values.format === "txt" || values.format === "md" ? "" : ", and --format txt or md"}.\n${usage}`);
    return 2;
  }
  const result = await createArticle({ title, date: values.date ?? null, topics: values.topic, format: values.format });
  if (!result.ok) {
    process.stderr.write(`news-archive new: ${result.message}\n`);
    return 1;
  }
  process.stdout.write(`${result.file}\n${result.url}\n`);
  return 0;
}

/**
 * Today's calendar date where the editor is. Deliberately the local date (the computer's zone), not UTC: an editor
 * in Tokyo writing at 08:00 on 3 June means 3 June, which is still 2 June in UTC.
 */
export function localToday(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${String(now.getFullYear()).padStart(4, "0")}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function isRealDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

function readsBack(record: ArticleRecord, title: string, date: string): boolean {
  return record.title === title && record.date === date && !record.diagnostics.some((d) => d.severity === "error");
}

/** Why a headline or topic cannot be written as one line of an article, or null. */
function textProblem(text: string, what: string): string | null {
  if (text === "") return `The ${what} is empty: give it in quotes, e.g. news-archive new "Parliament passes the budget".`;
  if (/[\p{Cc}\u2028\u2029]/u.test(text)) return `The ${what} holds a line break or control character; write it on one line.`;
  if (/[\u202a-\u202e\u2066-\u2069]/u.test(text)) return `The ${what} holds a bidirectional-override character, which can make text display differently from what it says; remove it.`;
  return null;
}
