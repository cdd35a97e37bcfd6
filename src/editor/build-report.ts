import { formatProblems, type CheckedFile, type Problem } from "./check-rules.ts";

/** What the rules found in the last content sync, for the build's closing summary. */
export interface BuildReport {
  files: number;
  problems: Problem[];
  /** Scheduled stories the build held back. */
  held: Pick<CheckedFile, "file">[];
}

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
 * out), then the warnings, then a count; the same rules and wording as
 * `npm run check`.
 */
export function summaryLines(report: BuildReport): string[] {
  const notes = report.problems.filter((problem) => problem.severity === "note");
  const warnings = report.problems.filter((problem) => problem.severity === "warning");
  const lines: string[] = [];
  if (notes.length > 0) lines.push(...formatProblems(notes).split("\n"));
  if (warnings.length > 0) lines.push(...formatProblems(warnings).split("\n"));
  lines.push(
    `${report.files} articles: ${report.held.length} scheduled for later (not published), ${warnings.length} warnings (npm run check lists them too)`,
  );
  return lines;
}
