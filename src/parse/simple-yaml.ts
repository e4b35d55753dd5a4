/**
 * Front matter of the simplest shape read without a YAML parser: one `key: value` per line, each value a quoted
 * string, a list of double-quoted strings, a word-led plain string, `true`/`false`/`null` or empty. Anything else
 * (comments, indentation, escapes, numbers, dates, tabs, any doubt) is not read here, and the caller's YAML parser
 * reads the block. Answers are what js-yaml 3's safeLoad gives for the same lines (tests/parse-simple-yaml.test.ts).
 */

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_]*):(?: (.*))?$/u;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/u;
const SINGLE_QUOTED = /^'([^']*)'$/u;
const QUOTED_LIST = /^\[(?:"[^"\\]*"(?:, "[^"\\]*")*)?\]$/u;
const LIST_ITEM = /"([^"\\]*)"/gu;
// A value starting with an ASCII letter is a plain scalar to js-yaml, unless `: ` or ` #` ends it early, or a
// trailing space or colon would be cut or refused: those are not read here.
const PLAIN_START = /^[A-Za-z]/u;
const PLAIN_END = /: | #| $|:$/u;
// Tabs, controls, surrogates, byte order marks and non-characters, which js-yaml refuses or treats apart.
// eslint-disable-next-line no-control-regex
const ODD = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufeff\ufffe\uffff]/u;
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
    const m = KEY_LINE.exec(line);
    if (m === null) return undefined;
    const key = m[1]!;
    // A key word that js-yaml resolves (`Null: x` gives the key "null"), or the same key twice (an error there).
    if (WORDS.has(key) || WORDS.has(key.toLowerCase()) || Object.hasOwn(data, key)) return undefined;
    const value = m[2] === undefined ? null : readValue(m[2]);
    if (value === undefined) return undefined;
    data[key] = value;
    keys += 1;
  }
  // No key at all: js-yaml gives undefined or null, not an object.
  return keys === 0 ? undefined : data;
}

function readValue(text: string): string | string[] | boolean | null | undefined {
  if (ODD.test(text)) return undefined;
  const first = text.charCodeAt(0);
  if (first === 0x22) return DOUBLE_QUOTED.exec(text)?.[1];
  if (first === 0x27) return SINGLE_QUOTED.exec(text)?.[1];
  if (first === 0x5b) return QUOTED_LIST.test(text) ? Array.from(text.matchAll(LIST_ITEM), (item) => item[1]!) : undefined;
  if (!PLAIN_START.test(text) || PLAIN_END.test(text)) return undefined;
  const word = WORDS.get(text);
  return word === undefined ? text : word;
}
