/** Types of the topic layer's public interface. */
import type { ArticleRecord, Diagnostic, TopicKind } from "../parse/schema.ts";

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

/** One topic of the vocabulary file. */
export interface VocabularyEntry {
  readonly name: string;
  readonly kind: TopicKind;
  readonly aliases: readonly string[];
  readonly description: string | null;
}

/** The editors' vocabulary file (`articles/topics.yml`), validated. */
export interface Vocabulary {
  readonly entries: readonly VocabularyEntry[];
  /** Names (or variants) never made topics. */
  readonly suppress: readonly string[];
  /** Names joined into another topic (`from` any variant, `into` a canonical name). */
  readonly merges?: readonly { readonly from: string; readonly into: string }[];
}

/** A located problem in a file that is not an article (the vocabulary file). */
export interface FileDiagnostic extends Diagnostic {
  readonly file: string;
}

/** Where one topic of one article was found. */
export interface TopicEvidence {
  /** `title`, `body`, `dateline`, `frontMatter`, `rubric`, or `implied` (a name that implies the topic: Florida, the Fed). */
  readonly field: string;
  /** 1-based line in the file where known (body blocks carry their line), else null. */
  readonly line: number | null;
  /** The words as written. */
  readonly text: string;
}

/** One article's topic with its salience score and evidence (the record carries only name, slug, kind). */
export interface ScoredTopic {
  readonly name: string;
  readonly slug: string;
  readonly kind: TopicKind;
  readonly score: number;
  readonly evidence: readonly TopicEvidence[];
}

/** A name found often in the archive but not made a topic: a candidate for the vocabulary file. */
export interface VocabularyCandidate {
  readonly name: string;
  /** The kind the extractor guessed, or null when it could not tell. */
  readonly kind: TopicKind | null;
  /** Articles mentioning it. */
  readonly articles: number;
}

/** What `assignTopics` returns. */
export interface TopicAssignment {
  /** The records with `topics` set (front matter, rubric, then extracted, most salient first). */
  readonly records: readonly ArticleRecord[];
  /** The archive's topics, most articles first. */
  readonly topics: readonly ArchiveTopic[];
  /** Per record (same order): its topics with score and evidence. */
  readonly scored?: readonly (readonly ScoredTopic[])[];
  /** Frequent names that are not topics yet (not in the vocabulary, unknown kind or below the salience bar). */
  readonly candidates?: readonly VocabularyCandidate[];
  /** How many records were extracted, and how many came from the cache. */
  readonly stats?: { readonly extracted: number; readonly cached: number };
}
