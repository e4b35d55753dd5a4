import matter from "gray-matter";
import type { Reporter } from "./diagnostics.ts";
import type { Line } from "./lines.ts";
import { readSimpleYaml } from "./simple-yaml.ts";

/** The YAML front matter of a file: its data, and its lines (see keyLine and rawValue). */
export interface FrontMatter {
  readonly data: Readonly<Record<string, unknown>>;
  /** The file's lines; its keys are on those from index 1 up to (not including) `close`. */
  readonly lines: readonly Line[];
  readonly close: number;
  /** Index into the line array of the first line after the closing fence. */
  readonly bodyIndex: number;
}

/** The 1-based line of a top-level key (the first line naming it), or undefined. Looked up only when asked. */
export function keyLine(front: FrontMatter, key: string): number | undefined {
  const at = keyLineIndex(front, key);
  return at === -1 ? undefined : front.lines[at]!.n;
}

/** A top-level key's value as written on its line (js-yaml rolls `2021-02-30` over into March), or undefined. */
export function rawValue(front: FrontMatter, key: string): string | undefined {
  const at = keyLineIndex(front, key);
  if (at === -1) return undefined;
  return KEY_LINE.exec(front.lines[at]!.text)![2]!.replace(/\s#.*$/u, "").trim().replace(/^(["'])(.*)\1$/u, "$2");
}

const KEY_LINE = /^["']?([^\s:"'#][^:"']*?)["']?\s*:(.*)$/u;

function keyLineIndex(front: FrontMatter, key: string): number {
  for (let i = 1; i < front.close; i += 1) {
    if (KEY_LINE.exec(front.lines[i]!.text)?.[1] === key) return i;
  }
  return -1;
}

// gray-matter's own YAML engine (js-yaml 3's safeLoad, which builds no functions or classes), called the way
// gray-matter calls it for `---\n<yaml>\n---\n` (see parseYaml). The rest of gray-matter's work per call (a Buffer
// copy of the text, its options merged four times, a file object) cost as much as reading the YAML itself.
const yamlEngine = (matter as unknown as { readonly engines: { readonly yaml: { parse(text: string): unknown } } }).engines.yaml;

/**
 * Reads YAML front matter when line 1 is a `---` fence. Returns null when the file has none.
 * A fence naming another language (`---js`, `---json`) is a `front-matter-engine` error and is never run;
 * YAML syntax errors are `front-matter-yaml` errors at their line; an unclosed block is an error too.
 */
export function readFrontMatter(lines: readonly Line[], reporter: Reporter): FrontMatter | null {
  const first = lines[0]?.text;
  if (first === undefined || !first.startsWith("---")) return null;
  const language = first.slice(3).trim();
  if (/^-+$/u.test(language) || (language === "" && first.trim() !== "---")) return null;
  let close = -1;
  for (let i = 1; i < lines.length; i += 1) {
    if (lines[i]!.text.trimEnd() === "---") {
      close = i;
      break;
    }
  }
  if (language !== "" && !/^(?:yaml|yml)$/iu.test(language)) {
    reporter.report("error", 1, 4, "front-matter-engine", `Front matter declared as "${language}" was not read: it could run code, and articles are data. Use plain YAML front matter (a line "---").`);
    return { data: {}, lines, close: 0, bodyIndex: close === -1 ? 1 : close + 1 };
  }
  if (close === -1) {
    reporter.report("error", 1, 1, "front-matter-unclosed", "The front matter opened on line 1 is never closed, so the whole file was read as text. Add a line \"---\" after the last key.");
    return null;
  }
  const texts = lines.slice(1, close).map((line) => line.text);
  // Most front matter is a few `key: value` lines, read for a fraction of what the YAML parser costs.
  const data = readSimpleYaml(texts) ?? readYaml(texts.join("\n"), lines, close, reporter);
  return { data: data ?? {}, lines, close: data === undefined ? 0 : close, bodyIndex: close + 1 };
}

// The YAML parser's reading of the block, or undefined (after reporting why) when it is no mapping of keys.
function readYaml(yaml: string, lines: readonly Line[], close: number, reporter: Reporter): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const mark = (error as { mark?: { line?: number; column?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    // js-yaml lines are 0-based and count from the first line after the opening fence; an error found at the
    // end of the YAML is reported on the closing fence.
    reporter.report("error", Math.min((mark?.line ?? 0) + 2, lines[close]!.n), (mark?.column ?? 0) + 1, "front-matter-yaml", `The front matter is not valid YAML (${reason}), so none of it was used. Fix the YAML at this place.`);
    return undefined;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    if (yaml.trim() !== "") reporter.report("error", 2, 1, "front-matter-yaml", "The front matter is not a list of `key: value` lines, so it was ignored. Write one `key: value` per line.");
    return undefined;
  }
  return data as Record<string, unknown>;
}

// What gray-matter 4 gives as `data` for `---\n<yaml>\n---\n` (its parseMatter, step for step): the block runs from
// after the opening fence to the first line starting with `---` (a YAML line can start so), and a block of nothing but
// comments and white space is an empty object, not parsed. The fence language was checked by the caller: YAML only.
function parseYaml(yaml: string): unknown {
  const text = `\n${yaml}\n---\n`;
  const block = text.slice(0, text.indexOf("\n---"));
  if (block.replace(/^\s*#[^\n]+/gmu, "").trim() === "") return {};
  return yamlEngine.parse(block);
}
