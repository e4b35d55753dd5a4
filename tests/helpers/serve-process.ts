/**
 * `news-archive serve` as a child process of a test, on a project copy (see project-copy.ts): started, waited for, its
 * output kept for the failure messages, and stopped.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

/** A running `news-archive serve`. */
export interface ServeProcess {
  /** What it printed so far, stdout and stderr together. */
  output(): string;
  /** Waits until `test` holds, checking every 100 ms; fails after `ms` with what the server printed. */
  until(what: string, test: () => Promise<boolean>, ms?: number): Promise<void>;
  /** Stops it (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts `news-archive serve --output <output> --port <port>` in a project copy and waits until it serves.
 * @param dir the project copy
 * @param output the folder it serves, relative to the copy
 * @param port the port
 */
export async function startServe(dir: string, output: string, port: number): Promise<ServeProcess> {
  const env = { ...process.env };
  delete env["NEWS_ARCHIVE_PATH_PREFIX"];
  const child: ChildProcess = spawn(process.execPath, [join(dir, "bin", "news-archive.js"), "serve", "--output", output, "--port", String(port)], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  child.stdout?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (printed += chunk.toString()));
  const served: ServeProcess = {
    output: () => printed,
    until: async (what, test, ms = 60_000) => {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline) {
        if (await test()) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`Timed out waiting for ${what}. Server output:\n${printed}`);
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
  try {
    await served.until("the server to start", () => Promise.resolve(printed.includes("Serving ")), 120_000);
  } catch (error) {
    await served.stop();
    throw error;
  }
  return served;
}
