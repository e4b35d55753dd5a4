/**
 * A small static file server for tests: serves a built site folder on 127.0.0.1 (random port) under a path prefix,
 * the way a static host or a pull-request preview would.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

/** A running server; `url` ends with the path prefix (`http://127.0.0.1:PORT/pr-42/`). */
export interface StaticServer {
  readonly url: string;
  readonly origin: string;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
  ".wasm": "application/wasm",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pagefind": "application/octet-stream",
};

/**
 * Serves `root` under `pathPrefix`: `/prefix/a/` gives `root/a/index.html`; anything outside the prefix, or
 * missing, gives `root/404.html` with status 404.
 * @param root folder of the built site
 * @param pathPrefix sub-path, with or without slashes (default `/`)
 */
export async function serveStatic(root: string, pathPrefix = "/"): Promise<StaticServer> {
  const prefix = normalisePrefix(pathPrefix);
  const absRoot = path.resolve(root);
  const server = createServer((req, res) => {
    void respond(absRoot, prefix, req.url ?? "/").then(({ status, file, location }) => {
      if (location !== undefined) {
        res.writeHead(status, { location });
        res.end();
        return;
      }
      if (file === undefined) {
        res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
        res.end("not found");
        return;
      }
      res.writeHead(status, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      createReadStream(file).pipe(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: origin + prefix,
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** `pr-42`, `/pr-42`, `/pr-42/` all give `/pr-42/`; empty gives `/`. */
export function normalisePrefix(pathPrefix: string): string {
  const trimmed = pathPrefix.replace(/^\/+|\/+$/gu, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

interface Answer {
  status: number;
  file?: string;
  location?: string;
}

async function respond(root: string, prefix: string, rawUrl: string): Promise<Answer> {
  const notFound = async (): Promise<Answer> => {
    const page = path.join(root, "404.html");
    return (await isFile(page)) ? { status: 404, file: page } : { status: 404 };
  };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, "http://x").pathname);
  } catch {
    return { status: 400 };
  }
  if (pathname === prefix.slice(0, -1)) return { status: 301, location: prefix };
  if (!pathname.startsWith(prefix)) return notFound();
  const relative = pathname.slice(prefix.length);
  const target = path.resolve(root, relative);
  // Never serve outside the root, whatever `..` the request holds.
  if (target !== root && !target.startsWith(root + path.sep)) return notFound();
  if (await isFile(target)) return { status: 200, file: target };
  const index = path.join(target, "index.html");
  if (await isFile(index)) {
    return pathname.endsWith("/") ? { status: 200, file: index } : { status: 301, location: `${pathname}/` };
  }
  return notFound();
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
