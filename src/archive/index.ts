/**
 * The archive layer: an articles folder in, a validated and indexed archive out (with the parse cache).
 */
import { buildArchive, type Archive } from "./build-archive.ts";
import { loadRecords, type LoadOptions } from "./load.ts";

export { buildArchive, newestFirst, type Archive, type BuildArchiveOptions, type PublishedArticle } from "./build-archive.ts";
export { formatDiagnostic, sortDiagnostics, type ArchiveDiagnostic } from "./diagnostics.ts";
export { listArticleFiles } from "./files.ts";
export type { LoadOptions } from "./load.ts";

/** An archive with how its records were obtained. */
export interface LoadedArchive extends Archive {
  readonly files: number;
  readonly cached: number;
  readonly parsed: number;
}

/**
 * Loads an articles folder: parse (through the cache), assign topics, validate and index.
 * @param dir the articles folder
 * @param options cache folder (default none) and parse parallelism
 */
export async function loadArchive(dir: string, options: LoadOptions = {}): Promise<LoadedArchive> {
  const loaded = await loadRecords(dir, options);
  const archive = buildArchive(loaded.records);
  return { ...archive, files: loaded.records.length, cached: loaded.cached, parsed: loaded.parsed };
}
