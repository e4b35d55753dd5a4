#!/usr/bin/env node
// The `news-archive` command: registers tsx so the TypeScript CLI runs without a compile step.
import { register } from "tsx/esm/api";

// The commands that render load Eleventy first: a module loaded once the tsx loader is registered is resolved and
// read through the loader's own thread, which costs Eleventy's few hundred files about half a second of CPU.
if (process.argv[2] === "build" || process.argv[2] === "serve") await import("@11ty/eleventy");
register();
const { main } = await import("../src/cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
