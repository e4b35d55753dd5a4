/** Escaping for every context the site prints text into: HTML text and attributes, XML, and JSON inside `<script>`. */

const HTML_ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const HTML_SPECIAL = /[&<>"']/u;

/** Escapes text for HTML or XML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most texts (dates, slugs, plain headlines) need no escape: testing first avoids building a new string.
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/gu, (char) => HTML_ESCAPES[char] ?? char) : text;
}

/** Escapes text for XML (Atom, sitemap), also dropping characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  // Tested first, as in escapeHtml: almost no text holds such a character.
  return escapeHtml(XML_FORBIDDEN.test(text) ? text.replace(XML_FORBIDDEN_ALL, "") : text);
}

// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u;
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/gu;

/**
 * Serialises a value as JSON that is safe inside an HTML `<script>` element, and harmless if a JSON file is ever
 * served as HTML: `<`, `>`, `&` and line separators are written as `\\uXXXX` escapes (the parsed value is unchanged).
 * @param value any JSON value
 * @param indent spaces of indentation (default none)
 */
export function jsonForScript(value: unknown, indent?: number): string {
  return escapeJsonForScript(JSON.stringify(value, null, indent));
}

/**
 * JSON text made safe inside an HTML `<script>` element, as `jsonForScript` writes it: `<`, `>`, `&` and line
 * separators written as `\\uXXXX` escapes (outside strings JSON holds none of them).
 * @param json JSON text
 */
export function escapeJsonForScript(json: string): string {
  // Tested first, as in escapeHtml: many texts (a record without its body) hold none of them.
  return SCRIPT_SPECIAL.test(json) ? json.replace(SCRIPT_SPECIAL_ALL, (char) => SCRIPT_ESCAPES[char] ?? char) : json;
}

const SCRIPT_SPECIAL = /[<>&\u2028\u2029]/u;
const SCRIPT_SPECIAL_ALL = /[<>&\u2028\u2029]/gu;

const SCRIPT_ESCAPES: Readonly<Record<string, string>> = Object.fromEntries(
  ["<", ">", "&", "\u2028", "\u2029"].map((char) => [char, `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`]),
);
