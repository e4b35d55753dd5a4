/** The Eleventy plugin: TypeScript templates, the site data as global data, and the static files. */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { writeArticleJson } from "./article-json.ts";
import type { SiteData } from "./types.ts";

/** The part of Eleventy's configuration API the plugin uses. */
export interface EleventyConfigApi {
  addExtension(extension: string | string[], options: { key: string }): void;
  setTemplateFormats(formats: string | string[]): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(copy: string | Record<string, string>): void;
  addWatchTarget(target: string): void;
  on(event: "eleventy.after", handler: (event: { directories: { output: string } }) => Promise<void>): void;
}

/** Options of the plugin. */
export interface SitePluginOptions {
  /** Gives the planned site; called once per Eleventy build (again on each rebuild when serving). */
  readonly site: () => SiteData | Promise<SiteData>;
  /** Folder watched when serving (default none). */
  readonly watch?: string;
}

/** Folder of the static files, copied to the output root as they are. */
export const PUBLIC_DIR = fileURLToPath(new URL("../../public/", import.meta.url));

/** Folder of the templates: the Eleventy input. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/**
 * Wires the site into Eleventy. Only `.11ty.ts` files are templates: articles are data, never templates.
 * After Eleventy has written the pages, each article's `article.json` is written beside its page.
 * @param eleventyConfig Eleventy's configuration API
 * @param options where the site data comes from
 */
export function sitePlugin(eleventyConfig: EleventyConfigApi, options: SitePluginOptions): void {
  let current: SiteData | null = null;
  eleventyConfig.addExtension("11ty.ts", { key: "11ty.js" });
  eleventyConfig.setTemplateFormats("11ty.ts");
  eleventyConfig.addGlobalData("site", async () => (current = await options.site()));
  eleventyConfig.on("eleventy.after", async ({ directories }) => {
    if (current !== null) await writeArticleJson(current.articlePages, directories.output);
  });
  // Eleventy resolves passthrough paths against the working directory.
  eleventyConfig.addPassthroughCopy({ [relative(process.cwd(), PUBLIC_DIR) || "."]: "/" });
  if (options.watch !== undefined) eleventyConfig.addWatchTarget(options.watch);
}
