/**
 * `news-archive build [--input articles] [--output _site] [--path-prefix /pr-42/] [--base-url URL] [--cache-dir .cache]
 * [--no-cache] [--no-search]`: builds the site; on any error prints every diagnostic and leaves the previous output.
 */
import { buildSite, formatDiagnostics } from "../site/index.ts";
import { readArgs } from "./args.ts";

/** Runs the build command and returns its exit code (0 built, 1 problems in the articles, 2 usage). */
export async function run(argv: readonly string[]): Promise<number> {
  const parsed = readArgs("build", {
    args: [...argv],
    options: {
      input: { type: "string", default: "articles" },
      output: { type: "string", default: "_site" },
      "path-prefix": { type: "string" },
      "base-url": { type: "string" },
      "cache-dir": { type: "string", default: ".cache" },
      "no-cache": { type: "boolean", default: false },
      "no-search": { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  const result = await buildSite({
    input: values.input,
    output: values.output,
    cacheDir: values["no-cache"] ? null : values["cache-dir"],
    search: !values["no-search"],
    ...(values["path-prefix"] === undefined ? {} : { pathPrefix: values["path-prefix"] }),
    ...(values["base-url"] === undefined ? {} : { baseUrl: values["base-url"] }),
  });
  if (!result.ok) {
    process.stderr.write(formatDiagnostics(result.diagnostics));
    process.stderr.write(`The site was not built: fix the errors above. ${values.output} was left as it was.\n`);
    return 1;
  }
  // A successful build prints what deserves attention; notes are left to `news-archive check`.
  const notable = result.diagnostics.filter((d) => d.severity !== "info");
  if (notable.length > 0) process.stderr.write(formatDiagnostics(notable));
  const notes = result.diagnostics.length - notable.length;
  if (notes > 0) process.stderr.write(`${notes} ${notes === 1 ? "note" : "notes"} not shown: run \`npx news-archive check\` to see them.\n`);
  const t = result.timings;
  const seconds = (ms: number): string => (ms / 1000).toFixed(1);
  process.stdout.write(
    `Built ${result.articles} articles (${result.parsed} parsed, ${result.cached} from cache) into ${values.output}: ${result.pages} pages in ${seconds(t.total)} s ` +
      `(load ${seconds(t.load)} s, plan ${seconds(t.plan)} s, render ${seconds(t.render)} s with ${result.pagesFromCache} pages from the page cache, search index ${seconds(t.search)} s)\n`,
  );
  return 0;
}
