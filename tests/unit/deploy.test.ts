import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { Ajv } from "ajv";
import { parse as parseToml } from "smol-toml";
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { shouldBuild } from "../../deploy/cloudflare-cron/worker.js";

const root = resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(join(root, file), "utf8");

interface Step {
  id?: string;
  name?: string;
  run?: string;
  uses?: string;
  if?: string;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; push?: unknown };
  jobs: Record<string, { steps: Step[]; if?: string; needs?: string }>;
}

describe.each(["deploy/github-pages.yml", "deploy/build-hook.yml"])("%s", (file) => {
  test("is a valid GitHub Actions workflow (action-validator, on SchemaStore's schema)", () => {
    expect(validateWorkflow(read(file)).errors).toEqual([]);
  });

  test("runs every ten minutes, off the hour", () => {
    const workflow = parseYaml(read(file)) as Workflow;
    expect(workflow.on.schedule).toEqual([{ cron: "7-59/10 * * * *" }]);
  });
});

test("the validator finds a workflow's mistakes", () => {
  const broken = read("deploy/github-pages.yml").replace(
    "runs-on: ubuntu-latest",
    "run-on: ubuntu-latest",
  );
  expect(validateWorkflow(broken).errors).not.toEqual([]);
});

/**
 * Runs a workflow step's shell script as GitHub runs it (bash -e), with
 * `npm` and `curl` replaced by stubs: `npm` exits with `due`, `curl` notes
 * its call. Returns GITHUB_OUTPUT, the stubs' notes and the exit code.
 */
function runStep(script: string, env: Record<string, string>, due: number) {
  const dir = mkdtempSync(join(tmpdir(), "dateline-step-"));
  const notes = join(dir, "notes");
  writeFileSync(notes, "");
  for (const [name, body] of [
    ["npm", `echo "npm $*" >> "${notes}"; exit ${due}`],
    ["curl", `echo "curl $*" >> "${notes}"`],
  ] as const) {
    writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(dir, name), 0o755);
  }
  const output = join(dir, "output");
  writeFileSync(output, "");
  const result = spawnSync("bash", ["-e", "-c", script], {
    encoding: "utf8",
    env: { PATH: `${dir}:${process.env["PATH"]}`, GITHUB_OUTPUT: output, ...env },
  });
  return {
    code: result.status,
    output: readFileSync(output, "utf8").trim(),
    notes: readFileSync(notes, "utf8").trim(),
  };
}

describe("the GitHub Pages workflow", () => {
  const workflow = parseYaml(read("deploy/github-pages.yml")) as Workflow;
  const steps = workflow.jobs["build"]?.steps ?? [];
  const due = steps.find((step) => step.id === "due")?.run ?? "";
  const LIVE = "https://newsroom.github.io/site/build.json";

  test.each([
    ["push", 1, "build=true", ""],
    ["workflow_dispatch", 1, "build=true", ""],
    ["schedule", 0, "build=true", `npm run --silent due -- --last ${LIVE}`],
    ["schedule", 1, "build=false", `npm run --silent due -- --last ${LIVE}`],
    ["schedule", 2, "build=true", `npm run --silent due -- --last ${LIVE}`],
  ])("on %s, due exiting %i: %s", (event, exit, output, called) => {
    const run = runStep(due, { EVENT: event, LIVE }, exit);
    expect(run).toEqual({ code: 0, output, notes: called });
  });

  test("builds, keeps and deploys only when it was to build, restoring the last build first", () => {
    const names = steps.map((step) => step.uses ?? step.name ?? step.run);
    const gated = steps.slice(names.indexOf("Is a build due?") + 1);
    expect(gated.map((step) => step.if)).toEqual(
      gated.map(() => "steps.due.outputs.build == 'true'"),
    );
    expect(gated.map((step) => step.uses ?? step.name)).toEqual([
      "actions/cache/restore@v4",
      "Build",
      "actions/cache/save@v4",
      "actions/upload-pages-artifact@v4",
    ]);
    expect(workflow.jobs["deploy"]?.if).toBe("needs.build.outputs.build == 'true'");
  });
});

describe("the build hook workflow (Netlify, Cloudflare Pages)", () => {
  const workflow = parseYaml(read("deploy/build-hook.yml")) as Workflow;
  const step = workflow.jobs["due"]?.steps.find((s) => s.name?.startsWith("Fire"))?.run ?? "";
  const env = { SITE_URL: "https://news.example.com/", DEPLOY_HOOK_URL: "https://hooks.example/1" };
  const asked = "npm run --silent due -- --last https://news.example.com/build.json";
  const fired =
    "curl --fail-with-body --silent --show-error --request POST https://hooks.example/1";

  test.each([
    [0, `${asked}\n${fired}`],
    [1, asked],
    [2, `${asked}\n${fired}`],
  ])("fires the hook when due exits %i: %j", (exit, notes) => {
    expect(runStep(step, env, exit)).toEqual({ code: 0, output: "", notes });
  });

  test("stops, saying what to set, without its settings", () => {
    const run = runStep(step, { SITE_URL: "", DEPLOY_HOOK_URL: "" }, 0);
    expect(run.code).toBe(1);
    expect(run.notes).toBe("");
  });
});

describe("the Cloudflare cron worker", () => {
  test("its wrangler.toml is valid for wrangler (the config schema wrangler 4.164.0 ships)", () => {
    // Vendored from the wrangler package (MIT OR Apache-2.0), which brings
    // Cloudflare's runtime with it: too much to install for one check.
    const schema = JSON.parse(read("tests/fixtures/schemas/wrangler-4.164.0-config-schema.json"));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const config = parseToml(read("deploy/cloudflare-cron/wrangler.toml"));
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
    expect(config).toMatchObject({ main: "worker.js", triggers: { crons: ["*/10 * * * *"] } });
    expect(validate({ ...config, triggers: { crons: "*/10 * * * *" } })).toBe(false);
  });

  const now = Date.parse("2021-03-02T14:00:00Z");
  test.each([
    [{ next: { at: "2021-03-02T09:00:00-05:00", reason: "a scheduled story goes out" } }, true],
    [{ next: { at: "2021-03-02T09:00:01-05:00", reason: "a scheduled story goes out" } }, false],
    [{ next: null }, false],
    [404, true],
    [500, false],
  ])("decides from the live build.json %j: build %s", (info, build) => {
    expect(shouldBuild(info, now).build).toBe(build);
  });
});

test("the own server's crontab line is a valid schedule and shell script", () => {
  const line = read("deploy/crontab")
    .split("\n")
    .find((text) => text.trim() !== "" && !text.startsWith("#"));
  const fields = line?.trim().split(/\s+/) ?? [];
  expect(fields.slice(0, 5)).toEqual(["*/2", "*", "*", "*", "*"]);
  const script = /sh -c '([^']+)'/.exec(line ?? "")?.[1] ?? "";
  expect(script).toContain("npm run --silent due -- --last dist/build.json");
  // Syntax only: `sh -n` parses without running anything.
  expect(() => execFileSync("sh", ["-n", "-c", script])).not.toThrow();
  expect(() => execFileSync("sh", ["-n", "-c", `${script} (`], { stdio: "ignore" })).toThrow();
});
