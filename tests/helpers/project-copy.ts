/**
 * A copy of the project in a temporary folder, as a fresh clone would be: its code, templates and static files,
 * a chosen set of articles, and the project's installed `node_modules` linked in (nothing is downloaded).
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "./build.ts";

const exec = promisify(execFile);

/** The project's own files a clone holds (besides articles). */
const PROJECT_FILES = ["bin", "src", "templates", "public", "package.json", "tsconfig.json", ".eleventy.ts", ".gitignore"];

/**
 * Copies the project into `dest`.
 * @param dest the folder to create
 * @param articles article files to copy, relative to `articles/` (default: the whole folder)
 */
export async function copyProject(dest: string, articles?: readonly string[]): Promise<void> {
  await mkdir(dest, { recursive: true });
  for (const name of PROJECT_FILES) {
    if (existsSync(join(projectRoot, name))) await cp(join(projectRoot, name), join(dest, name), { recursive: true });
  }
  await symlink(join(projectRoot, "node_modules"), join(dest, "node_modules"), "dir");
  if (articles === undefined) {
    await cp(join(projectRoot, "articles"), join(dest, "articles"), { recursive: true });
    return;
  }
  for (const file of articles) {
    await mkdir(dirname(join(dest, "articles", file)), { recursive: true });
    await cp(join(projectRoot, "articles", file), join(dest, "articles", file));
  }
}

/** What a command printed and its exit code. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `news-archive <args>` in a project copy, as `npx news-archive` would.
 * @param dir the project copy
 * @param args the command's arguments
 * @param env extra environment (default none; the path prefix and base URL are unset unless given)
 * @param nodeArgs options for node itself (default none), e.g. `--import` of a module loaded first
 */
export async function newsArchive(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, nodeArgs: readonly string[] = []): Promise<CommandResult> {
  const clean = { ...process.env };
  delete clean["NEWS_ARCHIVE_PATH_PREFIX"];
  delete clean["NEWS_ARCHIVE_BASE_URL"];
  try {
    const { stdout, stderr } = await exec(process.execPath, [...nodeArgs, join(dir, "bin", "news-archive.js"), ...args], { cwd: dir, env: { ...clean, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}
