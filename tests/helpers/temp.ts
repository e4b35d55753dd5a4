/** Temporary folders for tests, removed when the test that made them finishes. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { onTestFinished } from "vitest";

/**
 * A new folder in the system's temporary folder, removed with everything in it once the running test finishes (passed
 * or failed). Call it from within a test.
 * @param prefix the start of the folder's name
 */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
