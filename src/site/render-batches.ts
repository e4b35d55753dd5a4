/**
 * The render of a build's pages in batches: Eleventy keeps every page of a run in memory until the run ends, so a
 * large site is rendered in several runs into the same folder, on two threads (this one and a render worker) when
 * given a worker.
 */
import { collectGarbage } from "./memory.ts";
import { renderWithEleventy, type EleventyRunOptions } from "./eleventy-run.ts";
import type { RenderWorker } from "./render-worker.ts";
import type { SiteData } from "./types.ts";

/** Options of `renderBatches`. */
export interface RenderBatchesOptions {
  /** A worker rendering batches alongside this thread (default none: every batch here). */
  readonly worker?: RenderWorker | null;
  /** Called with each page before it is written, in whichever thread renders it (see EleventyRunOptions). */
  readonly onPage?: EleventyRunOptions["onPage"];
  /**
   * Work for this thread before it takes its first batch (default none); a worker starts rendering meanwhile. Its
   * failure fails the render as a batch's would.
   */
  readonly before?: () => Promise<void>;
  /** Called once a batch's pages are all written. */
  readonly onRendered?: (batch: SiteData) => void;
}

/**
 * The batches of the pages to render: at most `size` article and `size` listing pages each, split evenly, a multiple
 * of `threads` batches (when there are that many pages); the first also renders the one-off pages. The output is the
 * same whatever the split.
 * @param todo the site data with the pages to render
 * @param size most article pages, and most listing pages, per batch
 * @param threads threads the batches are shared among (default 1)
 */
export function splitIntoBatches(todo: SiteData, size: number, threads = 1): SiteData[] {
  const perRun = Math.max(1, Math.floor(size));
  const articles = todo.articlePages.length;
  const listings = todo.listingPages.length;
  let runs = Math.max(todo.renderSingles ? 1 : 0, Math.ceil(articles / perRun), Math.ceil(listings / perRun));
  if (articles + listings >= threads) runs = Math.ceil(Math.max(runs, threads) / threads) * threads;
  const cut = (count: number, run: number): number => Math.round((count * run) / runs);
  return Array.from({ length: runs }, (_, run) => ({
    ...todo,
    articlePages: todo.articlePages.slice(cut(articles, run), cut(articles, run + 1)),
    listingPages: todo.listingPages.slice(cut(listings, run), cut(listings, run + 1)),
    textFiles: [],
    renderSingles: run === 0 && todo.renderSingles,
  }));
}

/**
 * Batches left in the list from which the worker is given a second one to hold while it renders the first. This thread
 * answers the worker only between its own pages: not while it writes the JSON files, sets up an Eleventy run (a few
 * tenths of a second for 2,000 pages) or collects garbage after one. Waiting for those, the worker spent 7.0-9.7 s of a
 * 32-41 s render of 50,000 articles between batches (15-16 batches); given one ahead, 4.2 s (its own collections after
 * each batch, 19 batches), and the render took 36.4 s against 41.1 s in the same minutes. Only while enough are left, so
 * that the end of the render, where a batch given early could leave this thread idle, is shared out as before.
 */
const WORKER_AHEAD_MIN_LEFT = 3;

/**
 * Renders the batches with Eleventy into one folder: in this thread (after `before`) and, given a worker, in the worker
 * at the same time, each taking the next batch when it has finished one (the worker holding the one after while enough
 * are left, see WORKER_AHEAD_MIN_LEFT). The list is taken over: each batch is removed from it when a thread takes it,
 * so that what only finished batches hold (their pages) is freed as the render goes. The first batch copies the static
 * files (two runs copying them at once would write the same files at once). After a failure no batch is started, and
 * the batches given to the other thread are waited for, so that nothing writes into the folder once this has rejected.
 * @param batches the batches (see `splitIntoBatches`); emptied as they are taken
 * @param outputDir the folder the pages are written into
 * @param options worker, page callbacks
 */
export async function renderBatches(batches: SiteData[], outputDir: string, options: RenderBatchesOptions = {}): Promise<void> {
  const { worker, before, onPage, onRendered } = options;
  let next = 0;
  let failed = false;
  // The next batch and its run's options: the first batch taken, by either thread, copies the static files.
  const take = (): { readonly batch: SiteData; readonly run: EleventyRunOptions } => {
    const index = next++;
    return { batch: batches.shift()!, run: { copyPublic: index === 0, ...(onPage === undefined ? {} : { onPage }) } };
  };
  // This thread's lane: one batch at a time.
  const ownLane = async (): Promise<void> => {
    try {
      await before?.();
      while (!failed && batches.length > 0) {
        const { batch, run } = take();
        // This thread's run gives its event loop turns, in which a worker that has finished is handed its next batch.
        await renderWithEleventy(batch, outputDir, { ...run, turns: worker !== undefined && worker !== null });
        onRendered?.(batch);
        // The run's pages are garbage now (the worker collects its own).
        if (batches.length > 0) collectGarbage();
      }
    } catch (error) {
      failed = true;
      throw error;
    }
  };
  // The worker's lane: up to two batches given at once, done in order.
  const workerLane = async (given: RenderWorker): Promise<void> => {
    const inFlight: Promise<void>[] = [];
    try {
      for (;;) {
        while (!failed && batches.length > 0 && inFlight.length < (batches.length >= WORKER_AHEAD_MIN_LEFT ? 2 : 1)) {
          const { batch, run } = take();
          const rendered = given.render(batch, outputDir, run).then(() => onRendered?.(batch));
          // Awaited in turn below; until then, a rejection (the worker stopped) must not count as unhandled.
          rendered.catch(() => undefined);
          inFlight.push(rendered);
        }
        const first = inFlight.shift();
        if (first === undefined) return;
        await first;
      }
    } catch (error) {
      failed = true;
      // The batch the worker holds is answered with the failure, not rendered; waited for all the same.
      await Promise.allSettled(inFlight);
      throw error;
    }
  };
  const lanes: Promise<void>[] = [];
  // The worker's lane first: it takes the first batch at once, while this thread does `before`.
  if (worker !== undefined && worker !== null) lanes.push(workerLane(worker));
  lanes.push(ownLane());
  const failure = (await Promise.allSettled(lanes)).find((result) => result.status === "rejected");
  if (failure !== undefined) throw failure.reason;
}
