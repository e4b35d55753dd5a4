import { z } from "zod";

/** A calendar date, `YYYY-MM-DD`, never a `Date` (which would carry a time zone). */
export const calendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, "expected a calendar date YYYY-MM-DD");

/** One located problem in an article file (1-based line and column). */
export const diagnosticSchema = z.object({
  severity: z.enum(["error", "warning", "info"]),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  message: z.string().min(1),
  rule: z.string().min(1),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** Kinds of topic an archive groups articles by. */
export const topicKindSchema = z.enum(["person", "place", "organisation", "subject", "rubric"]);
export type TopicKind = z.infer<typeof topicKindSchema>;

/** A topic as carried by an article record. */
export const topicRefSchema = z.object({
  name: z.string().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u),
  kind: topicKindSchema,
});
export type TopicRef = z.infer<typeof topicRefSchema>;

/** One block of an article's body. `preformatted` keeps tables and column layouts line for line. */
export const blockSchema = z.object({
  type: z.enum(["paragraph", "heading", "preformatted"]),
  text: z.string(),
  /** 1-based line of the block's first line in the file. */
  line: z.number().int().min(1),
});
export type Block = z.infer<typeof blockSchema>;

/** A line that is neither body nor a known field (an id line, a URL, a language code): kept, never dropped. */
export const extraLineSchema = z.object({
  line: z.number().int().min(1),
  text: z.string(),
  kind: z.string().min(1),
});
export type ExtraLine = z.infer<typeof extraLineSchema>;

/** The structured, validated record of one article file. Absent fields are null, never invented. */
export const articleRecordSchema = z.object({
  /** The path the file was read from, as given. */
  file: z.string(),
  /** The layout the parser recognised (`tass`, `wikinews`, `reuters`, `reuters21578`, `bsnlp`, `plain`, `markdown`). */
  format: z.string(),
  title: z.string().nullable(),
  date: calendarDateSchema.nullable(),
  /** `HH:MM` or `HH:MM:SS` as written in the file. */
  time: z.string().nullable(),
  /** Zone as written (`EDT`, `+03:00`). */
  timezone: z.string().nullable(),
  byline: z.string().nullable(),
  dateline: z.string().nullable(),
  rubric: z.string().nullable(),
  photoCredit: z.string().nullable(),
  source: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  /** Licence of the text where it is not the archive's own (`CC BY 2.5`). */
  license: z.string().nullable(),
  /** BCP 47 language code (`en`, `ru`). */
  lang: z.string().nullable(),
  /** The lead: the first paragraph of the body. */
  summary: z.string().nullable(),
  body: z.array(blockSchema),
  /** The body rendered with unified + remark-html, sanitised. */
  html: z.string(),
  extra: z.array(extraLineSchema),
  wordCount: z.number().int().min(0),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u),
  /** `/YYYY/MM/DD/<slug>/`, or null when the article has no date. */
  url: z.string().nullable(),
  topics: z.array(topicRefSchema),
  draft: z.boolean(),
  /** Calendar date of the last correction, from front matter. */
  updated: calendarDateSchema.nullable(),
  diagnostics: z.array(diagnosticSchema),
});
export type ArticleRecord = z.infer<typeof articleRecordSchema>;
