/**
 * A parse worker thread: receives batches of files, parses them and returns each record as JSON, head and body (the
 * main thread caches them), with each record's topic extraction when asked. Started by `parse-pool.ts`; not imported
 * by anything else.
 */
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { extractRecord } from "../topics/index.ts";
import { splitRecord } from "./lazy-record.ts";
import { parseChecked } from "./parse-one.ts";
import type { ParseBatch, ParseReply } from "./parse-pool.ts";

const port = parentPort;
if (port) {
  port.on("message", ({ jobs, extract }: ParseBatch) => {
    const records = jobs.map((job) => parseChecked(job.path, readFileSync(job.path)));
    const parts = records.map(splitRecord);
    // The record as parsed, not as read back from its JSON: the same strings, so the same extraction.
    const extractions = extract ? JSON.stringify(records.map(extractRecord)) : null;
    port.postMessage({ heads: parts.map((part) => part.head), bodies: parts.map((part) => part.body), extractions } satisfies ParseReply);
  });
}
