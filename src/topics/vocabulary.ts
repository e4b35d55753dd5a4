/**
 * The editors' vocabulary file (`articles/topics.yml`): read as YAML (never executed), validated, and every
 * problem reported with its line and column, like front matter.
 *
 * ```yaml
 * topics:
 *   - name: Dmitry Peskov
 *     kind: person
 *     aliases: [Peskov]
 *     description: Press secretary of the President of Russia.
 * suppress: [Thursday]
 * merge:
 *   - from: [Kremlin]
 *     into: Russia
 * ```
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Node } from "yaml";
import type { TopicKind } from "../parse/schema.ts";
import { topicKindSchema } from "../parse/schema.ts";
import { keyOf, slugOf } from "./normalise.ts";
import type { FileDiagnostic, Vocabulary, VocabularyEntry } from "./types.ts";

/** The vocabulary and the problems found reading it; entries with errors are left out, never the whole file. */
export interface LoadedVocabulary {
  readonly vocabulary: Vocabulary;
  readonly diagnostics: readonly FileDiagnostic[];
}

/** An empty vocabulary. */
export const EMPTY_VOCABULARY: Vocabulary = { entries: [], suppress: [], merges: [] };

/**
 * Reads and validates a vocabulary file.
 * @param text the file's text
 * @param path the file's path, as diagnostics name it
 */
export function loadVocabulary(text: string, path: string): LoadedVocabulary {
  const lines = new LineCounter();
  const diagnostics: FileDiagnostic[] = [];
  const report = (node: Node | null | undefined, message: string, rule: string, severity: "error" | "warning" = "error"): void => {
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    diagnostics.push({ file: path, severity, line: pos.line, column: pos.col, message, rule: `topics/${rule}` });
  };
  const doc = parseDocument(text.replace(/^\uFEFF/u, ""), { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema: "core" });
  for (const e of doc.errors) {
    const pos = lines.linePos(e.pos[0]);
    diagnostics.push({ file: path, severity: "error", line: pos.line, column: pos.col, message: `${e.message.split("\n")[0] ?? e.code}. The vocabulary file must be YAML.`, rule: "topics/yaml" });
  }
  if (doc.errors.length > 0 || doc.contents === null) return { vocabulary: EMPTY_VOCABULARY, diagnostics };
  if (!isMap(doc.contents)) {
    report(doc.contents, "The vocabulary file must be a mapping with the keys `topics`, `suppress` and `merge`.", "shape");
    return { vocabulary: EMPTY_VOCABULARY, diagnostics };
  }
  const entries: VocabularyEntry[] = [];
  const suppress: string[] = [];
  const merges: { from: string; into: string }[] = [];
  const claimed = new Map<string, string>();
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const value = pair.value as Node | null;
    if (key === "topics") {
      if (!isSeq(value)) {
        report(value ?? (pair.key as Node), "`topics` must be a list of entries, each with `name` and `kind`.", "shape");
        continue;
      }
      for (const item of value.items as Node[]) {
        const entry = readEntry(item, report);
        if (entry === null) continue;
        for (const form of [entry.name, ...entry.aliases]) {
          const owner = claimed.get(keyOf(form));
          if (owner !== undefined && owner !== entry.name) report(item, `"${form}" is already a name or alias of "${owner}"; a form can name only one topic. Remove it from one of them, or merge the two topics.`, "duplicate");
          else claimed.set(keyOf(form), entry.name);
        }
        entries.push(entry);
      }
    } else if (key === "suppress") {
      const names = readStrings(value, report, "`suppress` must be a list of names.");
      suppress.push(...names);
    } else if (key === "merge") {
      if (!isSeq(value)) {
        report(value ?? (pair.key as Node), "`merge` must be a list of `{from: [names], into: name}`.", "shape");
        continue;
      }
      for (const item of value.items as Node[]) {
        if (!isMap(item)) {
          report(item, "Each `merge` item must be a mapping `{from: [names], into: name}`.", "shape");
          continue;
        }
        const into = item.get("into", true) as Node | undefined;
        if (!isScalar(into) || typeof into.value !== "string" || into.value.trim() === "") {
          report(into ?? item, "A `merge` item needs `into`: the canonical name the variants join.", "shape");
          continue;
        }
        const fromNode = item.get("from", true) as Node | undefined;
        const from = isScalar(fromNode) && typeof fromNode.value === "string" ? [fromNode.value] : readStrings(fromNode ?? item, report, "`from` must be a name or a list of names.");
        for (const f of from) merges.push({ from: f, into: into.value.trim() });
        for (const k of item.items) {
          const name = isScalar(k.key) ? String(k.key.value) : "";
          if (name !== "from" && name !== "into") report(k.key as Node, `Unknown key "${name}" in a merge item; use \`from\` and \`into\`.`, "unknown-key");
        }
      }
    } else {
      report(pair.key as Node, `Unknown key "${key}"; the vocabulary file knows \`topics\`, \`suppress\` and \`merge\`.`, "unknown-key");
    }
  }
  return { vocabulary: { entries, suppress, merges }, diagnostics };
}

type Report = (node: Node | null | undefined, message: string, rule: string, severity?: "error" | "warning") => void;
const ENTRY_KEYS = new Set(["name", "kind", "aliases", "description"]);

function readEntry(item: Node, report: Report): VocabularyEntry | null {
  if (!isMap(item)) {
    report(item, "Each topic must be a mapping with `name`, `kind` and optionally `aliases` and `description`.", "shape");
    return null;
  }
  for (const pair of item.items) {
    const k = isScalar(pair.key) ? String(pair.key.value) : "";
    if (!ENTRY_KEYS.has(k)) report(pair.key as Node, `Unknown key "${k}" in a topic; use name, kind, aliases, description.`, "unknown-key");
  }
  const nameNode = item.get("name", true) as Node | undefined;
  const name = isScalar(nameNode) && typeof nameNode.value === "string" ? nameNode.value.trim() : "";
  if (name === "" || slugOf(name) === "") {
    report(nameNode ?? item, "A topic needs a `name` with at least one Latin letter or digit (its page's slug is made from it).", "name");
    return null;
  }
  const kindNode = item.get("kind", true) as Node | undefined;
  const kind = topicKindSchema.safeParse(isScalar(kindNode) ? kindNode.value : undefined);
  if (!kind.success) {
    report(kindNode ?? item, `Topic "${name}" needs a \`kind\`: one of ${topicKindSchema.options.join(", ")}.`, "kind");
    return null;
  }
  const aliasNode = item.get("aliases", true) as Node | undefined;
  const aliases = aliasNode === undefined ? [] : readStrings(aliasNode, report, `\`aliases\` of "${name}" must be a list of names.`);
  const descNode = item.get("description", true) as Node | undefined;
  let description: string | null = null;
  if (descNode !== undefined) {
    if (isScalar(descNode) && typeof descNode.value === "string") description = descNode.value.trim();
    else report(descNode, `\`description\` of "${name}" must be text.`, "shape");
  }
  return { name, kind: kind.data as TopicKind, aliases, description };
}

function readStrings(node: Node | null | undefined, report: Report, message: string): string[] {
  if (!isSeq(node)) {
    report(node, message, "shape");
    return [];
  }
  const out: string[] = [];
  for (const item of node.items as Node[]) {
    if (isScalar(item) && (typeof item.value === "string" || typeof item.value === "number") && String(item.value).trim() !== "") out.push(String(item.value).trim());
    else report(item, message, "shape");
  }
  return out;
}
