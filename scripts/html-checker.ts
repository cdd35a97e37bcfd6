/**
 * The Nu HTML Checker (vnu.jar from the npm package `vnu-jar`) over a built
 * site, in one JVM: the JVM's start-up costs more than checking a page, so
 * the whole folder is one invocation, never one per page.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

/** One message of the checker about one page. */
export interface HtmlProblem {
  /** The page, relative to the checked folder. */
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  message: string;
  /** "error" fails the check; "warning" is shown only when asked. */
  level: "error" | "warning";
}

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  lastColumn?: number;
  message?: string;
}

/** Where vnu.jar is: inside the vnu-jar package, which ships it. */
export function vnuJar(): string {
  return createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");
}

/**
 * Runs the checker over every HTML file under `dir` (`--skip-non-html` leaves
 * out the feeds, sitemaps, images and Pagefind's files) and returns what it
 * reports, errors and warnings both, each naming its page and line.
 *
 * Throws when Java is missing or the checker cannot run, naming what to install.
 */
export function checkHtml(dir: string, java = process.env["JAVA"] ?? "java"): HtmlProblem[] {
  // --format json is the one output meant for programs; --exit-zero-always
  // because the exit status is decided here, from the messages.
  const result = spawnSync(
    java,
    ["-jar", vnuJar(), "--format", "json", "--skip-non-html", "--exit-zero-always", dir],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
  );
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === "ENOENT";
    throw new Error(
      missing
        ? `expected a Java runtime (17 or later) as "${java}" for the Nu HTML Checker; found none (Debian/Ubuntu: apt-get install -y default-jre-headless)`
        : `the Nu HTML Checker could not run: ${result.error.message}`,
    );
  }
  let report: { messages?: VnuMessage[] };
  try {
    report = JSON.parse(result.stderr) as { messages?: VnuMessage[] };
  } catch {
    throw new Error(
      `expected the Nu HTML Checker's JSON report; found: ${result.stderr.slice(0, 500)}`,
    );
  }
  return (report.messages ?? []).flatMap((message): HtmlProblem[] => {
    // "info" messages other than warnings are notes about the checker itself.
    const level =
      message.type === "error" || message.type === "non-document-error"
        ? "error"
        : message.subType === "warning"
          ? "warning"
          : undefined;
    if (!level) return [];
    const file = message.url ? relative(dir, fileURLToPath(message.url)) : dir;
    return [
      {
        file,
        line: message.lastLine,
        column: message.lastColumn,
        message: message.message ?? message.type,
        level,
      },
    ];
  });
}

/** A problem as one line: `file:line:column  level  message`. */
export function formatProblem(problem: HtmlProblem): string {
  const at = [problem.file, problem.line, problem.column].filter((x) => x !== undefined).join(":");
  return `${at}  ${problem.level}  ${problem.message}`;
}
