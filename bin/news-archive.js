#!/usr/bin/env node
// The `news-archive` command: runs the TypeScript CLI compiled to JavaScript (bin/compile.js, once per version of the
// sources), or from its sources through tsx when it cannot be compiled.
import { readFileSync } from "node:fs";
import { compiledRoot } from "./compile.js";

const compiled = await compiledRoot();
let main;
if (compiled !== null) {
  ({ main } = await import(new URL("src/cli/index.js", compiled).href));
} else {
  // Packages are loaded before the tsx loader is registered: a module loaded once it is registered is resolved and
  // read through the loader's own thread. That cost Eleventy's few hundred files about half a second of CPU, and zod's
  // hundred (the record schema, which every command that reads articles loads) 0.2 s; the TypeScript sources then find
  // them loaded. Eleventy only for the commands that render; the others are those src/preload.json lists, which the
  // parse workers load first too.
  if (process.argv[2] === "build" || process.argv[2] === "serve") await import("@11ty/eleventy");
  const preload = /** @type {string[]} */ (JSON.parse(readFileSync(new URL("../src/preload.json", import.meta.url), "utf8")));
  await Promise.all(preload.map((name) => import(name)));
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/index.ts"));
}
process.exitCode = await main(process.argv.slice(2));
