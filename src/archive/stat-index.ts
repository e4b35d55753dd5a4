/**
 * The stat index of the parse cache: for each article file, the size, modification time and inode it had when its
 * cache key was last computed. A warm build then finds an unchanged file's record without reading and hashing the
 * file, as git's index does. Only a trusted shortcut: a file whose stat differs, or that was modified within the
 * last few seconds before the index was written (its bytes could still change within the same timestamp), is read
 * and hashed as before.
 */
import { readFileSync, renameSync, statSync, writeFileSync, type Stats } from "node:fs";
import { join } from "node:path";

/** Modifications this close (milliseconds) to the index's own writing are not trusted ("racy" entries). */
const RACY_MS = 3_000;

interface Entry {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
  readonly key: string;
}

/** The index of one cache folder, for one parser fingerprint. */
export class StatIndex {
  readonly #file: string;
  readonly #fingerprint: string;
  readonly #previous: ReadonlyMap<string, Entry>;
  readonly #writtenAt: number;
  readonly #next = new Map<string, Entry>();
  /** Whether this build's index differs from the one read (or holds racy entries, which a later writing may trust). */
  #changed = false;

  /**
   * Reads the index of a cache folder (missing, unreadable or for another parser: empty).
   * @param cacheDir the cache folder
   * @param fingerprint the parser's fingerprint (keys are only valid for it)
   */
  constructor(cacheDir: string, fingerprint: string) {
    this.#file = join(cacheDir, "parse-stat-index.json");
    this.#fingerprint = fingerprint;
    let previous = new Map<string, Entry>();
    let writtenAt = 0;
    try {
      const data = JSON.parse(readFileSync(this.#file, "utf8")) as { fingerprint?: unknown; writtenAt?: unknown; files?: unknown };
      if (data.fingerprint === fingerprint && typeof data.writtenAt === "number" && Array.isArray(data.files)) {
        writtenAt = data.writtenAt;
        previous = new Map((data.files as [string, number, number, number, string][]).map(([path, size, mtimeMs, ino, key]) => [path, { size, mtimeMs, ino, key }]));
      }
    } catch {
      // No index yet, or an unreadable one: every file is read and hashed.
    }
    this.#previous = previous;
    this.#writtenAt = writtenAt;
  }

  /**
   * The cache key a file had, when its stat shows it unchanged since; undefined otherwise.
   * @param path the file's path as listed
   */
  knownKey(path: string): { readonly key: string; readonly stats: Stats } | { readonly key: undefined; readonly stats: Stats | undefined } {
    let stats: Stats | undefined;
    try {
      stats = statSync(path, { throwIfNoEntry: false });
    } catch {
      // Unreadable (no access): read as changed, and its reading reports it.
    }
    if (stats === undefined) return { key: undefined, stats: undefined };
    const entry = this.#previous.get(path);
    const unchanged = entry !== undefined && entry.size === stats.size && entry.mtimeMs === stats.mtimeMs && entry.ino === stats.ino;
    if (!unchanged || stats.mtimeMs >= this.#writtenAt - RACY_MS) return { key: undefined, stats };
    return { key: entry.key, stats };
  }

  /** Records a file's key for the next build (its stats as read before its bytes were). */
  remember(path: string, stats: Stats | undefined, key: string): void {
    if (stats === undefined) return;
    this.#next.set(path, { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, key });
    if (this.#changed) return;
    const entry = this.#previous.get(path);
    const same = entry !== undefined && entry.size === stats.size && entry.mtimeMs === stats.mtimeMs && entry.ino === stats.ino && entry.key === key;
    if (!same || stats.mtimeMs >= this.#writtenAt - RACY_MS) this.#changed = true;
  }

  /**
   * Writes the index of this build (through a temporary file and a rename), unless it is the one read: same files,
   * same entries, none racy (a warm build with nothing changed writes nothing).
   */
  write(): void {
    if (!this.#changed && this.#next.size === this.#previous.size) return;
    const files = [...this.#next].map(([path, e]) => [path, e.size, e.mtimeMs, e.ino, e.key]);
    const temporary = `${this.#file}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify({ fingerprint: this.#fingerprint, writtenAt: Date.now(), files }));
      renameSync(temporary, this.#file);
    } catch {
      // The index is only a shortcut: without it the next build reads and hashes every file.
    }
  }
}
