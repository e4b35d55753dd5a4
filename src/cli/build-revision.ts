/**
 * Builds the site of another git revision into a temporary folder, for `news-archive diff --base <ref>`.
 *
 * The revision's files are exported with `git archive` (the repository and the working tree are not touched: no
 * worktree, no checkout), the project's `node_modules` is linked in, and the revision's own `build` command runs
 * there with the same environment (so the same path prefix and base URL) as the current build.
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A built revision and how to throw it away. */
export interface BuiltRevision {
  /** The commit the ref resolved to. */
  readonly commit: string;
  /** Folder of the revision's built site. */
  readonly siteDir: string;
  /** Removes the temporary folder. */
  readonly cleanup: () => Promise<void>;
}

/** A revision that could not be exported or built; `cause` keeps the underlying error. */
export class RevisionBuildError extends Error {
  override readonly name = "RevisionBuildError";
}

/**
 * Exports `ref` into a temporary folder and builds its site there.
 * @param ref a git revision (`main`, `origin/main`, a commit)
 * @param projectDir the project (repository) folder; default: the current folder
 * @param env environment of the build; default: this process's
 */
export async function buildRevision(
  ref: string,
  projectDir: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<BuiltRevision> {
  if (ref.startsWith("-") || ref.trim() === "") {
    throw new RevisionBuildError(`"${ref}" is not a git revision: give a branch, tag or commit (e.g. --base origin/main).`);
  }
  const project = resolve(projectDir);
  const commit = await resolveCommit(ref, project);
  const dir = await mkdtemp(join(tmpdir(), "news-archive-base-"));
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    await exportCommit(commit, project, dir);
    const linked = existsSync(join(dir, "node_modules")) || !existsSync(join(project, "node_modules"));
    if (!linked) await symlink(join(project, "node_modules"), join(dir, "node_modules"), "dir");
    if (!existsSync(join(dir, "bin", "news-archive.js"))) {
      throw new RevisionBuildError(`Revision ${ref} (${commit.slice(0, 12)}) has no bin/news-archive.js, so its site cannot be built.`);
    }
    await runBuild(dir, env, ref);
    return { commit, siteDir: join(dir, "_site"), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function resolveCommit(ref: string, cwd: string): Promise<string> {
  try {
    const { stdout } = await run("git", ["rev-parse", "--verify", "--end-of-options", `${ref}^{commit}`], { cwd });
    return stdout.trim();
  } catch (cause) {
    throw new RevisionBuildError(`git does not know the revision "${ref}" in ${cwd}: fetch it first (a shallow clone has no base).`, { cause });
  }
}

function exportCommit(commit: string, cwd: string, dest: string): Promise<void> {
  return new Promise((done, fail) => {
    const archive = spawn("git", ["archive", "--format=tar", commit], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const extract = spawn("tar", ["-x", "-f", "-", "-C", dest], { stdio: ["pipe", "ignore", "pipe"] });
    let errors = "";
    archive.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    extract.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    archive.stdout.pipe(extract.stdin);
    let pending = 2;
    const finish = (code: number | null): void => {
      if (code !== 0) fail(new RevisionBuildError(`Exporting ${commit.slice(0, 12)} with git archive failed: ${errors.trim()}`));
      else if (--pending === 0) done();
    };
    archive.on("close", finish);
    extract.on("close", finish);
    archive.on("error", fail);
    extract.on("error", fail);
  });
}

function runBuild(dir: string, env: NodeJS.ProcessEnv, ref: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(dir, "bin", "news-archive.js"), "build"], {
      cwd: dir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", fail);
    child.on("close", (code) => {
      if (code === 0) done();
      else fail(new RevisionBuildError(`Building the base revision ${ref} failed (exit ${code}):\n${output.trim()}`));
    });
  });
}
