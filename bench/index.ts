/**
 * `npm run bench`: the whole benchmark. Runs the parser, topic and edit-latency benchmarks when they exist
 * (bench/parse.ts, bench/topics.ts, bench/edit.ts, each in its own process with its own defaults), then the site
 * benchmark with this command's arguments (`--sizes 1000,10000`, `--dir FOLDER`, `--keep`), whose table ends the output.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchSite, table } from "./site.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
let failed = false;
for (const name of ["parse.ts", "topics.ts", "edit.ts"]) {
  const script = path.join(here, name);
  if (!existsSync(script)) {
    process.stdout.write(`(bench/${name} is not there: skipped)\n`);
    continue;
  }
  process.stdout.write(`\n## bench/${name}\n`);
  const run = spawnSync(process.execPath, ["--import", "tsx", script], { stdio: "inherit" });
  if (run.status !== 0) {
    process.stderr.write(`bench/${name} exited with ${run.status ?? run.signal}\n`);
    failed = true;
  }
}
process.stdout.write("\n## site\n");
const rows = await benchSite(process.argv.slice(2));
process.stdout.write(`\n${table(rows)}\n`);
if (failed) process.exitCode = 1;
