/**
 * Indenting JSON without parsing it: the UTF-8 bytes of the text `JSON.stringify(value)` wrote, written out as
 * `jsonForScript(value, 2)` writes the same value (indented as `JSON.stringify(value, null, 2)`, `<`, `>`, `&` and line
 * separators as `\uXXXX` escapes), by moving its punctuation and escaping those characters only. An article's body is
 * stored as compact JSON (see the body store); its `article.json` shows it indented, and decoding and parsing the text
 * only to serialise, escape and encode it again cost most of the time the main thread spent writing those files.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const LESS = 0x3c;
const GREATER = 0x3e;
const AMPERSAND = 0x26;
/** U+2028 and U+2029 in UTF-8: E2 80 A8 and E2 80 A9. */
const SEPARATOR_LEAD = 0xe2;
const SEPARATOR_MIDDLE = 0x80;
const LINE_SEPARATOR_LAST = 0xa8;
const PARAGRAPH_SEPARATOR_LAST = 0xa9;

/** `writeScriptJson`'s answer when the text is not compact JSON. */
export const MALFORMED = -1;
/** `writeScriptJson`'s answer when `out` has no room for the rest: nothing is valid, write again into a larger one. */
export const TOO_SMALL = -2;

/** Bytes outside strings: those of numbers, `true`, `false` and `null` (compact JSON has no whitespace). */
const SCALAR = new Uint8Array(256);
for (const char of "-+.0123456789Eaeflnrstu") SCALAR[char.charCodeAt(0)] = 1;

/** Bytes a string's text is copied with as they are: all but the quote, the backslash, and those escaped or starting an escaped character. */
const PLAIN = new Uint8Array(256).fill(1);
for (const byte of [QUOTE, BACKSLASH, LESS, GREATER, AMPERSAND, SEPARATOR_LEAD]) PLAIN[byte] = 0;

const HEX = new TextEncoder().encode("0123456789abcdef");

/**
 * Writes compact JSON as `jsonForScript(JSON.parse(text), 2)` would write its value nested `depth` levels deep in an
 * indented document (each line after the first indented by `2 * depth` more spaces). Strings are copied as they are
 * (`JSON.stringify` escapes a string the same way whether it indents or not), but for the characters `jsonForScript`
 * escapes; numbers and literals are checked by their characters only.
 * @param src the UTF-8 bytes holding the text, as `JSON.stringify(value)` wrote it
 * @param from where the text starts in `src`
 * @param to where it ends
 * @param depth the depth the value is written at (0: a document of its own)
 * @param out where to write
 * @param at where to start writing in `out`
 * @returns where the writing ended in `out`; MALFORMED when the text is not compact JSON (whitespace outside strings,
 *   an unclosed string, unbalanced brackets, a byte no JSON value holds there); TOO_SMALL when `out` is too small
 */
export function writeScriptJson(src: Uint8Array, from: number, to: number, depth: number, out: Uint8Array, at: number): number {
  // The closing byte each open bracket waits for.
  const open: number[] = [];
  // Where each byte that ends a run of a string's text is next in `src`, as `nextAt` found it; below `i`: to look for again.
  let quoteAt = -1;
  let backslashAt = -1;
  let lessAt = -1;
  let greaterAt = -1;
  let ampersandAt = -1;
  let separatorAt = -1;
  let o = at;
  let i = from;
  const room = out.length - 8;
  while (i < to) {
    const char = src[i]!;
    i += 1;
    if (o + 2 * (depth + open.length) > room) return TOO_SMALL;
    if (char === QUOTE) {
      out[o++] = QUOTE;
      // A string's first bytes one by one (most strings are short: keys, block types); past them, each run of plain
      // bytes up to the next byte that is not plain is copied at once (see `nextAt`).
      let loose = SHORT_STRING;
      for (;;) {
        if (i >= to) return MALFORMED;
        if (loose === 0) {
          if (quoteAt < i) quoteAt = nextAt(src, QUOTE, i);
          if (backslashAt < i) backslashAt = nextAt(src, BACKSLASH, i);
          if (lessAt < i) lessAt = nextAt(src, LESS, i);
          if (greaterAt < i) greaterAt = nextAt(src, GREATER, i);
          if (ampersandAt < i) ampersandAt = nextAt(src, AMPERSAND, i);
          if (separatorAt < i) separatorAt = nextAt(src, SEPARATOR_LEAD, i);
          const stop = Math.min(quoteAt, backslashAt, lessAt, greaterAt, ampersandAt, separatorAt);
          if (stop >= to) return MALFORMED;
          if (o + (stop - i) > room) return TOO_SMALL;
          out.set(src.subarray(i, stop), o);
          o += stop - i;
          i = stop;
        } else loose -= 1;
        if (o > room) return TOO_SMALL;
        const byte = src[i++]!;
        if (PLAIN[byte] === 1) {
          out[o++] = byte;
          continue;
        }
        if (byte === QUOTE) {
          out[o++] = QUOTE;
          break;
        }
        if (byte === BACKSLASH) {
          if (i >= to) return MALFORMED;
          out[o++] = BACKSLASH;
          out[o++] = src[i++]!;
        } else if (byte === LESS || byte === GREATER || byte === AMPERSAND) {
          o = writeEscape(out, o, byte);
        } else if (byte === SEPARATOR_LEAD && src[i] === SEPARATOR_MIDDLE && (src[i + 1] === LINE_SEPARATOR_LAST || src[i + 1] === PARAGRAPH_SEPARATOR_LAST)) {
          o = writeEscape(out, o, src[i + 1] === LINE_SEPARATOR_LAST ? 0x2028 : 0x2029);
          i += 2;
        } else {
          out[o++] = byte;
        }
      }
    } else if (char === COLON) {
      out[o++] = COLON;
      out[o++] = SPACE;
    } else if (char === COMMA) {
      if (open.length === 0) return MALFORMED;
      out[o++] = COMMA;
      o = writeBreak(out, o, depth + open.length);
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      const closing = char === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET;
      out[o++] = char;
      if (src[i] === closing && i < to) {
        // An empty object or array stays on its line: `{}`, `[]`.
        out[o++] = closing;
        i += 1;
      } else {
        open.push(closing);
        o = writeBreak(out, o, depth + open.length);
      }
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      if (open.pop() !== char) return MALFORMED;
      o = writeBreak(out, o, depth + open.length);
      out[o++] = char;
    } else if (SCALAR[char] === 1) {
      out[o++] = char;
    } else {
      return MALFORMED;
    }
  }
  return open.length === 0 ? o : MALFORMED;
}

/**
 * Where the string that opens at `start` closes (the index of its closing quote), or -1 when `start` holds no quote or
 * the string is not closed before `to`.
 */
export function stringEnd(src: Uint8Array, start: number, to: number): number {
  if (src[start] !== QUOTE) return -1;
  // From quote to quote (found natively): one preceded by an odd number of backslashes is escaped. In a JSON string a
  // backslash only starts an escape, so a run of them before a quote is escaped pairs, and maybe the quote's own.
  for (let at = start + 1; ; ) {
    const quote = src.indexOf(QUOTE, at);
    if (quote < 0 || quote >= to) return -1;
    let before = quote - 1;
    while (before > start && src[before] === BACKSLASH) before -= 1;
    if ((quote - 1 - before) % 2 === 0) return quote;
    at = quote + 1;
  }
}

/**
 * Bytes of a string copied one by one before the rest of it is copied in runs: a native search costs a call, more than
 * a short string's bytes. Over the bodies of 3,000 generated articles (10 KB of JSON each; a throwaway benchmark,
 * alternating), runs made writing them 25-30 % faster: 21.5-31.1 µs against 31.1-41.7 µs per body.
 */
const SHORT_STRING = 32;

/**
 * Where `byte` is next in `src` from `at` on, found natively (memchr: many times faster than a loop over the bytes
 * here); past any end when it is not there. The position serves every string up to it, so each byte is searched for
 * once per occurrence, not once per string.
 */
function nextAt(src: Uint8Array, byte: number, at: number): number {
  const found = src.indexOf(byte, at);
  return found === -1 ? Number.MAX_SAFE_INTEGER : found;
}

/** A newline and `2 * depth` spaces. */
function writeBreak(out: Uint8Array, at: number, depth: number): number {
  out[at] = NEWLINE;
  const end = at + 1 + 2 * depth;
  out.fill(SPACE, at + 1, end);
  return end;
}

/** `\uXXXX` for a character code, in lower-case hex as `jsonForScript` writes it. */
function writeEscape(out: Uint8Array, at: number, code: number): number {
  out[at] = BACKSLASH;
  out[at + 1] = 0x75;
  out[at + 2] = HEX[(code >> 12) & 15]!;
  out[at + 3] = HEX[(code >> 8) & 15]!;
  out[at + 4] = HEX[(code >> 4) & 15]!;
  out[at + 5] = HEX[code & 15]!;
  return at + 6;
}
