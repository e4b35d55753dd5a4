/**
 * A parse worker thread: receives batches of files, parses them and returns each record's head as JSON and its parse
 * cache key (hashed here from the bytes read when the job has none), with each record's topic extraction as JSON when
 * asked. Each body goes either into the parse cache's body store, written by this thread (the main thread then never
 * holds it), or back with the head. Started by `parse-pool.ts`; not imported by anything else.
 */
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
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
    // One record at a time, from its file to its JSON: each record's objects die young, instead of a whole batch of
    // records outliving several young-generation collections and filling the old generation with garbage.
    for (const job of jobs) {
      const bytes = readFileSync(job.path);
      const key = job.key ?? cacheKey(fingerprint, job.path, bytes);
      const record = parseChecked(job.path, bytes);
      const { head, body } = splitRecord(record);
      reply.keys.push(key);
      reply.heads.push(head);
      if (bodies === null) reply.bodies?.push(body);
      else bodies.setJson(key, body);
      // The record as parsed, not as read back from its JSON: the same strings, so the same extraction.
      if (extract !== null) {
        const extraction = extractRecord(record);
        reply.extractions?.push(JSON.stringify(extract === "encoded" ? encodeExtraction(extraction) : extraction));
      }
    }
    port.postMessage(reply satisfies ParseReply);
  });
}
