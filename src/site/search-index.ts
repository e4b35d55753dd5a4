/** The Pagefind search index of a built site (articles only: they carry `data-pagefind-body`). */
import { join } from "node:path";
import type { SearchShard } from "./search-shards.ts";

/**
 * Indexes the article pages of a built site, one bundle per shard into `pagefind/<shard id>/`. Runs offline.
 * Each bundle is built by a fresh Pagefind process, so memory is bounded by the largest shard, not the archive.
 * @param siteDir the built site
 * @param shards the bundles to build (from `planSearchShards`)
 */
export async function indexForSearch(siteDir: string, shards: readonly SearchShard[]): Promise<void> {
  const pagefind = await import("pagefind");
  for (const shard of shards) {
    try {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      const added = await index.addDirectory({ path: siteDir, glob: shard.glob });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${shard.glob}: ${added.errors.join("; ")}`);
      const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind", shard.id) });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    } finally {
      await pagefind.close();
    }
  }
}
