/** Fingerprints of source folders, for caches that must not outlive the code that filled them. */
import type { Hash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * Adds every file under a folder to a hash, in a stable order, each as its path relative to the folder and its bytes.
 * @param hash the hash to update
 * @param root the folder
 * @returns the same hash
 */
export function hashFolder(hash: Hash, root: string): Hash {
  const files = readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(`\0${relative(root, file)}\0`).update(readFileSync(file));
  return hash;
}
