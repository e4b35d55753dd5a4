import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Lists the article files named by command-line paths, in a stable order.
 * A file is taken as given (any name). A folder is walked recursively for `.txt` and `.md` files, skipping
 * `README.md`/`README.txt` (folder documentation, not articles), hidden entries and `node_modules`;
 * each folder's files come sorted by name (code-unit order, the same on every machine).
 * Paths keep the spelling they were given with (`articles/2021/…`).
 * @throws when a named path does not exist (the CLI reports it and exits 2)
 */
export async function articleFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const given of paths) {
    const info = await stat(given);
    if (info.isDirectory()) await walk(given, out);
    else out.push(given);
  }
  return out;
}

async function walk(folder: string, out: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile() && /\.(?:txt|md)$/iu.test(entry.name) && !/^readme\.(?:md|txt)$/iu.test(entry.name)) out.push(full);
  }
}
