#!/usr/bin/env node
/**
 * Checks every page of a built site with the Nu HTML Checker: `npm run test:html`.
 * Fails on any error; warnings are printed with --warnings, and fail with
 * --strict. Errors are what the HTML standard forbids (a script after
 * `</html>`, a duplicate id, a bad attribute), which browsers repair each in
 * their own way; warnings are the checker's advice ("section lacks heading",
 * "unnecessary type attribute"), judged page by page, so they are shown on
 * request rather than failing by default. `npm run test:html` checks the
 * fixture site with --strict: it has none, and a new one is looked at (and
 * the markup mended) rather than let through.
 *
 *   npm run check-html -- [DIR] [--warnings] [--strict]   (default DIR: .e2e-site)
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { CliError, run } from "./cli.ts";
import { checkHtml, formatProblem } from "./html-checker.ts";

await run("check-html", () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      warnings: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      "Usage: npm run check-html -- [DIR] [--warnings] [--strict]\n" +
        "Checks every HTML page under DIR (default .e2e-site, the fixture build of\n" +
        "`npm run build:e2e`) with the Nu HTML Checker in one JVM. Fails on errors;\n" +
        "--warnings prints warnings too, --strict fails on them.",
    );
    return;
  }
  const dir = resolve(positionals[0] ?? ".e2e-site");
  if (!existsSync(join(dir, "index.html"))) {
    throw new CliError(
      `expected a built site in ${dir}; found no index.html (run npm run build:e2e first)`,
    );
  }
  const started = performance.now();
  let problems;
  try {
    problems = checkHtml(dir);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const pages = countPages(dir);
  const errors = problems.filter((p) => p.level === "error");
  const warnings = problems.filter((p) => p.level === "warning");
  for (const problem of values.warnings || values.strict ? problems : errors)
    console.log(formatProblem(problem));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `[html] ${pages} pages checked in ${seconds}s: ${errors.length} errors, ${warnings.length} warnings`,
  );
  if (errors.length > 0 || (values.strict && warnings.length > 0)) process.exitCode = 1;
});

function countPages(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".html"))
    .length;
}
