/**
 * The on-disk parse cache: parsed records in a packed store (see pack-store.ts), keyed by a hash of the parser's own
 * source, the file's path and its bytes. An unchanged article is never parsed twice; a changed parser invalidates
 * everything.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { hashFolder } from "../fingerprint.ts";
import { PackStore } from "./pack-store.ts";

/** Bump when the cache's file format changes. */
const FORMAT = "news-archive-parse-cache-2";

/** The cache key of one article file. */
export function cacheKey(fingerprint: string, path: string, bytes: Uint8Array): string {
  return createHash("sha256").update(fingerprint).update("\0").update(path).update("\0").update(bytes).digest("hex");
}

/** The parse cache of a cache folder (`<cacheDir>/parse-pack/`). */
export function parseCache(cacheDir: string): PackStore {
  return new PackStore(join(cacheDir, "parse-pack"));
}

/** The topic-extraction cache of a cache folder (`<cacheDir>/topics-pack/`); its values may be asked for twice. */
export function topicsCache(cacheDir: string): PackStore {
  return new PackStore(join(cacheDir, "topics-pack"), { keepRead: true });
}

let fingerprint: string | undefined;

/** A hash of every source file of the parser (src/parse/), computed once per process. */
export function parserFingerprint(): string {
  fingerprint ??= hashFolder(createHash("sha256").update(FORMAT), fileURLToPath(new URL("../parse/", import.meta.url))).digest("hex");
  return fingerprint;
}
