/** Fingerprints of source folders and files, for caches that must not outlive what filled them. */
import type { Hash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
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

/**
 * The stamp of a file: its size, modification time (nanoseconds) and inode, which change when the file is written
 * again or replaced; null when it cannot be read (gone, or no access).
 * @param file the file
 */
export function fileStamp(file: string): string | null {
  try {
    const { size, mtimeNs, ino } = statSync(file, { bigint: true });
    return `${size}:${mtimeNs}:${ino}`;
  } catch {
    return null;
  }
}
