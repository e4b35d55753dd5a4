/**
 * Indenting JSON text without parsing it: the text `JSON.stringify(value)` wrote, laid out as
 * `JSON.stringify(value, null, 2)` would write the same value, by moving its punctuation only. An article's body is
 * stored as compact JSON (see the body store); its `article.json` shows it indented, and parsing the text only to
 * serialise it again cost most of the time the main thread spent writing those files.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** Characters of numbers, `true`, `false` and `null`: the only ones compact JSON holds outside strings and punctuation. */
const SCALAR = /^[-+.0-9Eaeflnrstu]*$/u;

/** A newline and the indentation of each depth. */
const BREAKS: string[] = [];

function lineBreak(depth: number): string {
  return (BREAKS[depth] ??= `\n${"  ".repeat(depth)}`);
}

/**
 * The text `JSON.stringify(JSON.parse(text), null, 2)` gives, written as a value nested `depth` levels deep in an
 * indented document (each line after the first indented by `2 * depth` more spaces); undefined when the text is not
 * compact JSON as `JSON.stringify` writes it (whitespace outside strings, an unclosed string, unbalanced brackets,
 * a character no JSON value holds there). Strings are copied as they are: `JSON.stringify` escapes a string the same
 * way whether it indents or not. Numbers and literals are checked by their characters only.
 * @param text compact JSON, as `JSON.stringify(value)` wrote it
 * @param depth the depth the value is written at (0: a document of its own)
 */
export function indentJson(text: string, depth = 0): string | undefined {
  let out = "";
  // Start of the text not yet copied to `out`.
  let copied = 0;
  // The closing character each open bracket waits for.
  const open: number[] = [];
  let scalarFrom = -1;
  let at = 0;
  const end = text.length;
  while (at < end) {
    const char = text.charCodeAt(at);
    if (char === QUOTE) {
      const close = closingQuote(text, at);
      if (close === -1) return undefined;
      at = close + 1;
      continue;
    }
    if (char === COLON || char === COMMA || char === OPEN_BRACE || char === OPEN_BRACKET || char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      if (scalarFrom !== -1) {
        if (!SCALAR.test(text.slice(scalarFrom, at))) return undefined;
        scalarFrom = -1;
      }
      if (char === COLON) {
        out += `${text.slice(copied, at)}: `;
      } else if (char === COMMA) {
        if (open.length === 0) return undefined;
        out += `${text.slice(copied, at)},${lineBreak(depth + open.length)}`;
      } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
        const closing = char === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
        if (text.charCodeAt(at + 1) === closing) {
          // An empty object or array stays on its line: `{}`, `[]`.
          at += 2;
          continue;
        }
        open.push(closing);
        out += `${text.slice(copied, at + 1)}${lineBreak(depth + open.length)}`;
      } else {
        if (open.pop() !== char) return undefined;
        out += `${text.slice(copied, at)}${lineBreak(depth + open.length)}${text[at]}`;
      }
      at += 1;
      copied = at;
      continue;
    }
    if (scalarFrom === -1) scalarFrom = at;
    at += 1;
  }
  if (open.length > 0 || (scalarFrom !== -1 && !SCALAR.test(text.slice(scalarFrom)))) return undefined;
  return out + text.slice(copied);
}

/** The index of the quote closing the string that opens at `start`, or -1 when it is not closed. */
export function closingQuote(text: string, start: number): number {
  let at = text.indexOf('"', start + 1);
  while (at !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return at;
    at = text.indexOf('"', at + 1);
  }
  return -1;
}
