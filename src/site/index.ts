/**
 * The site layer: from the archive to what templates need (page lists, pagination, feeds, sitemap, JSON-LD, links),
 * the Eleventy plugin, and `buildSite`, the whole build.
 */
export { buildSite, formatDiagnostics, loadSite, SiteBuildError, type BuildOptions, type BuildResult } from "./build.ts";
export { monthCalendar, WEEKDAYS, type CalendarCell, type MonthCalendar } from "./calendar.ts";
export { humanDate, monthName } from "./dates.ts";
export { escapeHtml, escapeXml, jsonForScript } from "./escape.ts";
export { paginate, type PageSlice } from "./paginate.ts";
export { unshareFiles } from "./page-cache.ts";
export { PageKeys } from "./page-keys.ts";
export { PUBLIC_DIR, sitePlugin, TEMPLATES_DIR, type EleventyConfigApi, type SitePluginOptions } from "./plugin.ts";
export { planSite, siteOptions, type PlannedSite } from "./site-data.ts";
export type * from "./types.ts";
export { createUrls, normalisePrefix, outputFile, type Urls } from "./url.ts";
