/**
 * Where a build puts the site it replaces until that is removed: beside the output folder, as
 * `<output>.replaced-<pid>-<time>` (see `swapIn` in build.ts).
 */
import { readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

const REPLACED = ".replaced-";

/** A fresh name for the site an output folder holds, once it is replaced. */
export function replacedName(output: string): string {
  return join(dirname(output), `${basename(output)}${REPLACED}${process.pid}-${Date.now().toString(36)}`);
}

/**
 * The replaced sites beside an output folder that are still there (being removed, or left by a build whose removal was
 * cut short).
 * @param output the output folder
 */
export async function replacedSites(output: string): Promise<string[]> {
  const prefix = `${basename(output)}${REPLACED}`;
  const names = await readdir(dirname(output)).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith(prefix)).map((name) => join(dirname(output), name));
}
