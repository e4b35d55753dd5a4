/** The Node flags a build runs with (bin/node-flags.js): the ones package.json's scripts pass, and ones this Node takes. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILD_NODE_FLAGS } from "../bin/node-flags.js";

const ROOT = join(import.meta.dirname, "..");

describe("BUILD_NODE_FLAGS", () => {
  it("should be what `npm run build` and `npm start` pass to Node, and nothing else", () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const node = ["node", ...BUILD_NODE_FLAGS, "bin/news-archive.js"].join(" ");
    expect(BUILD_NODE_FLAGS).toEqual(["--single-threaded-gc"]);
    expect(scripts["build"]).toBe(`${node} build`);
    expect(scripts["start"]).toBe(`${node} serve`);
  });

  it("should be flags this Node accepts (an unknown one stops it with `bad option`)", () => {
    const ok = spawnSync(process.execPath, [...BUILD_NODE_FLAGS, "-e", "process.stdout.write('ran')"], { encoding: "utf8" });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe("ran");
    const bad = spawnSync(process.execPath, ["--single-threaded-gc-of-no-such-kind", "-e", "0"], { encoding: "utf8" });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("bad option");
  });
});
