/**
 * The last build's topic assignment, kept in the cache folder (`<cacheDir>/topics-memo.json`). Assigning topics is a
 * pure function of the records (each fixed by its parse cache key), the vocabulary and the topics layer's code; when
 * those are what they were last time, a build reads each record's topics and the archive's topic list from this one
 * file instead of reading and decoding every extraction and assigning again.
 *
 * The file is the key on its first line, then the assignment as JSON: a table of topic references (`[name, slug,
 * kind]`, each written once), each record's topics as indices into it, and the archive's topics. A build whose key
 * differs reads only the first line.
 *
 * Beside it, `<cacheDir>/topics-state.bin` keeps what the topics layer needs to assign again after a change by
 * redoing only what the change touches (see the topics layer's `assignTopicsIncremental`), keyed by the topics code
 * and the vocabulary only: read only when the memo misses. It is the key's line, a line of JSON (the state's strings
 * and source keys), then its facts as 32-bit integers in the machine's byte order (part of the key): about 20 MB for
 * 50,000 articles, which as a JSON array took longer to parse and write than the rest of the assignment.
 */
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { endianness } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { hashFolder } from "../fingerprint.ts";
import { topicKindSchema, type ArticleRecord, type TopicRef } from "../parse/index.ts";
import { AssignmentState, gazetteerDataVersion, type ArchiveTopic, type Vocabulary } from "../topics/index.ts";
import { readBytesAt } from "./read-at.ts";

/** Bumped when the file's format, or what the archive makes of it, changes. */
const FORMAT = "news-archive-topics-memo-1";
/** Bumped when the state file's format changes. */
const STATE_FORMAT = "news-archive-topics-state-1";

/** A memoised assignment: each record's topics (same order as the records) and the archive's topics. */
export interface MemoisedAssignment {
  readonly topics: readonly (readonly TopicRef[])[];
  readonly archiveTopics: readonly ArchiveTopic[];
}

/** Where the last assignment is kept. */
export interface TopicsMemo {
  /** The assignment stored under this key, or undefined (none, another key, or a file that cannot be read). */
  read(key: string): MemoisedAssignment | undefined;
  /** Stores an assignment under a key, replacing the last one. */
  write(key: string, assignment: MemoisedAssignment): void;
  /** The incremental assignment's state stored under this key (see `stateKey`), or undefined. */
  readState?(key: string): AssignmentState | undefined;
  /** Stores the incremental assignment's state under a key, replacing the last one. */
  writeState?(key: string, state: AssignmentState): void;
}

/**
 * The memo of a cache folder.
 * @param cacheDir the cache folder
 */
export function topicsMemo(cacheDir: string): TopicsMemo {
  const file = join(cacheDir, "topics-memo.json");
  const stateFile = join(cacheDir, "topics-state.bin");
  return {
    read: (key) => {
      const json = readKeyed(file, key);
      return json === undefined ? undefined : decode(json);
    },
    write: (key, assignment) => writeAtomically(file, [`${key}\n${JSON.stringify(encode(assignment))}`]),
    readState: (key) => readState(stateFile, key),
    writeState: (key, state) => {
      const facts = Int32Array.from(state.facts);
      const head = `${key}\n${JSON.stringify({ strings: state.strings, sources: state.sources })}\n`;
      writeAtomically(stateFile, [head, new Uint8Array(facts.buffer, facts.byteOffset, facts.byteLength)]);
    },
  };
}

/**
 * The key of the incremental assignment's state: a hash of its format, the topics layer's source and the vocabulary
 * (a state holds no more than what these fix; the records it covers are in it).
 * @param vocabulary the editors' vocabulary (default none)
 * @param code a hash of the topics layer's code (default: of every file in src/topics/)
 */
export function stateKey(vocabulary: Vocabulary | undefined, code: string = topicsFingerprint()): string {
  return createHash("sha256").update(`${STATE_FORMAT}\0${endianness()}\0${code}\0${JSON.stringify(vocabulary ?? null)}`).digest("hex");
}

/**
 * The key of an assignment: a hash of the memo's format, the topics layer's source, the vocabulary and every record's
 * source key in order; undefined when a record has no source key (nothing then fixes its content).
 * @param records the records topics are assigned to, in order
 * @param vocabulary the editors' vocabulary (default none)
 * @param sourceKey a record's parse cache key, which fixes all of its fields
 * @param code a hash of the topics layer's code (default: of every file in src/topics/)
 */
export function memoKey(
  records: readonly ArticleRecord[],
  vocabulary: Vocabulary | undefined,
  sourceKey: (record: ArticleRecord) => string | undefined,
  code: string = topicsFingerprint(),
): string | undefined {
  const hash = createHash("sha256").update(`${FORMAT}\0${code}\0${JSON.stringify(vocabulary ?? null)}\0${records.length}`);
  for (const record of records) {
    const key = sourceKey(record);
    if (key === undefined) return undefined;
    hash.update(`\0${key}`);
  }
  return hash.digest("hex");
}

let fingerprint: string | undefined;

/** A hash of every source file of the topics layer (src/topics/) and of its data packages' versions, computed once per process. */
function topicsFingerprint(): string {
  fingerprint ??= hashFolder(createHash("sha256").update(`${gazetteerDataVersion()}\0`), fileURLToPath(new URL("../topics/", import.meta.url))).digest("hex");
  return fingerprint;
}

type EncodedRef = [name: string, slug: string, kind: string];

interface EncodedMemo {
  readonly refs: EncodedRef[];
  readonly records: number[][];
  readonly topics: ArchiveTopic[];
}

function encode(assignment: MemoisedAssignment): EncodedMemo {
  const refs: EncodedRef[] = [];
  const index = new Map<string, number>();
  // Records often share one object per topic (kept by an incremental assignment): found by identity first.
  const byObject = new Map<TopicRef, number>();
  const records = assignment.topics.map((topics) => topics.map((t) => {
    let at = byObject.get(t);
    if (at !== undefined) return at;
    const id = `${t.name}\0${t.slug}\0${t.kind}`;
    at = index.get(id);
    if (at === undefined) {
      at = refs.push([t.name, t.slug, t.kind]) - 1;
      index.set(id, at);
    }
    byObject.set(t, at);
    return at;
  }));
  return { refs, records, topics: [...assignment.archiveTopics] };
}

/** Writes a file, its parts one after another, through a temporary file and a rename. */
function writeAtomically(file: string, parts: readonly (string | Uint8Array)[]): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(temporary, "w");
    try {
      for (const part of parts) {
        const bytes = typeof part === "string" ? Buffer.from(part) : part;
        for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch {
    // A memo that cannot be written is only a slower next build.
    rmSync(temporary, { force: true });
  }
}

/** The state stored under a key; undefined when the file is missing, keyed otherwise, or damaged. */
function readState(file: string, key: string): AssignmentState | undefined {
  if (!startsWithKey(file, key)) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const first = bytes.indexOf(10);
  const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
  if (second < 0 || bytes.toString("latin1", 0, first) !== key || (bytes.length - second - 1) % 4 !== 0) return undefined;
  let head: unknown;
  try {
    head = JSON.parse(bytes.toString("utf8", first + 1, second));
  } catch {
    return undefined;
  }
  if (typeof head !== "object" || head === null) return undefined;
  // Copied out of the file's buffer: a view of it could start at an offset that is no multiple of 4.
  const facts = new Int32Array(bytes.buffer.slice(bytes.byteOffset + second + 1, bytes.byteOffset + bytes.length));
  return AssignmentState.decode({ ...head, facts });
}

/** The JSON value written after a key's line; undefined when the file is missing, keyed otherwise, or damaged. */
function readKeyed(file: string, key: string): unknown {
  if (!startsWithKey(file, key)) return undefined;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const newline = text.indexOf("\n");
  if (newline < 0 || text.slice(0, newline) !== key) return undefined;
  try {
    return JSON.parse(text.slice(newline + 1)) as unknown;
  } catch {
    return undefined;
  }
}

/** The assignment in a parsed memo; undefined for anything damaged or foreign. */
function decode(memo: unknown): MemoisedAssignment | undefined {
  if (typeof memo !== "object" || memo === null) return undefined;
  const { refs, records, topics } = memo as Partial<Record<keyof EncodedMemo, unknown>>;
  if (!Array.isArray(refs) || !Array.isArray(records) || !Array.isArray(topics)) return undefined;
  // One object per distinct reference, shared by the records that carry it (frozen, as the records are).
  const shared: TopicRef[] = [];
  for (const ref of refs as unknown[]) {
    if (!Array.isArray(ref) || ref.length !== 3) return undefined;
    const [name, slug, kind] = ref as unknown[];
    const parsedKind = topicKindSchema.safeParse(kind);
    if (typeof name !== "string" || typeof slug !== "string" || !parsedKind.success) return undefined;
    shared.push(Object.freeze({ name, slug, kind: parsedKind.data }));
  }
  const perRecord: TopicRef[][] = [];
  for (const ids of records as unknown[]) {
    if (!Array.isArray(ids)) return undefined;
    const list: TopicRef[] = [];
    for (const id of ids as unknown[]) {
      const ref = typeof id === "number" ? shared[id] : undefined;
      if (ref === undefined) return undefined;
      list.push(ref);
    }
    perRecord.push(list);
  }
  if (!(topics as unknown[]).every(isArchiveTopic)) return undefined;
  return { topics: perRecord, archiveTopics: topics as ArchiveTopic[] };
}

function isArchiveTopic(value: unknown): value is ArchiveTopic {
  if (typeof value !== "object" || value === null) return false;
  const t = value as Partial<Record<keyof ArchiveTopic, unknown>>;
  return typeof t.name === "string" && typeof t.slug === "string" && topicKindSchema.safeParse(t.kind).success &&
    (t.description === null || typeof t.description === "string") && typeof t.count === "number" &&
    Array.isArray(t.variants) && t.variants.every((v) => typeof v === "string");
}

/** Whether a file's first line is the key, read without reading the rest: a file of another key is not read whole. */
function startsWithKey(file: string, key: string): boolean {
  const expected = Buffer.from(`${key}\n`);
  return readBytesAt(file, 0, expected.length)?.equals(expected) === true;
}
