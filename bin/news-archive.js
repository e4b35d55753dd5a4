#!/usr/bin/env node
// The `news-archive` command: registers tsx so the TypeScript CLI runs without a compile step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
