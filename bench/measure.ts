/**
 * Runs a command as a child process and measures it: wall time, and peak memory of its whole process tree
 * (sum of VmRSS over the child and its descendants, polled from /proc every 50 ms, so worker processes such as
 * Pagefind's count), together with the JSON line the child may print last.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** What one measured run gave. */
export interface Measured {
  readonly ms: number;
  /** CPU time (user + system) of the child and every descendant it waited for, from this process's cutime/cstime. */
  readonly cpuMs: number;
  /** Peak resident memory of the process tree, in kB: the larger of the polled sum and the child's own report. */
  readonly peakKb: number;
  readonly code: number | null;
  /** The last line of standard output parsed as JSON, when it is JSON. */
  readonly report: Record<string, unknown> | null;
  readonly stderr: string;
}

/**
 * Runs `command args` and measures it.
 * @param command executable
 * @param args its arguments
 * @param env environment (default: this process's)
 */
export function measure(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const cpuBefore = childrenCpuMs();
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let peakKb = 0;
    const poll = setInterval(() => {
      if (child.pid !== undefined) peakKb = Math.max(peakKb, treeRssKb(child.pid));
    }, 50);
    child.on("error", (error) => {
      clearInterval(poll);
      reject(error);
    });
    child.on("close", (code) => {
      clearInterval(poll);
      const ms = performance.now() - start;
      const last = stdout.trim().split("\n").at(-1) ?? "";
      let report: Record<string, unknown> | null = null;
      try {
        report = JSON.parse(last) as Record<string, unknown>;
      } catch {
        report = null;
      }
      const own = typeof report?.["maxRssKb"] === "number" ? report["maxRssKb"] : 0;
      resolve({ ms, cpuMs: childrenCpuMs() - cpuBefore, peakKb: Math.max(peakKb, own), code, report, stderr });
    });
  });
}

// Linux reports times in clock ticks; USER_HZ is 100 on every architecture Node runs on.
const TICK_MS = 10;

/** CPU time of this process's waited-for children (fields cutime and cstime of /proc/self/stat), in ms. */
function childrenCpuMs(): number {
  const stat = readQuietly("/proc/self/stat");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // After the command name: state is field 3, so cutime (16) and cstime (17) sit at offsets 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/** Sum of VmRSS (kB) of `pid` and all its descendants; 0 once it has gone. */
function treeRssKb(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/u.test(name)) continue;
    const stat = readQuietly(`/proc/${name}/stat`);
    // The command name may hold spaces and parentheses: the fields that follow start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const parent = Number(fields[1]);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(Number(name));
  }
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop()!;
    const match = /^VmRSS:\s+(\d+) kB/mu.exec(readQuietly(`/proc/${current}/status`));
    if (match) total += Number(match[1]);
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

function readQuietly(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
