/**
 * Eleventy wiring for running Eleventy directly (`tsx node_modules/@11ty/eleventy/cmd.cjs --config=.eleventy.ts
 * --serve`): the site plugin with the archive loaded from `articles/` through the parse cache on every (re)build.
 * `npm run build` does not use this file: `buildSite` (src/site/build.ts) wires the same plugin itself.
 */
import { formatDiagnostics, loadSite, sitePlugin, SiteBuildError, type EleventyConfigApi, type SiteData } from "./src/site/index.ts";

export default function (eleventyConfig: EleventyConfigApi): void {
  sitePlugin(eleventyConfig, {
    site: async (): Promise<SiteData> => {
      const loaded = await loadSite("articles", { cacheDir: ".cache" });
      if (loaded.diagnostics.some((d) => d.severity === "error")) throw new SiteBuildError(`The articles have errors:\n${formatDiagnostics(loaded.diagnostics)}`);
      return loaded.site;
    },
    watch: "articles/",
  });
}

export const config = { dir: { input: "templates", output: "_site" } };
