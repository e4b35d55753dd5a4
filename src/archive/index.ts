/**
 * The archive layer: an articles folder in, a validated and indexed archive out (with the parse cache).
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { loadVocabulary, type CachedExtraction, type ExtractionCache, type LoadedVocabulary } from "../topics/index.ts";
import { buildArchive, type Archive } from "./build-archive.ts";
import { extractionStore, type EncodedExtractionCache, type ExtractionStore } from "./extraction-store.ts";
import { sourceKeyOf } from "./lazy-record.ts";
import { loadRecords, type LoadOptions } from "./load.ts";
import { topicsMemo } from "./topics-memo.ts";

export { buildArchive, newestFirst, type Archive, type BuildArchiveOptions, type PublishedArticle } from "./build-archive.ts";
export { formatDiagnostic, sortDiagnostics, type ArchiveDiagnostic } from "./diagnostics.ts";
export { listArticleFiles } from "./files.ts";
export { ArchiveError, bodyJsonOf, SOURCE_KEY, sourceKeyOf, withFields } from "./lazy-record.ts";
export { loadRecords, type LoadedRecords, type LoadOptions } from "./load.ts";

/** An archive with how its records were obtained. */
export interface LoadedArchive extends Archive {
  readonly files: number;
  readonly cached: number;
  readonly parsed: number;
}

/** The editors' vocabulary file inside the articles folder. */
export const VOCABULARY_FILE = "topics.yml";

/**
 * Loads an articles folder: parse (through the cache), assign topics (with `topics.yml` when present, and the
 * extraction cache), validate and index.
 * @param dir the articles folder
 * @param options cache folder (default none) and parse parallelism
 */
export async function loadArchive(dir: string, options: LoadOptions = {}): Promise<LoadedArchive> {
  const cacheDir = options.cacheDir ?? null;
  // The extraction store is opened only when asked for: a build whose topics come from the memo never reads it.
  let store: ExtractionStore | undefined;
  const opened = (): ExtractionStore => (store ??= extractionStore(cacheDir as string));
  // Files parsed now are extracted by the parse workers into this cache, where the topics find them; without a cache
  // folder, a map of this build's extractions.
  const topicsCache: ExtractionCache | EncodedExtractionCache = cacheDir === null
    ? new Map<string, CachedExtraction>()
    : { get: (key) => opened().get(key), set: (key, value) => opened().set(key, value), setEncoded: (key, json) => opened().setEncoded(key, json) };
  const [loaded, vocabulary] = await Promise.all([loadRecords(dir, { ...options, extractions: topicsCache }), readVocabulary(dir)]);
  const archive = buildArchive(loaded.records, {
    vocabulary: vocabulary?.vocabulary,
    topicsCache,
    topicsMemo: cacheDir === null ? undefined : topicsMemo(cacheDir),
    sourceKey: sourceKeyOf,
    bodies: loaded.bodies ?? undefined,
    extraDiagnostics: vocabulary?.diagnostics ?? [],
  });
  store?.flush();
  return { ...archive, files: loaded.records.length, cached: loaded.cached, parsed: loaded.parsed };
}

async function readVocabulary(dir: string): Promise<LoadedVocabulary | null> {
  const path = join(dir, VOCABULARY_FILE);
  return existsSync(path) ? loadVocabulary(await readFile(path, "utf8"), path) : null;
}
