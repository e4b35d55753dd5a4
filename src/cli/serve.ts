/**
 * `news-archive serve [--port 8080]` (`npm start`): builds the site, serves it with Eleventy's dev server and live
 * reload, and on every change in `articles/` re-parses only the changed files, renders their pages at once, then
 * re-renders the other pages they change (see dev-site.ts).
 */
import { statSync, watch } from "node:fs";
import type { FSWatcher } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { readArgs } from "./args.ts";
import { buildSite, formatDiagnostics, unshareFiles } from "../site/index.ts";
import { DevSite } from "./dev-site.ts";
import type { DevUpdate } from "./dev-site.ts";

/** Options of `startDevServer`. */
export interface DevServerOptions {
  readonly input: string;
  readonly output: string;
  readonly cacheDir: string | null;
  readonly port: number;
  /** Called after each step has been written and the browsers told to reload: `update` (the changed articles' pages) or `settle` (the rest). */
  readonly onUpdate?: (update: DevUpdate, files: readonly string[], step: "update" | "settle") => void;
  /** Where progress is printed (default stderr). */
  readonly log?: (line: string) => void;
}

/** A running dev server. */
export interface DevServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Quiet time between the fast step and the settle step, in milliseconds. */
const SETTLE_DELAY_MS = 1000;

interface EleventyDevServer {
  serve(port: number): void;
  ready(): Promise<void>;
  reload(event?: object): void;
  close(): Promise<void>;
  getServerUrl(host: string): string;
}

/**
 * Builds the site once, then serves it and keeps it up to date while articles change.
 * @param options folders, port and callbacks
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const log = options.log ?? ((line: string): void => void process.stderr.write(`${line}\n`));
  // Copies, not hard links, from the page cache: the dev site renders changed pages into this folder in place, which
  // would write through a link into the cache (see `linkPages`).
  const built = await buildSite({ input: options.input, output: options.output, cacheDir: options.cacheDir, pathPrefix: "/", linkPages: false });
  if (built.diagnostics.some((d) => d.severity === "error")) log(formatDiagnostics(built.diagnostics.filter((d) => d.severity === "error")).trimEnd());
  // The dev site writes into the output in place. A folder this server did not build (the previous output, after a
  // failed build; one `news-archive build` swapped in while serving) may be linked to the cache: unshared first.
  let ownOutput = built.ok ? inodeOf(options.output) : null;
  const unshareForeignOutput = (): void => {
    const current = inodeOf(options.output);
    if (current === ownOutput) return;
    unshareFiles(options.output);
    ownOutput = current;
  };
  unshareForeignOutput();
  const site = new DevSite({ input: options.input, output: options.output, cacheDir: options.cacheDir });
  await site.start(!built.ok);

  // Eleventy's dev server is CommonJS without type declarations; its shape is typed above.
  const require = createRequire(import.meta.url);
  const Server = require("@11ty/eleventy-dev-server") as { getServer(name: string, dir: string, options: object): EleventyDevServer };
  const server = Server.getServer("news-archive", options.output, { port: options.port, domDiff: false, messageOnStart: () => "" });
  server.serve(options.port);
  await server.ready();
  const url = server.getServerUrl("localhost");
  log(`Serving ${options.output} at ${url} (live reload on changes in ${options.input}/)`);

  let pending = new Set<string>();
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let unsettled = false;
  const step = async (name: "update" | "settle", work: () => Promise<DevUpdate>, files: readonly string[]): Promise<void> => {
    try {
      unshareForeignOutput();
      const update = await work();
      if (update.errors.length > 0) log(update.errors.join("\n"));
      else log(`${name === "update" ? `${files.length} changed file(s): their pages` : "Listings and neighbours"}: ${update.rendered.length} page(s) rendered, ${update.removed.length} removed in ${Math.round(update.ms.total)} ms`);
      server.reload();
      options.onUpdate?.(update, files, name);
    } catch (error) {
      log(`news-archive serve: the ${name} failed (${(error as Error).message}); the previous pages stay.`);
    }
  };
  // Changes are taken one batch at a time: the changed pages at once, then the rest of the site once no change waits.
  const flush = async (): Promise<void> => {
    while (pending.size > 0 || unsettled) {
      if (pending.size > 0) {
        const files = [...pending];
        pending = new Set();
        await step("update", () => site.update(files), files);
        unsettled = true;
      } else {
        // The settle step holds the process for a while on a large archive: first let the browsers reload and fetch
        // the changed pages, and take any change that comes meanwhile with the fast step.
        await new Promise((resolve) => setTimeout(resolve, SETTLE_DELAY_MS));
        if (pending.size > 0) continue;
        unsettled = false;
        await step("settle", () => site.settle(), []);
      }
    }
    running = null;
  };
  const watcher: FSWatcher = watch(options.input, { recursive: true }, (_event, name) => {
    if (name === null) return;
    pending.add(join(options.input, name.toString()));
    if (timer !== null) clearTimeout(timer);
    // Editors save in several writes (truncate, write, rename): wait for the burst to end.
    timer = setTimeout(() => {
      timer = null;
      running ??= flush();
    }, 25);
  });

  return {
    url,
    async close() {
      watcher.close();
      if (timer !== null) clearTimeout(timer);
      await running;
      await server.close();
    },
  };
}

/**
 * Runs `news-archive serve [--input articles] [--output _site] [--port 8080]` until interrupted.
 * @param args the arguments after `serve`
 */
export async function run(args: readonly string[]): Promise<number> {
  const parsed = readArgs("serve", {
    args: [...args],
    options: {
      input: { type: "string", default: "articles" },
      output: { type: "string", default: "_site" },
      "cache-dir": { type: "string", default: ".cache" },
      port: { type: "string", default: "8080" },
    },
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    process.stderr.write(`news-archive serve: --port needs a port number, got "${values.port}".\n`);
    return 2;
  }
  const server = await startDevServer({ input: values.input, output: values.output, cacheDir: values["cache-dir"], port });
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  return 0;
}

/** The inode of a folder, or null when it does not exist: a folder swapped in by another build has a new one. */
function inodeOf(dir: string): number | null {
  return statSync(dir, { throwIfNoEntry: false })?.ino ?? null;
}
