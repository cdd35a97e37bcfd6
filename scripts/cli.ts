/**
 * What the editor's command-line tools share: a clear error and a non-zero
 * exit instead of a stack trace, and writing files only when asked to
 * overwrite.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative } from "node:path";

/** A failure to report as one line to the editor, without a stack trace. */
export class CliError extends Error {}

/** Runs a tool's main function: errors become a message on stderr and exit code 1. */
export async function run(name: string, main: () => Promise<void> | void): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof CliError || (error instanceof Error && error.name === "ImportError")) {
      console.error(`${name}: ${error.message}`);
    } else {
      console.error(`${name}: unexpected error`, error);
    }
    process.exitCode = 1;
  }
}

/** Writes a new file, refusing to replace an existing one unless `force`. */
export function writeNew(path: string, content: string, force: boolean): void {
  if (existsSync(path) && !force) {
    throw new CliError(
      `${relative(process.cwd(), path)} already exists; nothing was written (use --force to overwrite it)`,
    );
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
