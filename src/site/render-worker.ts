/**
 * A worker thread rendering batches of the site with Eleventy, so that a large build renders on both cores: the main
 * thread runs Eleventy over one batch while the worker runs it over another, into the same output folder.
 *
 * A batch is sent as data: the structured clone reads each lazy record's body from the body store as it copies it, so
 * a batch (never the whole site) is what is sent at a time. The link functions (`urls`) cannot be cloned; the worker
 * makes them again from the batch's path prefix and base URL, as the planning did.
 */
import { Worker, type MessagePort } from "node:worker_threads";
import { preloadEleventy, renderWithEleventy, type EleventyRunOptions } from "./eleventy-run.ts";
import { COMPILED_ROOT, entryPoint } from "../runtime.ts";
import { collectGarbage } from "./memory.ts";
import type { SiteData } from "./types.ts";
import { createUrls } from "./url.ts";

/** What the main thread sends: one batch to render. */
interface RenderRequest {
  readonly site: Omit<SiteData, "urls">;
  readonly outputDir: string;
  readonly copyPublic: boolean;
  /** Send each page back (for a copying page cache) before it is written. */
  readonly pages: boolean;
}

/** What the worker sends back. */
type RenderReply =
  | { readonly kind: "page"; readonly outputPath: string; readonly content: string }
  | { readonly kind: "done" }
  | { readonly kind: "failed"; readonly message: string; readonly stack: string | null };

/**
 * The worker's start, as plain JavaScript (a worker started from a `.ts` file would need the TypeScript loader before
 * it can load it): loads Eleventy, registers the tsx loader in the thread (run from the sources: compiled code needs
 * none, see src/runtime.ts), which Node 20 does not share with workers, marks it registered for `renderWithEleventy`,
 * then hands the thread to `serveRenders` below. Eleventy is loaded
 * first because each module loaded once the loader is registered is resolved and read through the loader's own thread,
 * which for Eleventy's hundreds of modules costs more CPU time than loading them.
 */
const BOOT = `
const { parentPort, workerData } = require("node:worker_threads");
process.env.NEWS_ARCHIVE_TSX = "1";
import(workerData.eleventy)
  .then(() => workerData.tsx === null ? undefined : import(workerData.tsx).then(({ register }) => register()))
  .then(() => import(workerData.module))
  .then(({ serveRenders }) => serveRenders(parentPort))
  .catch((error) => parentPort.postMessage({ kind: "failed", message: String(error && error.message || error), stack: error && error.stack || null }));
`;

interface Job {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
  readonly onPage: EleventyRunOptions["onPage"];
  /** The page callbacks of the batch, one after another. */
  pages: Promise<void>;
}

/**
 * A worker thread running Eleventy over the batches it is given, one at a time in the order given (a batch given while
 * another renders waits in the thread); `close` ends it.
 */
export class RenderWorker {
  readonly #worker: Worker;
  /** The batches given and not yet done, in order: the first is rendering. */
  readonly #jobs: Job[] = [];
  /** Why the thread stopped, once it has. */
  #stopped: Error | null = null;

  /** Starts the thread, which loads Eleventy at once (about a second) so that the first batch need not wait. */
  constructor() {
    this.#worker = new Worker(BOOT, { eval: true, workerData: {
      eleventy: import.meta.resolve("@11ty/eleventy"),
      // Compiled code needs no loader (see src/runtime.ts).
      tsx: COMPILED_ROOT === null ? import.meta.resolve("tsx/esm/api") : null,
      module: entryPoint(import.meta.url),
    } });
    // Idle, the thread does not keep the process alive: a build that fails elsewhere still exits.
    this.#worker.unref();
    this.#worker.on("message", (reply: RenderReply) => this.#reply(reply));
    this.#worker.on("error", (error) => this.#stop(error));
    this.#worker.on("exit", (code) => this.#stop(new Error(`The render worker stopped (exit code ${code}).`)));
  }

  /**
   * Renders a batch in the thread, as `renderWithEleventy` would here, after the batches given before it; rejects with
   * the worker's error (and so do the batches given after one that failed: none is rendered then).
   * @param site the batch (its lazy records' bodies are read now, to be sent)
   * @param outputDir the folder the pages are written into
   * @param options static files, page callback
   */
  render(site: SiteData, outputDir: string, options: EleventyRunOptions = {}): Promise<void> {
    if (this.#stopped !== null) return Promise.reject(this.#stopped);
    const sent: Omit<SiteData, "urls"> & { urls?: unknown } = { ...site };
    delete sent.urls;
    const request: RenderRequest = { site: sent, outputDir, copyPublic: options.copyPublic ?? true, pages: options.onPage !== undefined };
    return new Promise<void>((resolve, reject) => {
      this.#jobs.push({ resolve, reject, onPage: options.onPage, pages: Promise.resolve() });
      this.#worker.ref();
      this.#worker.postMessage(request);
    });
  }

  /** Batches given and not yet done (the first of them rendering). */
  get pending(): number {
    return this.#jobs.length;
  }

  /** Ends the thread (at once: only call it when no batch is under way, or after a failure). */
  async close(): Promise<void> {
    this.#stopped ??= new Error("The render worker was closed.");
    await this.#worker.terminate();
  }

  #reply(reply: RenderReply): void {
    const job = this.#jobs[0];
    if (job === undefined) {
      if (reply.kind === "failed") this.#stop(workerError(reply));
      return;
    }
    if (reply.kind === "page") {
      const { onPage } = job;
      if (onPage !== undefined) job.pages = job.pages.then(() => onPage(reply.outputPath, reply.content));
      return;
    }
    this.#jobs.shift();
    if (this.#jobs.length === 0) this.#worker.unref();
    if (reply.kind === "done") job.pages.then(job.resolve, job.reject);
    else job.pages.finally(() => job.reject(workerError(reply))).catch(() => undefined);
  }

  #stop(error: Error): void {
    this.#stopped ??= error;
    for (const job of this.#jobs.splice(0)) job.reject(error);
  }
}

/**
 * The worker's side: renders each batch it receives and replies `done` or `failed` (see BOOT).
 * @param port the thread's port to the main thread
 */
export function serveRenders(port: MessagePort): void {
  // The batches one after another: each starts when the one before is done (a batch is received, and waits, while
  // another renders). After a failure, the batches still to come are answered with it, not rendered.
  let queue: Promise<void> = preloadEleventy();
  let failure: { readonly message: string; readonly stack: string | null } | null = null;
  port.on("message", (request: RenderRequest) => {
    const site: SiteData = { ...request.site, urls: createUrls(request.site.options.pathPrefix, request.site.options.baseUrl) };
    const onPage = async (outputPath: string, content: string): Promise<void> => port.postMessage({ kind: "page", outputPath, content } satisfies RenderReply);
    // A failure to load Eleventy is the first batch's.
    queue = queue
      .then(() => {
        if (failure !== null) throw new Error(failure.message);
        return renderWithEleventy(site, request.outputDir, { copyPublic: request.copyPublic, ...(request.pages ? { onPage } : {}) });
      })
      .then(
        () => {
          // The run's pages are garbage now: collected before the next batch, not counted alongside it.
          collectGarbage();
          port.postMessage({ kind: "done" } satisfies RenderReply);
        },
        (error: unknown) => {
          failure ??= { message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? (error.stack ?? null) : null };
          port.postMessage({ kind: "failed", ...failure } satisfies RenderReply);
        },
      );
  });
}

function workerError(reply: { readonly message: string; readonly stack: string | null }): Error {
  const error = new Error(`${reply.message} (in the render worker)`);
  if (reply.stack !== null) error.stack = `${error.message}\n${reply.stack.split("\n").slice(1).join("\n")}`;
  return error;
}
