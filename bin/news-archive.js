#!/usr/bin/env node
// The `news-archive` command: runs the TypeScript CLI compiled to JavaScript (bin/compile.js, once per version of the
// sources), or from its sources through tsx when it cannot be compiled.
import { importSource } from "./compile.js";

const command = process.argv[2];
const { main } = /** @type {{ main: (argv: string[]) => Promise<number> }} */ (await importSource("src/cli/index.ts", { eleventy: command === "build" || command === "serve" }));
process.exitCode = await main(process.argv.slice(2));
