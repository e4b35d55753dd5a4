/**
 * Generates a benchmark archive of N articles from the project's own corpus (articles/: TASS and Wikinews texts),
 * repeated with varied headlines, dates spread over twenty years, and front-matter topics drawn from a Zipf-like
 * distribution, so that topic pages range from a few huge ones to a long tail as in a real archive.
 *
 * Usage: `tsx bench/generate.ts <size> <folder>` (the folder is emptied first).
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** One corpus article, split into the parts the generator varies. */
interface Source {
  readonly frontMatter: string[];
  readonly headline: string;
  readonly rest: string;
}

/** What was generated. */
export interface GeneratedArchive {
  readonly folder: string;
  readonly articles: number;
  readonly bytes: number;
  readonly topics: number;
}

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const FIRST_YEAR = 2006;
const YEARS = 20;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const KICKERS = ["Update", "Analysis", "Explainer", "Follow-up", "Briefing", "Report", "Feature", "In depth", "Recap", "Background", "Reaction", "Timeline"];
// The head of the topic distribution: broad subjects and places every archive has many articles about.
const HEAD_TOPICS = [
  "Politics", "World", "Economy", "Science", "Health", "Sport", "Culture", "Technology", "Environment", "Crime and law",
  "United States", "Russia", "China", "United Kingdom", "European Union", "Turkey", "India", "Australia", "Canada",
  "Germany", "France", "Japan", "Brazil", "Iran", "Elections", "Space", "Weather", "Disasters", "Transport", "Education",
];

// Sentence openers, titles and calendar words that start capitalised pairs without making them a name.
const NOT_NAMES = new Set([
  "The", "In", "On", "At", "For", "But", "And", "After", "When", "During", "According", "This", "That", "He", "She", "It",
  "They", "We", "His", "Her", "Its", "Their", "A", "An", "As", "By", "From", "With", "While", "Since", "If", "Of", "To",
  "President", "Prime", "Minister", "Mr", "Mrs", "Ms", "Dr", "Sir", "Chief", "Secretary", "General", "Police", "Court",
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", ...MONTHS,
]);

/** A small deterministic PRNG (mulberry32), so the same size always gives the same archive. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every `.txt`/`.md` article under `folder` (READMEs excluded), split into front matter, headline and the rest. */
async function readCorpus(folder: string): Promise<Source[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(?:txt|md)$/u.test(e.name) && !/^readme\.md$/iu.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const sources: Source[] = [];
  for (const file of files) {
    const lines = (await readFile(file, "utf8")).replace(/^\uFEFF/u, "").split(/\r\n?|\n/u);
    let frontMatter: string[] = [];
    let start = 0;
    if (lines[0] === "---") {
      const close = lines.indexOf("---", 1);
      if (close > 0) {
        frontMatter = lines.slice(1, close).filter((line) => !/^(?:date|title|topics|slug)\s*:/u.test(line));
        start = close + 1;
      }
    }
    while (start < lines.length && lines[start]!.trim() === "") start += 1;
    const headline = lines[start]?.trim() ?? "";
    if (headline === "") continue;
    sources.push({ frontMatter, headline, rest: lines.slice(start + 1).join("\n") });
  }
  return sources;
}

/** Capitalised two-word names of the corpus (people, places, organisations), most frequent first. */
function namesOf(sources: readonly Source[]): string[] {
  const counts = new Map<string, number>();
  for (const source of sources) {
    for (const match of source.rest.matchAll(/\b([A-Z][a-z]{2,} [A-Z][a-z]{2,})\b/gu)) {
      const [first = "", second = ""] = match[1]!.split(" ");
      if (NOT_NAMES.has(first) || NOT_NAMES.has(second)) continue;
      counts.set(match[1]!, (counts.get(match[1]!) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s. */
function zipf(n: number, s: number, rand: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 1; k <= n; k += 1) {
    total += 1 / k ** s;
    cumulative.push(total);
  }
  return () => {
    const target = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** A calendar date `YYYY-MM-DD` and its weekday, computed in UTC (never local time). */
function dateOf(dayNumber: number): { iso: string; year: number; month: number; day: number; weekday: number } {
  const d = new Date(Date.UTC(FIRST_YEAR, 0, 1) + dayNumber * 86_400_000);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const iso = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return { iso, year, month, day, weekday: d.getUTCDay() };
}

function slugOf(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "")
    .slice(0, 60)
    .replace(/-+$/u, "");
}

function yamlString(text: string): string {
  return JSON.stringify(text);
}

/**
 * Writes `size` articles into `folder` (emptied first), laid out `YYYY/MM/YYYY-MM-DD-<slug>.txt`.
 * @param size number of articles
 * @param folder destination
 * @param corpusFolder where the real articles are read from (default: the project's `articles/`)
 */
export async function generateArchive(size: number, folder: string, corpusFolder = path.join(projectRoot, "articles")): Promise<GeneratedArchive> {
  const sources = await readCorpus(corpusFolder);
  if (sources.length === 0) throw new Error(`No articles found in ${corpusFolder} to generate the benchmark archive from.`);
  const rand = random(size);
  // Topics grow with the archive as in a real one: a fixed head plus a long tail of names from the corpus.
  const vocabulary = [...HEAD_TOPICS, ...namesOf(sources)].slice(0, Math.max(60, Math.min(5000, Math.round(size / 8))));
  const drawTopic = zipf(vocabulary.length, 1.05, rand);
  const days = YEARS * 365 + Math.floor(YEARS / 4);
  await rm(folder, { recursive: true, force: true });
  const made = new Set<string>();
  let bytes = 0;
  const used = new Set<number>();
  for (let i = 0; i < size; i += 1) {
    const source = sources[i % sources.length]!;
    const round = Math.floor(i / sources.length);
    // Headlines vary by a kicker at their start, so slugs stay distinct even when cut to their maximum length.
    const kicker = round === 0 ? "" : `${KICKERS[(round - 1) % KICKERS.length]}${round > KICKERS.length ? ` ${Math.ceil(round / KICKERS.length)}` : ""}: `;
    const headline = kicker + source.headline;
    const date = dateOf(Math.floor(rand() * days));
    const topicCount = 1 + Math.floor(rand() * rand() * 5);
    const topics = new Set<string>();
    for (let t = 0; t < topicCount; t += 1) topics.add(vocabulary[drawTopic()]!);
    for (const topic of topics) used.add(vocabulary.indexOf(topic));
    const rest = source.rest
      .replace(/^(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday), [A-Z][a-z]+ \d{1,2}, \d{4}[ \t]*$/mu, `${WEEKDAYS[date.weekday]}, ${MONTHS[date.month - 1]} ${date.day}, ${date.year}`)
      .replace(/^\d{2} [A-Z][a-z]+ \d{4}[ \t]*$/mu, `${String(date.day).padStart(2, "0")} ${MONTHS[date.month - 1]} ${date.year}`);
    const frontMatter = [
      "---",
      ...source.frontMatter,
      `date: "${date.iso}"`,
      `topics: [${[...topics].map(yamlString).join(", ")}]`,
      "---",
    ].join("\n");
    const text = `${frontMatter}\n${headline}\n${rest}`;
    const dir = path.join(folder, String(date.year), date.iso.slice(5, 7));
    if (!made.has(dir)) {
      await mkdir(dir, { recursive: true });
      made.add(dir);
    }
    await writeFile(path.join(dir, `${date.iso}-${slugOf(headline)}-${i}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return { folder, articles: size, bytes, topics: used.size };
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [sizeArg, folderArg] = process.argv.slice(2);
  const size = Number(sizeArg);
  if (!Number.isInteger(size) || size <= 0 || folderArg === undefined) {
    process.stderr.write("Usage: tsx bench/generate.ts <size> <folder>\n");
    process.exit(2);
  }
  const result = await generateArchive(size, path.resolve(folderArg));
  process.stdout.write(`${result.articles} articles, ${(result.bytes / 1e6).toFixed(1)} MB, ${result.topics} distinct topics in ${result.folder}\n`);
}
