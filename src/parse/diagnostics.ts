import type { Diagnostic } from "./schema.ts";

/** Most diagnostics of one rule kept per file; the rest are summarised so a broken 10 MB file stays readable. */
const MAX_PER_RULE = 20;

/**
 * Collects located diagnostics for one article file.
 * A small stand-in for vfile's `file.message()`: records are plain data, so they serialise and validate as they are.
 */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly counts = new Map<string, number>();

  /** Records a problem at a 1-based line and column. Beyond a rule's cap, one summary line is kept instead. */
  report(severity: Diagnostic["severity"], line: number, column: number, rule: string, message: string): void {
    const count = (this.counts.get(rule) ?? 0) + 1;
    this.counts.set(rule, count);
    if (count <= MAX_PER_RULE) {
      this.diagnostics.push({ severity, line: Math.max(1, line), column: Math.max(1, column), message, rule });
    } else if (count === MAX_PER_RULE + 1) {
      this.diagnostics.push({
        severity,
        line: Math.max(1, line),
        column: Math.max(1, column),
        message: `More than ${MAX_PER_RULE} problems of this kind; only the first ${MAX_PER_RULE} are listed. Fix those and check again.`,
        rule,
      });
    }
  }

  /** Whether any recorded diagnostic is an error. */
  hasError(): boolean {
    return this.diagnostics.some((d) => d.severity === "error");
  }
}
