/**
 * Entry point of the `news-archive` command: dispatches to a subcommand and returns the exit code.
 * Each command is a module `./<command>.ts` exporting `run(argv)`; add one `case` per command.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "parse":
      return (await import("./parse.ts")).run(rest);
    case "check":
      return (await import("./check.ts")).run(rest);
    case "build":
      return (await import("./build.ts")).run(rest);
    case "new":
      return (await import("./new.ts")).run(rest);
    case "diff":
      return (await import("./diff.ts")).run(rest);
    case "topics":
      return (await import("./topics.ts")).run(rest);
    case "preview-summary":
      return (await import("./preview-summary.ts")).run(rest);
    case "serve":
      return (await import("./serve.ts")).run(rest);
    default:
      process.stderr.write(`news-archive: unknown command ${command ?? "(none)"}\nUsage: news-archive parse|check|build …\n`);
      return 2;
  }
}
