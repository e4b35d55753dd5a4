/** Entry point of the `news-archive` command: dispatches to a subcommand and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    default:
      process.stderr.write(`news-archive: unknown command ${command ?? "(none)"}\nUsage: news-archive parse|check|build …\n`);
      return 2;
  }
}
