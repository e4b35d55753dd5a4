/**
 * Extraction results cached by the content hash of what extraction reads (or by a key that fixes the article's
 * content, given by the caller), so an unchanged article is never extracted twice: in memory (any `Map`) or in a folder (one small JSON file per article).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gazetteerDataVersion } from "./data-version.ts";
import { EXTRACTOR_VERSION } from "./extract.ts";
import type { ArticleText, Extraction } from "./extract.ts";

/**
 * An extraction as cached. Stored under a source key (see `sourceContentKey`), it also holds the line of each body
 * block extraction read, so that a hit needs nothing of the article's body.
 */
export type CachedExtraction = Extraction & { readonly lines?: readonly number[] };

/** Where extraction results are kept between runs. A `Map<string, Extraction>` is one. */
export interface ExtractionCache {
  get(key: string): CachedExtraction | undefined;
  set(key: string, value: CachedExtraction): unknown;
}

/**
 * The cache key of an article: a hash of the extractor version, the gazetteer's data versions, the language and the
 * text extraction reads.
 * @param text headline and body blocks
 * @param lang the article's language
 * @param data the gazetteer's data packages and versions (default: those installed, see `gazetteerDataVersion`)
 */
export function contentKey(text: ArticleText, lang: string | null, data: string = gazetteerDataVersion()): string {
  const hash = createHash("sha256");
  hash.update(`v${EXTRACTOR_VERSION}\u0000${data}\u0000${lang ?? ""}\u0000${text.dateline ?? ""}\u0000${text.title ?? ""}`);
  for (const b of text.blocks) hash.update(`\u0000${b.text}`);
  return hash.digest("hex");
}

/**
 * The cache key of an article by a key that fixes all of its content (the archive's parse cache key, a hash of the
 * parser, the file's path and its bytes): a hash of the extractor version, the gazetteer's data versions and that key,
 * computed without the text.
 * @param source the article's source key
 * @param data the gazetteer's data packages and versions (default: those installed, see `gazetteerDataVersion`)
 */
export function sourceContentKey(source: string, data: string = gazetteerDataVersion()): string {
  return createHash("sha256").update(`v${EXTRACTOR_VERSION}\u0000${data}\u0000source\u0000${source}`).digest("hex");
}

/**
 * A cache in a folder, `<dir>/<2 hex>/<hash>.json`; unreadable entries count as missing.
 * @param dir the folder (created when needed), e.g. `.cache/topics`
 */
export function directoryCache(dir: string): ExtractionCache {
  return {
    get(key) {
      try {
        return JSON.parse(readFileSync(join(dir, key.slice(0, 2), `${key}.json`), "utf8")) as Extraction;
      } catch {
        return undefined;
      }
    },
    set(key, value) {
      const folder = join(dir, key.slice(0, 2));
      mkdirSync(folder, { recursive: true });
      const tmp = join(folder, `${key}.${process.pid}.tmp`);
      writeFileSync(tmp, JSON.stringify(value));
      renameSync(tmp, join(folder, `${key}.json`));
    },
  };
}
