/** The Eleventy plugin: TypeScript templates, the site data as global data, and the static files. */
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { COMPILED_ROOT, TEMPLATE_EXTENSION } from "../runtime.ts";
import type { SiteData } from "./types.ts";

/** The part of Eleventy's configuration API the plugin uses. */
export interface EleventyConfigApi {
  addExtension(extension: string | string[], options: { key: string }): void;
  setTemplateFormats(formats: string | string[]): void;
  readonly ignores: Set<string>;
  setUseGitIgnore(use: boolean): void;
  addGlobalData(name: string, data: unknown): void;
  addPassthroughCopy(copy: string | Record<string, string>): void;
  addWatchTarget(target: string): void;
  on(event: "eleventy.before", handler: (event: { directories: { output: string }; outputMode: string }) => void): void;
  addTransform(name: string, transform: (this: { page: { outputPath: string | false } }, content: string) => Promise<string>): void;
}

/** Options of the plugin. */
export interface SitePluginOptions {
  /** Gives the planned site; called once per Eleventy build (again on each rebuild when serving). */
  readonly site: () => SiteData | Promise<SiteData>;
  /** Folder watched when serving (default none). */
  readonly watch?: string;
  /** Write each article's `article.json` when the data loads (default true; `buildSite` writes them itself). */
  readonly writeArticleJson?: boolean;
  /** Called with each page Eleventy renders, before it is written (`buildSite` stores it in the page cache). */
  readonly onPage?: (outputPath: string, content: string) => Promise<void>;
  /**
   * Give the event loop a turn every this many pages (default never). Eleventy renders and writes a run's pages
   * without one, so a render worker alongside that finishes its batch meanwhile would wait until the run ends to be
   * handed the next one.
   */
  readonly turnEvery?: number;
  /**
   * Copy the static files into the output (default true). `buildSite` copies them in one of the Eleventy runs it
   * makes into one folder, as two runs at once would write the same files at once.
   */
  readonly copyPublic?: boolean;
}

/** Folder of the static files, copied to the output root as they are. */
export const PUBLIC_DIR = fileURLToPath(new URL("../../public/", import.meta.url));

/** Folder of the template sources (Eleventy reads `ELEVENTY_TEMPLATES`, which is this one unless the code runs compiled). */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/**
 * Wires the site into Eleventy. Only `.11ty.ts` files are templates: articles are data, never templates.
 * When the site data is loaded, each article's `article.json` is written beside its page, and the records handed
 * to the templates lose what only that file needs (body blocks, extra lines, diagnostics), which halves the memory
 * a large archive holds while Eleventy renders.
 * @param eleventyConfig Eleventy's configuration API
 * @param options where the site data comes from
 */
export function sitePlugin(eleventyConfig: EleventyConfigApi, options: SitePluginOptions): void {
  let output: string | null = null;
  let data: Promise<SiteData> | null = null;
  if (COMPILED_ROOT === null) {
    eleventyConfig.addExtension(TEMPLATE_EXTENSION, { key: "11ty.js" });
  } else {
    // The compiled templates are `.11ty.js` files, which Eleventy knows, in a folder under node_modules/ (see
    // bin/compile.js), which Eleventy ignores by default, and by .gitignore.
    eleventyConfig.ignores.delete("**/node_modules/**");
    eleventyConfig.setUseGitIgnore(false);
  }
  eleventyConfig.setTemplateFormats(TEMPLATE_EXTENSION);
  eleventyConfig.on("eleventy.before", ({ directories, outputMode }) => {
    output = outputMode === "fs" ? directories.output : null;
    data = null;
  });
  eleventyConfig.addGlobalData("site", () => {
    data ??= (async () => {
      const site = await options.site();
      if (options.writeArticleJson === false) return shared(site);
      // Loaded here, not at the top: it loads the archive layer, which a render worker's runs (`writeArticleJson:
      // false`) never need.
      const { slimSite, writeArticleJson } = await import("./article-json.ts");
      if (output !== null) writeArticleJson(site.articlePages, output);
      return shared(slimSite(site));
    })();
    return data;
  });
  // Eleventy resolves passthrough paths against the working directory.
  if (options.copyPublic !== false) eleventyConfig.addPassthroughCopy({ [relative(process.cwd(), PUBLIC_DIR) || "."]: "/" });
  if (options.watch !== undefined) eleventyConfig.addWatchTarget(options.watch);
  const { onPage, turnEvery } = options;
  if (turnEvery !== undefined) {
    let pages = 0;
    eleventyConfig.addTransform("news-archive-turn", async (content) => {
      pages += 1;
      if (pages % turnEvery === 0) await new Promise((resolve) => setImmediate(resolve));
      return content;
    });
  }
  if (onPage !== undefined) {
    eleventyConfig.addTransform("news-archive-on-page", async function (content) {
      if (typeof this.page.outputPath === "string") await onPage(this.page.outputPath, content);
      return content;
    });
  }
}

/**
 * The site data as Eleventy is to share it: a frozen copy of its top level. Eleventy copies the global data into each
 * template's data and wraps it in a proxy for each paginated page (every read of `site.…` from a page makes a new
 * proxy), unless the object is frozen: then it hands it on as it is. Templates only read it.
 */
function shared(site: SiteData): SiteData {
  return Object.isFrozen(site) ? site : Object.freeze({ ...site });
}
