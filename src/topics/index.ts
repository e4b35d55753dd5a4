/**
 * Topics of an archive: from front matter, the rubric line, the editors' vocabulary and named entities
 * extracted from the headline and body. The archive layer calls `assignTopicsIncremental` (with the last build's
 * state) or `assignTopics`; `news-archive parse --json` calls `assignTopics` on a single record.
 */
export { assignTopics } from "./assign.ts";
export type { AssignTopicsOptions } from "./assign.ts";
export { AssignmentState } from "./assignment-state.ts";
export { assignTopicsIncremental } from "./incremental.ts";
export type { IncrementalAssignment } from "./incremental.ts";
export { contentKey, directoryCache, sourceContentKey } from "./cache.ts";
export { GAZETTEER_PACKAGES, gazetteerDataVersion } from "./data-version.ts";
export type { CachedExtraction, ExtractionCache } from "./cache.ts";
export { extractEntities, EXTRACTOR_VERSION } from "./extract.ts";
export { extractRecord } from "./extract-record.ts";
export type { ArticleText, Extraction, ExtractedEntity } from "./extract.ts";
export { buildGazetteer, gazetteer } from "./gazetteer.ts";
export { slugOf } from "./normalise.ts";
export { EMPTY_VOCABULARY, loadVocabulary } from "./vocabulary.ts";
export type { LoadedVocabulary } from "./vocabulary.ts";
export type {
  ArchiveTopic,
  FileDiagnostic,
  ScoredTopic,
  TopicAssignment,
  TopicEvidence,
  Vocabulary,
  VocabularyCandidate,
  VocabularyEntry,
} from "./types.ts";
