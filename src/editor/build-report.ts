import { formatProblems, type CheckedFile, type Problem } from "./check-rules.ts";

/** What the rules found in the last content sync, for the build's closing summary. */
export interface BuildReport {
  files: number;
  problems: Problem[];
  /** Scheduled stories the build held back. */
  held: Pick<CheckedFile, "file">[];
  /** Files (as problems name them) whose text changed since the last check: their warnings come first. */
  changed?: ReadonlySet<string>;
}

/**
 * Warnings a build prints before it counts the rest: an archive's old
 * stories can carry thousands (no summary), which would bury those of the
 * story just edited. `npm run check` lists them all.
 */
export const WARNINGS_SHOWN = 20;

// The loader runs inside Astro's content layer and the summary in an
// integration hook: one process, two module graphs, so the report is
// handed over on globalThis.
const KEY = Symbol.for("dateline.build-report");

/** Keeps the report of the last content sync for the summary at the end of the build. */
export function recordReport(report: BuildReport): void {
  (globalThis as Record<symbol, unknown>)[KEY] = report;
}

/** The report of the last content sync in this process, if any ran. */
export function lastReport(): BuildReport | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as BuildReport | undefined;
}

/** A refused story's problems as one message for the error overlay. */
export function refusalMessage(problems: readonly Problem[]): string {
  return `The edit was refused; the site shows nothing of this story until it is fixed (npm run check lists the same):\n${formatProblems(problems)}`;
}

/**
 * The lines that close a build: one per held-back story (with when it goes
 * out), then the warnings (those of changed files first, at most
 * `WARNINGS_SHOWN`), then a count; the same rules and wording as
 * `npm run check`.
 */
export function summaryLines(report: BuildReport): string[] {
  const notes = report.problems.filter((problem) => problem.severity === "note");
  const warnings = report.problems.filter((problem) => problem.severity === "warning");
  const changed = (problem: Problem) => report.changed?.has(problem.file) ?? false;
  const first = warnings.filter((problem) => changed(problem)).slice(0, WARNINGS_SHOWN);
  const then = warnings
    .filter((problem) => !changed(problem))
    .slice(0, WARNINGS_SHOWN - first.length);
  const shown = first.length + then.length;
  const lines: string[] = [];
  for (const group of [notes, first, then]) {
    if (group.length > 0) lines.push(...formatProblems(group).split("\n"));
  }
  if (warnings.length > shown) {
    lines.push(
      `… and ${warnings.length - shown} more warnings not shown (those of files changed since the last check come first): npm run check lists them all`,
    );
  }
  lines.push(
    `${report.files} articles: ${report.held.length} scheduled for later (not published), ${warnings.length} warnings (npm run check lists them too)`,
  );
  return lines;
}
