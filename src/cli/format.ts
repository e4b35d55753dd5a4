import type { Diagnostic } from "../parse/index.ts";

/** A diagnostic with the file it belongs to. */
export interface FileDiagnostic extends Diagnostic {
  readonly file: string;
}

/** Output formats of `check`. */
export type DiagnosticFormat = "text" | "github" | "json";

/**
 * Formats diagnostics for a terminal (`path:line:column  severity  message  rule`, then a count),
 * as GitHub workflow annotations, or as JSON (`{diagnostics, errors, warnings, files}`).
 */
export function formatDiagnostics(diagnostics: readonly FileDiagnostic[], format: DiagnosticFormat, files: number): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  if (format === "json") return `${JSON.stringify({ files, errors, warnings, diagnostics }, null, 2)}\n`;
  if (format === "github") {
    return diagnostics
      .map((d) => {
        const level = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
        return `::${level} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}::${escapeData(d.message)}\n`;
      })
      .join("");
  }
  const lines = diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.rule}\n`);
  const infos = diagnostics.length - errors - warnings;
  const count = `${files} ${files === 1 ? "file" : "files"} checked: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}${infos > 0 ? `, ${infos} info` : ""}\n`;
  return lines.join("") + count;
}

// GitHub's workflow-command escaping (toolkit/core command.ts).
function escapeData(text: string): string {
  return text.replace(/%/gu, "%25").replace(/\r/gu, "%0D").replace(/\n/gu, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/gu, "%3A").replace(/,/gu, "%2C");
}

/**
 * Makes a closed output pipe (`… | head`) end the command quietly instead of crashing with EPIPE.
 * Returns a function telling whether the pipe has closed, so a long listing can stop early.
 */
export function watchStdout(): () => boolean {
  let closed = false;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
  });
  return () => closed;
}
