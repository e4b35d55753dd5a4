// Runs a benchmark child (`node bench/launch.js <child.ts> args…`) the way `bin/news-archive.js build` runs the build:
// Eleventy is loaded before the tsx loader is registered, so it is read directly rather than through the loader's
// thread, and only then is the TypeScript child imported. The child sees its own path as `process.argv[1]`.
import { register } from "tsx/esm/api";
import path from "node:path";
import { pathToFileURL } from "node:url";

const child = process.argv[2];
if (child === undefined) {
  process.stderr.write("Usage: node bench/launch.js <child.ts> [args…]\n");
  process.exit(2);
}
await import("@11ty/eleventy");
register();
process.argv.splice(1, 1);
await import(pathToFileURL(path.resolve(child)).href);
