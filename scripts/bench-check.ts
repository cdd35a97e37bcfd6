#!/usr/bin/env node
/**
 * npm run bench:check [-- --articles 1000 --runs 5]
 *
 * Measures `npm run check` on a synthetic archive: the whole command, from
 * starting Node to its exit, as an editor waits for it. The budget is
 * 2 seconds for 1,000 articles; the exit code is 1 when the median run is over
 * it. A measurement, not a test: timing tests fail on busy machines.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeCorpus } from "./corpus.ts";

const BUDGET_SECONDS = 2;

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000" },
    runs: { type: "string", default: "5" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(`Usage: npm run bench:check [-- --articles N --runs N]

Writes N synthetic articles (default 1000) to a temporary folder, runs the check
on them --runs times (default 5) and prints each wall time and the median,
against the budget of ${BUDGET_SECONDS} s for 1,000 articles.`);
  process.exit(0);
}
const articles = Number(values.articles);
const runs = Number(values.runs);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(runs) || runs < 1) {
  console.error("bench:check: expected whole numbers above 0 for --articles and --runs");
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), "dateline-check-bench-"));
try {
  writeCorpus(articles, dir, 20200526);
  const script = join(import.meta.dirname, "check.ts");
  const times: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const started = performance.now();
    // Every warning of a large archive is printed: more than the default 1 MB of output.
    const result = spawnSync(process.execPath, [script, dir], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    const seconds = (performance.now() - started) / 1000;
    const summary = result.stdout.trim().split("\n").at(-1) ?? "";
    if (result.status !== 0 || !summary.startsWith(`${articles} articles checked`)) {
      console.error(
        `bench:check: the check failed (exit ${result.status ?? result.error?.message}):\n${result.stderr}`,
      );
      process.exit(1);
    }
    times.push(seconds);
    console.log(`run ${run}: ${seconds.toFixed(2)} s wall (${summary})`);
  }
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
  const budget = (BUDGET_SECONDS * articles) / 1000;
  console.log(
    `median ${median.toFixed(2)} s for ${articles} articles; budget ${budget.toFixed(2)} s: ${median <= budget ? "within" : "OVER"}`,
  );
  if (median > budget) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
