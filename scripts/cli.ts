/**
 * What the editor's command-line tools share: a clear error and a non-zero
 * exit instead of a stack trace, and writing files only when asked to
 * overwrite.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { site } from "../src/site.config.ts";

/** A failure to report as one line to the editor, without a stack trace. */
export class CliError extends Error {}

/** Runs a tool's main function: errors become a message on stderr and exit code 1. */
export async function run(name: string, main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof CliError || (error instanceof Error && error.name === "ImportError")) {
      console.error(`${name}: ${error.message}`);
    } else if (isUsageError(error)) {
      // node:util parseArgs: an unknown option or a missing value.
      console.error(`${name}: ${error.message}\nSee npm run ${name} -- --help`);
    } else {
      console.error(`${name}: unexpected error`, error);
    }
    process.exitCode = 1;
  }
}

function isUsageError(error: unknown): error is Error {
  return (
    error instanceof Error &&
    String((error as NodeJS.ErrnoException).code ?? "").startsWith("ERR_PARSE_ARGS")
  );
}

/**
 * Refuses, before anything is written, to replace an existing file unless
 * `force`, or to write two files to one path: a run that cannot write
 * everything writes nothing.
 */
export function assertCanWrite(
  paths: readonly string[],
  force: boolean,
  sources: readonly string[] = [],
): void {
  const seen = new Map<string, number>();
  paths.forEach((path, i) => {
    const shown = relative(process.cwd(), path);
    const before = seen.get(path);
    if (before !== undefined) {
      const from =
        sources[before] && sources[i]
          ? ` from both ${sources[before]} and ${sources[i]}`
          : " twice";
      throw new CliError(`${shown} would be written${from}; nothing was written`);
    }
    seen.set(path, i);
    if (existsSync(path) && !force) {
      throw new CliError(
        `${shown} already exists; nothing was written (use --force to overwrite it)`,
      );
    }
  });
}

/** Writes a file, making its folder; call assertCanWrite first. */
export function writeArticle(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** The problems of frontmatter a tool is about to write, as one error naming the file. */
export function assertValid(
  file: string,
  issues: readonly { field: string; message: string }[] | undefined,
): void {
  if (!issues || issues.length === 0) return;
  throw new CliError(
    [
      `${file}: the article would not be valid; nothing was written`,
      ...issues.map((issue) => `  ${issue.field}  ${issue.message}`),
    ].join("\n"),
  );
}

/** The folder articles go into: $DATELINE_CONTENT, as for the build, else content/. */
export const CONTENT_DIR = process.env["DATELINE_CONTENT"] || "content";

/** The options `new` and `import` share: where to write, which section, overwriting, help. */
export const WRITE_OPTIONS = {
  section: { type: "string", default: site.defaultSection },
  dir: { type: "string", default: CONTENT_DIR },
  force: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;
