/** Reading a command's arguments: the one place for usage errors and `--help`. */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** The values and positionals `parseArgs` returns for a configuration. */
export type ParsedArgs<T extends ParseArgsConfig> = ReturnType<typeof parseArgs<T>>;

/**
 * Parses a command's arguments. On a usage error prints `news-archive <command>: <reason>` and the usage to stderr and
 * returns exit code 2; on `--help` (where the command has it) prints the usage and returns 0.
 * @param command the subcommand's name, for messages
 * @param config the `parseArgs` configuration (arguments, options, positionals)
 * @param usage the command's usage text (default: none)
 */
export function readArgs<T extends ParseArgsConfig>(command: string, config: T, usage = ""): ParsedArgs<T> | number {
  let parsed: ParsedArgs<T>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    process.stderr.write(`news-archive ${command}: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  if ((parsed.values as Record<string, unknown>)["help"] === true) {
    process.stdout.write(usage);
    return 0;
  }
  return parsed;
}
