/**
 * Topics of an archive: from front matter, the rubric line and (later) extracted entities.
 *
 * This is the interface the archive layer calls. The first version only carries front-matter and rubric
 * topics; extraction replaces the body of `assignTopics` without changing its signature.
 */
import type { ArticleRecord, Diagnostic, TopicKind, TopicRef } from "../parse/schema.ts";

/** A topic of the whole archive, with what its page shows. */
export interface ArchiveTopic {
  readonly name: string;
  readonly slug: string;
  readonly kind: TopicKind;
  /** Editor-written description from the vocabulary file, if any. */
  readonly description: string | null;
  /** Number of articles that carry the topic. */
  readonly count: number;
  /** Surface forms merged into this topic. */
  readonly variants: readonly string[];
}

/** The editors' vocabulary file (`articles/topics.yml`), validated. */
export interface Vocabulary {
  readonly entries: readonly { name: string; kind: TopicKind; aliases: readonly string[]; description: string | null }[];
  readonly suppress: readonly string[];
}

/** A located problem in a file that is not an article (the vocabulary file). */
export interface FileDiagnostic extends Diagnostic {
  readonly file: string;
}

/** What `assignTopics` returns: records with their `topics` set, and the archive's topic list. */
export interface TopicAssignment {
  readonly records: readonly ArticleRecord[];
  readonly topics: readonly ArchiveTopic[];
}

/** Options of `assignTopics`. */
export interface AssignTopicsOptions {
  readonly vocabulary?: Vocabulary | undefined;
}

/**
 * Gives each record its topics (ranked, most salient first) and lists the archive's topics.
 * @param records validated article records
 * @param options vocabulary (default: none)
 */
export function assignTopics(records: readonly ArticleRecord[], options: AssignTopicsOptions = {}): TopicAssignment {
  void options;
  const counts = new Map<string, { ref: TopicRef; count: number }>();
  const out = records.map((record) => {
    const refs: TopicRef[] = [...record.topics];
    if (record.rubric !== null) {
      const slug = slugOf(record.rubric);
      if (slug !== "" && !refs.some((t) => t.slug === slug)) refs.push({ name: record.rubric, slug, kind: "rubric" });
    }
    for (const ref of refs) {
      const entry = counts.get(ref.slug);
      if (entry) entry.count += 1;
      else counts.set(ref.slug, { ref, count: 1 });
    }
    return Object.freeze({ ...record, topics: refs });
  });
  const topics = [...counts.values()]
    .map(({ ref, count }) => ({ ...ref, description: null, count, variants: [ref.name] }))
    .sort((a, b) => b.count - a.count || a.slug.localeCompare(b.slug));
  return { records: out, topics };
}

function slugOf(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
}
