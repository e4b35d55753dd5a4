import type { Reporter } from "./diagnostics.ts";
import { keyLine, rawValue, type FrontMatter } from "./front-matter.ts";
import { isCalendarDate } from "./dates.ts";
import { slugify } from "./slug.ts";
import { topicKindSchema, type TopicRef } from "./schema.ts";

/** Record fields that front matter may set, as read and checked. */
export interface FrontFields {
  strings: Partial<Record<StringKey, string | null>>;
  date?: string | null;
  updated?: string | null;
  draft?: boolean;
  slug?: string;
  topics?: TopicRef[];
}

const STRING_KEYS = ["title", "time", "timezone", "byline", "dateline", "rubric", "photoCredit", "source", "sourceUrl", "license", "lang", "summary"] as const;
type StringKey = (typeof STRING_KEYS)[number];
/** Every key front matter may use. */
export const FRONT_MATTER_KEYS: readonly string[] = [...STRING_KEYS, "date", "updated", "draft", "slug", "topics"];

/**
 * Checks front matter data against the keys and types the record allows. Unknown keys and wrong types are
 * errors at their line; the offending key is ignored. YAML dates (which js-yaml turns into `Date` objects at
 * UTC midnight) are read with UTC getters, so the calendar day never shifts with the machine's time zone.
 */
export function readFrontFields(front: FrontMatter, reporter: Reporter): FrontFields {
  const out: FrontFields = { strings: {} };
  for (const [key, value] of Object.entries(front.data)) {
    if (!FRONT_MATTER_KEYS.includes(key)) {
      reporter.report("error", keyLine(front, key) ?? 1, 1, "front-matter-unknown-key", `Front matter key "${key}" is not a field of an article, so it was ignored. Use one of: ${FRONT_MATTER_KEYS.join(", ")}.`);
      continue;
    }
    if ((STRING_KEYS as readonly string[]).includes(key)) {
      if (value === null || typeof value === "string" || typeof value === "number") {
        // An empty value (`title:`) sets nothing: the text's own field stands.
        const text = value === null ? "" : String(value).trim();
        if (text !== "") out.strings[key as StringKey] = text;
      } else fail(reporter, front, key, "must be text");
    } else if (key === "date" || key === "updated") {
      const date = value === null ? null : calendar(value, value instanceof Date ? rawValue(front, key) : undefined);
      if (date === undefined) fail(reporter, front, key, "must be a calendar date YYYY-MM-DD that exists");
      else if (key === "date") out.date = date;
      else out.updated = date;
    } else if (key === "draft") {
      if (typeof value === "boolean") out.draft = value;
      else fail(reporter, front, key, "must be true or false");
    } else if (key === "slug") {
      if (typeof value === "string" && /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(value)) out.slug = value;
      else fail(reporter, front, key, "must be lower-case ASCII words joined by hyphens (like peskov-turkey)");
    } else if (key === "topics") {
      const topics = readTopics(value);
      if (topics === undefined) fail(reporter, front, key, "must be a list of names or of {name, kind} with kind person, place, organisation, subject or rubric");
      else out.topics = topics;
    }
  }
  return out;
}

// No closure per key: tsx wraps each named function made inside a loop in a call that names it. The key's line is
// looked up only here, for a report.
function fail(reporter: Reporter, front: FrontMatter, key: string, what: string): void {
  reporter.report("error", keyLine(front, key) ?? 1, 1, "front-matter-type", `Front matter "${key}" ${what}, so it was ignored. Fix the value on this line.`);
}

function calendar(value: unknown, raw: string | undefined): string | null | undefined {
  if (value instanceof Date) {
    // js-yaml accepts 2021-02-30 and rolls it over to 2021-03-02: the text as written decides.
    if (Number.isNaN(value.getTime()) || (raw !== undefined && /^\d{4}-\d{2}-\d{2}$/u.test(raw) && !isCalendarDate(raw))) return undefined;
    const y = String(value.getUTCFullYear()).padStart(4, "0");
    const m = String(value.getUTCMonth() + 1).padStart(2, "0");
    const d = String(value.getUTCDate()).padStart(2, "0");
    return `${y}-${m}-${d}`;
  }
  if (typeof value === "string" && isCalendarDate(value.trim())) return value.trim();
  return undefined;
}

function readTopics(value: unknown): TopicRef[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const topics: TopicRef[] = [];
  for (const item of value) {
    if (typeof item === "string" && item.trim() !== "") {
      topics.push({ name: item.trim(), slug: topicSlug(item), kind: "subject" });
    } else if (item !== null && typeof item === "object" && typeof (item as { name?: unknown }).name === "string") {
      const { name, kind } = item as { name: string; kind?: unknown };
      const parsed = topicKindSchema.safeParse(kind ?? "subject");
      if (!parsed.success || name.trim() === "") return undefined;
      topics.push({ name: name.trim(), slug: topicSlug(name), kind: parsed.data });
    } else return undefined;
  }
  return topics;
}

// Topic names repeat across an archive (a few thousand for tens of thousands of articles): each one's slug is made
// once per thread. slugify is pure, so this only saves time; the memo is dropped whole when it grows past its bound.
const TOPIC_SLUGS = new Map<string, string>();
const MAX_TOPIC_SLUGS = 20_000;

function topicSlug(name: string): string {
  let slug = TOPIC_SLUGS.get(name);
  if (slug === undefined) {
    if (TOPIC_SLUGS.size >= MAX_TOPIC_SLUGS) TOPIC_SLUGS.clear();
    slug = slugify(name);
    TOPIC_SLUGS.set(name, slug);
  }
  return slug;
}
