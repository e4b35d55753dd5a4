/** Finds the article files of an archive folder. */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { compareText } from "./diagnostics.ts";

const ARTICLE_FILE = /\.(?:txt|md)$/iu;

/**
 * Lists the `.txt` and `.md` files under a folder, recursively, in a stable order.
 * Skips dot files and folders, `_`-prefixed ones, and `README.md` (the folder's documentation, not an article).
 * @param dir the articles folder; returned paths start with it
 */
export async function listArticleFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !ARTICLE_FILE.test(entry.name) || /^readme\.md$/iu.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const relative = path.slice(dir.length).split(/[\\/]/u);
    if (relative.some((part) => part.startsWith(".") || part.startsWith("_"))) continue;
    files.push(path);
  }
  return files.sort(compareText);
}
