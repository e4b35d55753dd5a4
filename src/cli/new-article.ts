/**
 * The text and place of a new article file, as `news-archive new` writes it.
 *
 * Layout of the archive: `articles/YYYY/MM/YYYY-MM-DD-<slug>.txt` (or `.md`), one file per article. A `.txt` file is
 * in the plain-text layout the parser reads (headline, blank line, date line `03 June 2021`, blank line, paragraphs),
 * with YAML front matter only for what the text cannot say (topics). A `.md` file carries its headline and date in
 * front matter and its body in Markdown.
 */

/** What the editor asked for. */
export interface NewArticleInput {
  readonly title: string;
  /** Calendar date `YYYY-MM-DD`. */
  readonly date: string;
  readonly topics: readonly string[];
  readonly format: "txt" | "md";
  /** Put headline and date in front matter even for `.txt` (used when the plain layout would be misread). */
  readonly frontMatterOnly?: boolean;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const PLACEHOLDER_TXT =
  "Write the article here. Separate paragraphs with a blank line; a paragraph may be wrapped over several lines.";
const PLACEHOLDER_MD = "Write the article here, in Markdown. Separate paragraphs with a blank line.";

/**
 * The file path of an article, relative to the articles folder: `YYYY/MM/YYYY-MM-DD-<slug>.<ext>`.
 * @param date calendar date `YYYY-MM-DD`
 * @param slug the article's slug (already normalised)
 * @param format file extension
 */
export function articleFilePath(date: string, slug: string, format: "txt" | "md"): string {
  return `${date.slice(0, 4)}/${date.slice(5, 7)}/${date}-${slug}.${format}`;
}

/**
 * The text of a new article file.
 * @param input headline, date, topics and format
 */
export function articleText(input: NewArticleInput): string {
  const front: string[] = [];
  const inFront = input.format === "md" || input.frontMatterOnly === true;
  if (inFront) front.push(`title: ${yamlString(input.title)}`, `date: ${yamlString(input.date)}`);
  if (input.topics.length > 0) front.push("topics:", ...input.topics.map((topic) => `  - ${yamlString(topic)}`));
  const head = front.length > 0 ? `---\n${front.join("\n")}\n---\n` : "";
  if (input.format === "md") return `${head}${PLACEHOLDER_MD}\n`;
  if (inFront) return `${head}${PLACEHOLDER_TXT}\n`;
  return `${head}${input.title}\n\n${humanDate(input.date)}\n\n${PLACEHOLDER_TXT}\n`;
}

/** `2021-06-03` → `03 June 2021`, from the string's own parts (no `Date`, so no time zone). */
export function humanDate(date: string): string {
  const month = MONTHS[Number(date.slice(5, 7)) - 1];
  if (month === undefined) throw new RangeError(`humanDate needs a calendar date YYYY-MM-DD, got "${date}"`);
  return `${date.slice(8, 10)} ${month} ${date.slice(0, 4)}`;
}

/** A double-quoted YAML scalar: JSON's escaping is valid YAML, and quoting keeps `yes`, `1.0` or `#` as text. */
function yamlString(value: string): string {
  return JSON.stringify(value);
}
