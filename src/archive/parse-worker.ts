/**
 * A parse worker thread: receives batches of files, parses them, writes each record to the cache and returns them.
 * Started by `parse-pool.ts`; not imported by anything else.
 */
import { readFile } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import { writeCached } from "./cache.ts";
import { parseChecked } from "./parse-one.ts";
import type { ParseJob, ParseReply } from "./parse-pool.ts";

const port = parentPort;
if (port) {
  port.on("message", (jobs: readonly ParseJob[]) => {
    void Promise.all(jobs.map(async (job) => {
      const record = parseChecked(job.path, await readFile(job.path));
      if (job.cacheDir !== null) await writeCached(job.cacheDir, job.key, record);
      return record;
    })).then((records) => port.postMessage({ records } satisfies ParseReply));
  });
}
