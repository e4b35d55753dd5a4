/** One Eleventy run over a batch of the site data, into an output folder (in whichever thread calls it). */
import { COMPILED_ROOT, ELEVENTY_TEMPLATES } from "../runtime.ts";
import { sitePlugin, type EleventyConfigApi } from "./plugin.ts";
import type { SiteData } from "./types.ts";

/** Options of `renderWithEleventy`. */
export interface EleventyRunOptions {
  /** Copy the static files (`public/`) into the output (default true; one run of a build is enough). */
  readonly copyPublic?: boolean;
  /** Called with each page before it is written (`buildSite` stores it in a copying page cache). */
  readonly onPage?: (outputPath: string, content: string) => Promise<void>;
  /** Give the event loop a turn every few pages (default false; see `turnEvery` in plugin.ts). */
  readonly turns?: boolean;
}

/** Pages between two turns of the event loop in a run with `turns`. */
const TURN_EVERY = 50;

/**
 * Renders the pages of a batch of the site data with Eleventy (article and listing pages, the one-off pages when
 * `renderSingles`); the article JSON and text files are not its business.
 * @param site the batch
 * @param outputDir the folder the pages are written into
 * @param options static files, page callback
 */
export async function renderWithEleventy(site: SiteData, outputDir: string, options: EleventyRunOptions = {}): Promise<void> {
  await ensureTypeScriptLoader();
  const Eleventy = await eleventyClass();
  const { onPage } = options;
  const eleventy = new Eleventy(ELEVENTY_TEMPLATES, outputDir, {
    quietMode: true,
    config: (eleventyConfig: EleventyConfigApi) => sitePlugin(eleventyConfig, {
      site: () => site,
      writeArticleJson: false,
      copyPublic: options.copyPublic ?? true,
      ...(onPage === undefined ? {} : { onPage }),
      ...(options.turns === true ? { turnEvery: TURN_EVERY } : {}),
    }),
  });
  await eleventy.write();
}

/** Loads Eleventy and the TypeScript loader its templates need, ahead of the first run (a render worker's start). */
export async function preloadEleventy(): Promise<void> {
  await ensureTypeScriptLoader();
  await eleventyClass();
}

interface EleventyConstructor {
  new (input: string, output: string, options: { quietMode: boolean; config: (c: EleventyConfigApi) => void }): { write(): Promise<unknown> };
}

async function eleventyClass(): Promise<EleventyConstructor> {
  // Eleventy ships no type declarations; the constructor is typed above.
  const specifier = "@11ty/eleventy";
  const { default: Eleventy } = (await import(specifier)) as { default: EleventyConstructor };
  return Eleventy;
}

/**
 * Eleventy imports the `.11ty.ts` templates itself, so the tsx loader must be registered in this thread (not when the
 * code runs compiled: then so are the templates, see src/runtime.ts).
 */
let loaderRegistered = false;
async function ensureTypeScriptLoader(): Promise<void> {
  if (loaderRegistered || COMPILED_ROOT !== null || process.env["NEWS_ARCHIVE_TSX"] === "1") return;
  const { register } = await import("tsx/esm/api");
  register();
  loaderRegistered = true;
}
