#!/usr/bin/env node
/**
 * `npm run test:fresh-install`: installs the project as someone without our
 * lockfile would (`npm install` resolving every range afresh, as a new clone
 * with the lockfile deleted, `npm update` or a dependency bot does) in a
 * temporary copy, then builds the site there. It fails when the ranges in
 * package.json resolve to a set that does not start: an Astro that needs a
 * newer Node than the `node` package's range gives, say.
 *
 *   node scripts/fresh-install.ts [--keep]
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CliError, run } from "./cli.ts";

const ROOT = resolve(import.meta.dirname, "..");

/** The project's files as a clone has them (tracked, or new and not ignored), without the lockfile. */
function projectFiles(): string[] {
  const listed = spawnSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (listed.status !== 0) throw new CliError(`git ls-files failed: ${listed.stderr.trim()}`);
  return listed.stdout
    .split("\0")
    .filter((file) => file && file !== "package-lock.json" && existsSync(join(ROOT, file)));
}

function step(label: string, command: string, args: string[], cwd: string): void {
  console.log(`[fresh-install] ${label}: ${command} ${args.join(" ")}`);
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    stdio: "inherit",
    // The copy's own npm scripts run on the copy's own node_modules/.bin.
    env: { ...process.env, DATELINE_OUT: undefined, DATELINE_CACHE: undefined },
  });
  if (result.status !== 0) {
    throw new CliError(`${label} failed (exit ${result.status ?? result.signal}) in ${cwd}`);
  }
  console.log(`[fresh-install] ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function installed(copy: string, name: string): string {
  const manifest = join(copy, "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

await run("fresh-install", () => {
  const { values } = parseArgs({ options: { keep: { type: "boolean", default: false } } });
  const copy = mkdtempSync(join(tmpdir(), "dateline-fresh-"));
  try {
    for (const file of projectFiles()) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(ROOT, file), join(copy, file));
    }
    step("install without the lockfile", "npm", ["install", "--no-audit", "--no-fund"], copy);
    console.log(
      `[fresh-install] resolved: astro ${installed(copy, "astro")}, node ${installed(copy, "node")}`,
    );
    step("build", "npm", ["run", "build"], copy);
    if (!existsSync(join(copy, "dist", "index.html"))) {
      throw new CliError(`the build in ${copy} exited 0 but wrote no dist/index.html`);
    }
    console.log("[fresh-install] a fresh install without the lockfile builds the site");
  } finally {
    if (values.keep) console.log(`[fresh-install] kept ${copy}`);
    else rmSync(copy, { recursive: true, force: true });
  }
});
