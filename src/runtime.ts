/**
 * How this code runs: compiled, or from its TypeScript sources.
 *
 * `bin/news-archive.js` runs the compiled code: bin/compile.js bundles src/ and templates/ into plain JavaScript that
 * Node loads itself. Tests, the `tsx` scripts and Eleventy's own command run the sources through the tsx loader, which
 * each thread must register and whose every module is resolved and read through a thread of its own.
 *
 * The threads a build starts (parse and render workers) and the templates Eleventy imports must be in the same form
 * as the code that starts them: `entryPoint` and `ELEVENTY_TEMPLATES` give the compiled files where there are any.
 */
import { fileURLToPath } from "node:url";

/**
 * The URL of the folder the code was compiled into (ending in `/`), or null when it runs from the sources. bin/compile.js
 * writes the folder's URL in place of this `null` as it compiles this module; nothing else sets it.
 */
export const COMPILED_ROOT: string | null = null;

/** The project's folder (compiled code keeps its sources' `import.meta.url`, see bin/compile.js). */
const PROJECT_ROOT = new URL("../", import.meta.url);

/**
 * The URL to load a thread's entry module from: the compiled file of a source module when the code runs compiled,
 * else the source module itself (to be loaded through tsx).
 * @param source the source module's URL (its `import.meta.url`)
 */
export function entryPoint(source: string): string {
  if (COMPILED_ROOT === null) return source;
  const relative = source.slice(PROJECT_ROOT.href.length);
  if (!source.startsWith(PROJECT_ROOT.href) || !relative.endsWith(".ts")) throw new Error(`Not a source module of this project: ${source}`);
  return new URL(`${relative.slice(0, -".ts".length)}.js`, COMPILED_ROOT).href;
}

/** The templates' folder as Eleventy reads it: the compiled `.11ty.js` files, or the `.11ty.ts` sources. */
export const ELEVENTY_TEMPLATES = fileURLToPath(COMPILED_ROOT === null ? new URL("templates/", PROJECT_ROOT) : new URL("templates/", COMPILED_ROOT));

/** The extension of the templates Eleventy reads (see `ELEVENTY_TEMPLATES`). */
export const TEMPLATE_EXTENSION = COMPILED_ROOT === null ? "11ty.ts" : "11ty.js";
