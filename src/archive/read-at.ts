/** Reading a few bytes of a cache file without reading it whole. */
import { closeSync, openSync, readSync } from "node:fs";

/**
 * `length` bytes of a file from `offset`; null when the file cannot be opened or read, or holds fewer bytes there.
 * @param file the file
 * @param offset where to start, in bytes
 * @param length how many bytes
 */
export function readBytesAt(file: string, offset: number, length: number): Buffer | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const buffer = Buffer.allocUnsafe(length);
    return readSync(fd, buffer, 0, length, offset) === length ? buffer : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
