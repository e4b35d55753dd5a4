/** Located problems of the archive: one type for parser and archive-level diagnostics, one way to print them. */
import type { Diagnostic } from "../parse/schema.ts";

/** A diagnostic together with the file it is about. */
export interface ArchiveDiagnostic extends Diagnostic {
  readonly file: string;
}

/** Prints a diagnostic as `path:line:column  severity  message  rule`. */
export function formatDiagnostic(diagnostic: ArchiveDiagnostic): string {
  const { file, line, column, severity, message, rule } = diagnostic;
  return `${file}:${line}:${column}  ${severity}  ${message}  ${rule}`;
}

/** Diagnostics in a stable order: by file, then line, then column. */
export function sortDiagnostics(diagnostics: readonly ArchiveDiagnostic[]): ArchiveDiagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.rule, b.rule),
  );
}

/** Code-unit order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
