/**
 * Writes the generated text files (feeds, sitemaps, robots.txt) straight into the output folder.
 *
 * `buildSite` does this instead of rendering them through Eleventy: their bodies are finished strings, and one
 * Eleventy page costs about a millisecond of template machinery for nothing (a thousand topic feeds at 10,000
 * articles). The `text-files` template still renders them when the plugin serves the site.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { TextFile } from "./types.ts";
import { outputFile } from "./url.ts";

/**
 * Writes each file at its output path.
 * @param files the text files of the planned site
 * @param outputDir the folder the site is written to
 */
export function writeTextFiles(files: readonly TextFile[], outputDir: string): void {
  for (const file of files) {
    const path = join(outputDir, outputFile(file.path));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.body);
  }
}
