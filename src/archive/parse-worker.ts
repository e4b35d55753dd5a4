/**
 * A parse worker thread: receives batches of files, parses them and returns each record as JSON (the main thread
 * caches it). Started by `parse-pool.ts`; not imported by anything else.
 */
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { parseChecked } from "./parse-one.ts";
import type { ParseJob, ParseReply } from "./parse-pool.ts";

const port = parentPort;
if (port) {
  port.on("message", (jobs: readonly ParseJob[]) => {
    const json = jobs.map((job) => JSON.stringify(parseChecked(job.path, readFileSync(job.path))));
    port.postMessage({ json } satisfies ParseReply);
  });
}
