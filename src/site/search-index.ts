/** The Pagefind search index of a built site (articles only: they carry `data-pagefind-body`). */
import { join } from "node:path";

/**
 * Indexes the HTML of a built site folder and writes the index into its `pagefind/` folder. Runs offline.
 * @param siteDir the built site
 */
export async function indexForSearch(siteDir: string): Promise<void> {
  const pagefind = await import("pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    // Only article pages carry `data-pagefind-body`; reading the listing pages too would only cost time.
    const added = await index.addDirectory({ path: siteDir, glob: "[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html" });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
}
