/**
 * The parse layer's public face: one article file in, one validated record out.
 * Other layers import from here only.
 */
export { parseArticle, type ParseOptions } from "./article.ts";
export { articleUrl, slugify } from "./slug.ts";
export { readDateLine, isCalendarDate, type DateValue, type DateReading } from "./dates.ts";
export { missingWords } from "./coverage.ts";
export { FRONT_MATTER_KEYS } from "./fields.ts";
export {
  articleRecordSchema,
  blockSchema,
  calendarDateSchema,
  diagnosticSchema,
  extraLineSchema,
  topicKindSchema,
  topicRefSchema,
  type ArticleRecord,
  type Block,
  type Diagnostic,
  type ExtraLine,
  type TopicKind,
  type TopicRef,
} from "./schema.ts";
