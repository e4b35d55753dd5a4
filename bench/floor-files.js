/**
 * What the site benchmark's two floors share (floor-child.ts, eleventy-floor-child.js): reading every input file, and
 * writing output files of given sizes from filler bytes. Plain JavaScript, so that the Eleventy floor runs without a
 * TypeScript loader.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Reads every file under a folder.
 * @param {string} dir the folder
 * @returns {{ read: number, text: string }} how many files were read, and the text of the first ones (about a
 *   megabyte) for filler
 */
export function readInputs(dir) {
  let read = 0;
  let text = "";
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const content = readFileSync(path.join(entry.parentPath, entry.name), "utf8");
    if (text.length < 1_000_000) text += content;
    read += 1;
  }
  return { read, text };
}

/**
 * Writes files of given sizes under a folder, their bytes the filler's repeated, making each folder once.
 * @param {string} output the folder
 * @param {Buffer} filler the bytes to repeat
 * @returns {(relative: string, size: number) => void} writes one file, by its path relative to the folder
 */
export function fillerWriter(output, filler) {
  /** @type {Set<string>} */
  const made = new Set();
  return (relative, size) => {
    const file = path.join(output, relative);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const content = Buffer.alloc(size);
    for (let offset = 0; offset < size; offset += filler.length) filler.copy(content, offset, 0, Math.min(filler.length, size - offset));
    writeFileSync(file, content);
  };
}
