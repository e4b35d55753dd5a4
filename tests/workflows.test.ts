import { validateWorkflow } from "@action-validator/core";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const dir = join(import.meta.dirname, "..", ".github", "workflows");
const files = readdirSync(dir).filter((name) => name.endsWith(".yml")).sort();
const source = (name: string): string => readFileSync(join(dir, name), "utf8");

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, unknown>;
}
interface Job {
  readonly permissions?: Record<string, string>;
  readonly steps?: readonly Step[];
  readonly if?: string;
  readonly environment?: unknown;
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}
const workflow = (name: string): Workflow => parse(source(name)) as Workflow;
const steps = (flow: Workflow): Step[] => Object.values(flow.jobs).flatMap((job) => [...(job.steps ?? [])]);

describe("GitHub workflows", () => {
  it("should have the CI, preview, preview deploy and Pages deploy workflows", () => {
    expect(files).toEqual(["ci.yml", "deploy.yml", "preview-deploy.yml", "preview.yml"]);
  });

  it.each(files)("should validate %s against the workflow schema", (name) => {
    expect(validateWorkflow(source(name)).errors).toEqual([]);
  });

  it("should make the validator reject a broken workflow (it is not a no-op)", () => {
    const broken = "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: everything\n    steps: []\n";
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  it.each(files)("should never use pull_request_target in %s", (name) => {
    const code = source(name).replace(/^\s*#.*$/gmu, "");
    expect(Object.keys(workflow(name).on)).not.toContain("pull_request_target");
    expect(code).not.toContain("pull_request_target");
  });

  it("should run CI on push and pull request with npm ci and the README's test command", () => {
    const ci = workflow("ci.yml");
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
    const script = readFileSync(join(import.meta.dirname, "..", ".ci", "run"), "utf8");
    const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
    expect(steps(ci).map((step) => step.run)).toContain("bash .ci/run");
    expect(script).toMatch(/^npm ci$/mu);
    expect(script).toMatch(/^npm test$/mu);
    expect(readme).toContain("npm test");
  });

  it("should run the preview on pull_request only, with a read-only token and no secret", () => {
    const preview = workflow("preview.yml");
    expect(Object.keys(preview.on)).toEqual(["pull_request"]);
    expect(preview.permissions).toEqual({ contents: "read" });
    for (const job of Object.values(preview.jobs)) expect(job.permissions).toBeUndefined();
    expect(source("preview.yml")).not.toMatch(/secrets\s*\./u);
    expect(source("preview.yml")).not.toMatch(/secrets\s*\[/u);
    expect(source("preview.yml")).not.toContain("github.token");
    expect(source("preview.yml")).not.toContain("GITHUB_TOKEN");
  });

  it("should check with GitHub annotations, build under /pr-<number>/, upload the site and write a job summary", () => {
    const preview = workflow("preview.yml");
    const runs = steps(preview).map((step) => step.run ?? "");
    expect(runs).toContain("npx news-archive check --format github");
    expect(runs).toContain("npm run build");
    expect(source("preview.yml")).toContain("NEWS_ARCHIVE_PATH_PREFIX: /pr-${{ github.event.pull_request.number }}/");
    expect(steps(preview).some((step) => step.uses?.startsWith("actions/upload-artifact@") === true && step.with?.["path"] === "_site")).toBe(true);
    expect(runs.some((run) => run.includes("news-archive preview-summary") && run.includes('>> "$GITHUB_STEP_SUMMARY"'))).toBe(true);
  });

  it("should never interpolate pull-request text (titles, branch names) into a shell script", () => {
    for (const name of files) {
      for (const step of steps(workflow(name))) {
        expect(step.run ?? "").not.toMatch(/\$\{\{/u);
      }
    }
  });

  it("should deploy previews only for this repository's branches and only where the secret exists", () => {
    const deploy = workflow("preview-deploy.yml");
    expect(Object.keys(deploy.on)).toEqual(["workflow_run"]);
    const job = Object.values(deploy.jobs)[0];
    expect(job?.if).toContain("github.event.workflow_run.head_repository.full_name == github.repository");
    expect(job?.if).toContain("github.event.workflow_run.event == 'pull_request'");
    for (const step of job?.steps ?? []) {
      if (step.uses !== undefined || step.env !== undefined) expect(step.if).toBe("env.HAS_HOST == 'true'");
    }
    expect(source("preview-deploy.yml")).not.toContain("actions/checkout");
    expect(source("preview-deploy.yml")).not.toMatch(/\bnpm\b|\bnpx\b/u);
  });

  it("should publish to GitHub Pages on push to main with the official actions, Pages rights only in the deploy job", () => {
    const deploy = workflow("deploy.yml");
    expect(deploy.on["push"]).toEqual({ branches: ["main"] });
    expect(deploy.permissions).toEqual({ contents: "read" });
    const uses = steps(deploy).map((step) => step.uses?.split("@")[0]);
    expect(uses).toEqual(expect.arrayContaining(["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]));
    const withPages = Object.entries(deploy.jobs).filter(([, job]) => job.permissions !== undefined);
    expect(withPages).toEqual([["deploy", expect.objectContaining({ permissions: { pages: "write", "id-token": "write" } })]]);
  });

  it.each(files)("should give every workflow in %s a top-level read-only default token", (name) => {
    expect(workflow(name).permissions?.["contents"]).toBe("read");
  });
});
