/**
 * A parse worker thread: receives batches of files, parses them and returns each record as JSON (the main thread
 * caches it), with the record's topic extraction when asked (extraction costs twice the parse: doing it here spreads
 * it over the workers). Started by `parse-pool.ts`; not imported by anything else.
 */
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { extractRecord } from "../topics/index.ts";
import { parseChecked } from "./parse-one.ts";
import type { ParseReply, WorkerBatch } from "./parse-pool.ts";

const port = parentPort;
if (port) {
  port.on("message", ({ jobs, extract }: WorkerBatch) => {
    const json: string[] = [];
    const extractions: (readonly [string, string])[] = [];
    for (const job of jobs) {
      const record = parseChecked(job.path, readFileSync(job.path));
      json.push(JSON.stringify(record));
      if (!extract || record.diagnostics.some((d) => d.severity === "error")) continue;
      const { key, extraction } = extractRecord(record);
      extractions.push([key, JSON.stringify(extraction)]);
    }
    port.postMessage({ json, extractions } satisfies ParseReply);
  });
}
