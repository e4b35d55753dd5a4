/** Checks that no two pages share an output file, counting paths that differ only in case or Unicode normalisation. */
import type { ArchiveDiagnostic } from "../archive/index.ts";
import { outputFile } from "./url.ts";

/** A page about to be written, and where it comes from (an article file, or a description of the page). */
export interface PlannedOutput {
  readonly path: string;
  readonly source: string;
  /** The article file the page comes from, when it comes from one: the diagnostic is reported on it. */
  readonly file: string | null;
}

/**
 * Finds output paths shared by two pages; each clash is an error naming both sources.
 * @param outputs every page of the build
 */
export function findOutputClashes(outputs: Iterable<PlannedOutput>): ArchiveDiagnostic[] {
  const seen = new Map<string, PlannedOutput>();
  const clashes: ArchiveDiagnostic[] = [];
  for (const output of outputs) {
    const key = outputFile(output.path).normalize("NFC").toLowerCase();
    const other = seen.get(key);
    if (other === undefined) {
      seen.set(key, output);
      continue;
    }
    const same = other.path === output.path ? `the same output path ${output.path}` : `output paths ${other.path} and ${output.path}, which differ only in case or Unicode normalisation`;
    clashes.push({
      file: output.file ?? other.file ?? "(site)",
      line: 1,
      column: 1,
      severity: "error",
      message: `${other.source} and ${output.source} would be written to ${same}; one would overwrite the other. Give one of them another slug.`,
      rule: "site/output-clash",
    });
  }
  return clashes;
}
