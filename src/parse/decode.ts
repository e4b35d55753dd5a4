import type { Reporter } from "./diagnostics.ts";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
// windows-1252 maps every byte to a character (WHATWG), so a fallback decode never produces U+FFFD.
const fallback = new TextDecoder("windows-1252");

/**
 * Decodes an article's bytes to text without a BOM.
 * Strings pass through (BOM stripped). Bytes are strict UTF-8 unless `encoding` names a legacy encoding
 * (`windows-1251`, `latin1`, …). Invalid UTF-8 is an `encoding-invalid-utf8` error naming the byte offset;
 * the text is then decoded as windows-1252 so nothing is lost and no U+FFFD reaches the record.
 */
export function decodeArticle(input: Uint8Array | string, encoding: string | undefined, reporter: Reporter): string {
  if (typeof input === "string") return stripBom(input);
  if (encoding !== undefined && !/^utf-?8$/iu.test(encoding)) {
    let decoder: InstanceType<typeof TextDecoder>;
    try {
      decoder = new TextDecoder(encoding);
    } catch {
      reporter.report("error", 1, 1, "encoding-unknown", `The declared encoding "${encoding}" is not one this runtime can decode, so the file was read as UTF-8. Declare a WHATWG encoding name such as windows-1251 or latin1.`);
      return decodeUtf8(input, reporter);
    }
    return stripBom(decoder.decode(input));
  }
  return decodeUtf8(input, reporter);
}

function decodeUtf8(bytes: Uint8Array, reporter: Reporter): string {
  try {
    return stripBom(strictUtf8.decode(bytes));
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const { line, column } = locateByte(bytes, offset);
    reporter.report(
      "error",
      line,
      column,
      "encoding-invalid-utf8",
      `The file is not valid UTF-8: byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, "0")} at byte offset ${offset} cannot start or continue a character. It was shown as windows-1252 so nothing is lost; convert the file to UTF-8 or declare its encoding (e.g. windows-1251, latin1).`,
    );
    return stripBom(fallback.decode(bytes));
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Byte offset of the first byte that breaks UTF-8 (a scan of the well-formed table in Unicode 3.9). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const min = k === 1 ? lo : 0x80;
      const max = k === 1 ? hi : 0xbf;
      if (c < min || c > max) return k === 1 ? i : i + k;
    }
    i += need + 1;
  }
  return n;
}

function locateByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < bytes.length; i += 1) {
    const b = bytes[i]!;
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) {
      line += 1;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}
