#!/usr/bin/env node
// The `news-archive` command: registers tsx so the TypeScript CLI runs without a compile step.
import { register } from "tsx/esm/api";

// Packages are loaded before the tsx loader is registered: a module loaded once it is registered is resolved and read
// through the loader's own thread. That cost Eleventy's few hundred files about half a second of CPU, and zod's
// hundred (the record schema, which every command that reads articles loads) 0.2 s; the TypeScript sources then find
// them loaded. Eleventy only for the commands that render.
if (process.argv[2] === "build" || process.argv[2] === "serve") await import("@11ty/eleventy");
await Promise.all([import("zod"), import("gray-matter"), import("yaml")]);
register();
const { main } = await import("../src/cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
