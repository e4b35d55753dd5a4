/** Turns parsed records into the published archive: validated, topics assigned, indexed by URL, topic and date. */
import { articleUrl, type ArticleRecord } from "../parse/index.ts";
import { assignTopics, assignTopicsIncremental, type ArchiveTopic, type ExtractionCache, type Vocabulary } from "../topics/index.ts";
import { compareText, sortDiagnostics, type ArchiveDiagnostic } from "./diagnostics.ts";
import { slimRecord, withFields, type BodySource } from "./lazy-record.ts";
import { memoKey, stateKey, type TopicsMemo } from "./topics-memo.ts";

/** A record that can be published: it has a date and a URL. */
export type PublishedArticle = Readonly<ArticleRecord> & { readonly date: string; readonly url: string };

/** The validated, indexed archive the site is built from. */
export interface Archive {
  /** Published articles, newest first (date, then time, descending; then URL). */
  readonly articles: readonly PublishedArticle[];
  /** The archive's topics, as the topics layer lists them. */
  readonly topics: readonly ArchiveTopic[];
  readonly byUrl: ReadonlyMap<string, PublishedArticle>;
  /** Articles of each topic slug, newest first. */
  readonly byTopic: ReadonlyMap<string, readonly PublishedArticle[]>;
  /** Articles of each `YYYY`, `YYYY-MM` and `YYYY-MM-DD`, newest first. */
  readonly byDate: ReadonlyMap<string, readonly PublishedArticle[]>;
  /** Every diagnostic of every file, in file order. */
  readonly diagnostics: readonly ArchiveDiagnostic[];
  /** Number of diagnostics with severity error; the site is not built when it is above zero. */
  readonly errorCount: number;
  /** Drafts found (not published). */
  readonly drafts: number;
}

/** Options of `buildArchive`. */
export interface BuildArchiveOptions {
  readonly vocabulary?: Vocabulary | undefined;
  /** The topic extraction cache (default none). */
  readonly topicsCache?: ExtractionCache | undefined;
  /** A key that fixes a record's content (its parse cache key), to find its extraction by (default: its text's hash). */
  readonly sourceKey?: ((record: ArticleRecord) => string | undefined) | undefined;
  /** Problems found in files that are not articles (the vocabulary file). */
  readonly extraDiagnostics?: readonly ArchiveDiagnostic[];
  /**
   * The last build's topic assignment (default none). Used only when `sourceKey` gives every record a key that fixes
   * its content; on a hit the extraction cache is not asked for anything.
   */
  readonly topicsMemo?: TopicsMemo | undefined;
  /**
   * Where the bodies of records parsed in this build can be read again by their source key (default none). Once its
   * topics are assigned, such a record is kept lazy, as a warm one is: the site reads its body when it needs it, and
   * the full record is not held until the pages are written.
   */
  readonly bodies?: BodySource | undefined;
}

/**
 * Validates records at archive level (a date is needed to publish, URLs are unique), drops drafts,
 * assigns topics and indexes the rest.
 * @param records parsed records, in file order
 * @param options the topics vocabulary and extraction cache (default none)
 */
export function buildArchive(records: readonly ArticleRecord[], options: BuildArchiveOptions = {}): Archive {
  const diagnostics: ArchiveDiagnostic[] = [...(options.extraDiagnostics ?? [])];
  for (const record of records) for (const d of record.diagnostics) diagnostics.push({ ...d, file: record.file });

  const publishable: ArticleRecord[] = [];
  let drafts = 0;
  for (const record of records) {
    if (record.draft) {
      drafts += 1;
      continue;
    }
    if (record.diagnostics.some((d) => d.severity === "error")) continue;
    if (record.date === null) {
      diagnostics.push(problem(record.file, "This article has no date, so it cannot be published: it would have no URL. Add `date: YYYY-MM-DD` to its front matter, or `draft: true` to keep it unpublished.", "archive/no-date"));
      continue;
    }
    const expected = expectedUrl(record.date, record.slug);
    if (expected === null || record.url !== expected) {
      diagnostics.push(problem(record.file, `The record's URL "${String(record.url)}" does not match its date and slug (${expected}); this is a parser bug, please report it.`, "archive/url-mismatch"));
      continue;
    }
    publishable.push(record);
  }

  const seen = new Map<string, string>();
  const unique: ArticleRecord[] = [];
  for (const record of publishable) {
    const url = record.url as string;
    const other = seen.get(url);
    if (other !== undefined) {
      const message = (a: string): string => `This article would be published at ${url}, which ${a} also uses. Give one of them another \`slug:\` in its front matter.`;
      diagnostics.push(problem(record.file, message(other), "archive/duplicate-url"), problem(other, message(record.file), "archive/duplicate-url"));
      continue;
    }
    seen.set(url, record.file);
    unique.push(record);
  }

  const assigned = assign(unique, options);
  const bodies = options.bodies;
  const articles = (assigned.records as PublishedArticle[]).map((a) => Object.freeze(bodies === undefined ? a : slimRecord(a, bodies) as PublishedArticle)).sort(newestFirst);
  const byUrl = new Map<string, PublishedArticle>();
  const byTopic = new Map<string, PublishedArticle[]>();
  const byDate = new Map<string, PublishedArticle[]>();
  for (const article of articles) {
    byUrl.set(article.url, article);
    for (const topic of article.topics) push(byTopic, topic.slug, article);
    push(byDate, article.date.slice(0, 4), article);
    push(byDate, article.date.slice(0, 7), article);
    push(byDate, article.date, article);
  }
  const sorted = sortDiagnostics(diagnostics);
  return {
    articles,
    topics: assigned.topics,
    byUrl,
    byTopic,
    byDate,
    diagnostics: sorted,
    errorCount: sorted.filter((d) => d.severity === "error").length,
    drafts,
  };
}

/**
 * Each record with its topics, and the archive's topics: from the memo when it holds this assignment, else assigned
 * (and memoised): from the last assignment's state, redoing only what changed, when every record has a source key.
 */
function assign(records: readonly ArticleRecord[], options: BuildArchiveOptions): { records: readonly ArticleRecord[]; topics: readonly ArchiveTopic[] } {
  const { topicsMemo: memo, sourceKey } = options;
  const key = memo === undefined || sourceKey === undefined ? undefined : memoKey(records, options.vocabulary, sourceKey);
  const hit = key === undefined ? undefined : memo?.read(key);
  if (hit !== undefined && hit.topics.length === records.length) {
    return { records: records.map((record, i) => withFields(record, { topics: hit.topics[i] as ArticleRecord["topics"] })), topics: hit.archiveTopics };
  }
  const topicsOptions = { vocabulary: options.vocabulary, cache: options.topicsCache, sourceKey };
  if (key !== undefined && memo !== undefined) {
    const at = stateKey(options.vocabulary);
    const assigned = assignTopicsIncremental(records, topicsOptions, memo.readState?.(at));
    if (assigned !== undefined) {
      memo.write(key, { topics: assigned.records.map((r) => r.topics), archiveTopics: assigned.topics });
      memo.writeState?.(at, assigned.state);
      return assigned;
    }
  }
  return assignTopics(records, topicsOptions);
}

/** The parser's URL for a date and slug; null for a date that is no real day (a record from a faulty parser). */
function expectedUrl(date: string, slug: string): string | null {
  try {
    return articleUrl(date, slug);
  } catch {
    return null;
  }
}

/** Newest first: date, then time (untimed last within a day), descending; then URL for a stable order. */
export function newestFirst(a: PublishedArticle, b: PublishedArticle): number {
  return compareText(b.date, a.date) || compareText(b.time ?? "", a.time ?? "") || compareText(a.url, b.url);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function problem(file: string, message: string, rule: string): ArchiveDiagnostic {
  return { file, line: 1, column: 1, severity: "error", message, rule };
}
