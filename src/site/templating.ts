/**
 * The site layer's face for the templates at render time: the functions they print with, and nothing else.
 *
 * Templates import their types from `index.ts` (erased when compiled) and their functions from here. `index.ts` also
 * exports `buildSite`, which loads the archive, parse and topics layers; a render worker imports the templates anew in
 * every Eleventy run and must not load all of that (about a second of CPU time through the TypeScript loader) for three
 * small functions.
 */
export { WEEKDAYS } from "./calendar.ts";
export { monthName } from "./dates.ts";
export { escapeHtml } from "./escape.ts";
