/**
 * Front matter of the simplest shape read without a YAML parser: one `key: value` per line, each value a quoted
 * string, a list of double-quoted strings, a word-led plain string, `true`/`false`/`null` or empty. Anything else
 * (comments, indentation, escapes, numbers, dates, tabs, any doubt) is not read here, and the caller's YAML parser
 * reads the block. Answers are what js-yaml 3's safeLoad gives for the same lines (tests/parse-simple-yaml.test.ts).
 */

const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
const QUOTED_LIST = /^\[(?:"[^"\\]*"(?:, "[^"\\]*")*)?\]$/;
// A value starting with an ASCII letter is a plain scalar to js-yaml, unless `: ` or ` #` ends it early, or a
// trailing space or colon would be cut or refused: those are not read here.
const PLAIN_START = /^[A-Za-z]/;
const PLAIN_END = /: | #| $|:$/;
// Tabs, controls, surrogates, byte order marks and non-characters, which js-yaml refuses or treats apart (without the
// u flag a character beyond the Basic Multilingual Plane counts too: it only sends the line to the YAML parser).
// eslint-disable-next-line no-control-regex
const ODD = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufeff\ufffe\uffff]/;
// js-yaml 3 resolves these plain words to null and booleans (YAML 1.2 core schema); every other word stays text.
const WORDS: ReadonlyMap<string, null | boolean> = new Map<string, null | boolean>([
  ["null", null], ["Null", null], ["NULL", null],
  ["true", true], ["True", true], ["TRUE", true],
  ["false", false], ["False", false], ["FALSE", false],
]);

/**
 * The data of front matter lines in the simple shape, or undefined when a line is not (the caller parses the YAML).
 * @param lines the lines between the fences
 */
export function readSimpleYaml(lines: readonly string[]): Record<string, unknown> | undefined {
  const data: Record<string, unknown> = {};
  let keys = 0;
  for (const line of lines) {
    if (line === "") continue;
    // `key:` alone, or `key: value`.
    const colon = line.indexOf(":");
    if (colon === -1 || (colon + 1 < line.length && line.charCodeAt(colon + 1) !== 0x20)) return undefined;
    const key = line.slice(0, colon);
    // A key word that js-yaml resolves (`Null: x` gives the key "null"), or the same key twice (an error there).
    if (!KEY.test(key) || ((key.length === 4 || key.length === 5) && WORDS.has(key.toLowerCase())) || Object.hasOwn(data, key)) return undefined;
    const value = colon + 1 === line.length ? null : readValue(line.slice(colon + 2));
    if (value === undefined) return undefined;
    data[key] = value;
    keys += 1;
  }
  // No key at all: js-yaml gives undefined or null, not an object.
  return keys === 0 ? undefined : data;
}

function readValue(text: string): string | string[] | boolean | null | undefined {
  if (text === "" || ODD.test(text)) return undefined;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first === 0x22) return text.length >= 2 && last === 0x22 && !hasAny(text, 1, '"\\') ? text.slice(1, -1) : undefined;
  if (first === 0x27) return text.length >= 2 && last === 0x27 && !hasAny(text, 1, "'") ? text.slice(1, -1) : undefined;
  if (first === 0x5b) return QUOTED_LIST.test(text) ? (text === "[]" ? [] : text.slice(2, -2).split('", "')) : undefined;
  if (!PLAIN_START.test(text) || PLAIN_END.test(text)) return undefined;
  const word = WORDS.get(text);
  return word === undefined ? text : word;
}

// Whether text[from, length - 1) holds any of the characters (the inside of a quoted value).
function hasAny(text: string, from: number, characters: string): boolean {
  for (let i = from; i < text.length - 1; i += 1) if (characters.includes(text[i]!)) return true;
  return false;
}
