/**
 * A parse worker thread: receives batches of files, parses them and returns each record's head as JSON and its parse
 * cache key (hashed here from the bytes read when the job has none), with each record's topic extraction as JSON when
 * asked. Each body goes either into the parse cache's body store, written by this thread (the main thread then never
 * holds it), or back with the head. Started by `parse-pool.ts`; not imported by anything else.
 */
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import type { ArticleRecord } from "../parse/index.ts";
import { extractRecord } from "../topics/index.ts";
import { BodyStore } from "./body-store.ts";
import { cacheKey } from "./cache.ts";
import { encodeExtraction } from "./extraction-store.ts";
import { splitRecord } from "./lazy-record.ts";
import { parseChecked } from "./parse-one.ts";
import { DONE, type ParseBatch, type ParseReply, type ParseWorkerData } from "./parse-pool.ts";

const port = parentPort;
if (port) {
  const { bodyDir, fingerprint } = workerData as ParseWorkerData;
  const bodies = bodyDir === null ? null : new BodyStore(bodyDir);
  port.on("message", (message: ParseBatch | typeof DONE) => {
    if (message === DONE) {
      bodies?.flush();
      port.postMessage(DONE);
      return;
    }
    const { jobs, extract } = message;
    const reply: { keys: string[]; heads: string[]; bodies: string[] | null; extractions: string[] | null } = {
      keys: [], heads: [], bodies: bodies === null ? [] : null, extractions: extract === null ? null : [],
    };
    // In phases over the batch: parse every file, then store each, then extract each. One record at a time from file
    // to JSON made less garbage, but cost each worker about two CPU-seconds more over 5,000 files (the parser's and the
    // extractor's code and data taking turns in the processor's caches).
    const records: ArticleRecord[] = [];
    for (const job of jobs) {
      const bytes = readFileSync(job.path);
      reply.keys.push(job.key ?? cacheKey(fingerprint, job.path, bytes));
      records.push(parseChecked(job.path, bytes));
    }
    records.forEach((record, i) => {
      const { head, body } = splitRecord(record);
      reply.heads.push(head);
      if (bodies === null) reply.bodies?.push(body);
      else bodies.setJson(reply.keys[i] as string, body);
    });
    // The record as parsed, not as read back from its JSON: the same strings, so the same extraction.
    if (extract !== null) {
      for (const record of records) {
        const extraction = extractRecord(record);
        reply.extractions?.push(JSON.stringify(extract === "encoded" ? encodeExtraction(extraction) : extraction));
      }
    }
    port.postMessage(reply satisfies ParseReply);
  });
}
