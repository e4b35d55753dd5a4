/**
 * A parse worker thread: receives batches of files, parses them and returns each record as JSON, head and body (the
 * main thread caches them). Started by `parse-pool.ts`; not imported by anything else.
 */
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { splitRecord } from "./lazy-record.ts";
import { parseChecked } from "./parse-one.ts";
import type { ParseJob, ParseReply } from "./parse-pool.ts";

const port = parentPort;
if (port) {
  port.on("message", (jobs: readonly ParseJob[]) => {
    const parts = jobs.map((job) => splitRecord(parseChecked(job.path, readFileSync(job.path))));
    port.postMessage({ heads: parts.map((part) => part.head), bodies: parts.map((part) => part.body) } satisfies ParseReply);
  });
}
