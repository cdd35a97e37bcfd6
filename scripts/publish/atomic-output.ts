import { spawn } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Where the published site waits, for an instant, while the new one takes its place. */
export function previousFolder(out: string): string {
  return `${out}.previous`;
}

/** Where a build writes the new site before it is published. */
export function stagingFolder(out: string): string {
  return `${out}.staging`;
}

/**
 * Finishes or undoes what a killed build left behind, before a new one starts.
 * Publishing is two renames (see publish): killed between them, the output
 * folder is missing and the last good site waits in `<out>.previous`, which
 * is put back. Killed after them, `<out>.previous` is the old site and goes.
 * A leftover staging folder is an unfinished build and goes too.
 *
 * @returns what was done, for the build's log, or undefined when nothing was.
 */
export function recoverInterruptedPublish(out: string): string | undefined {
  const previous = previousFolder(out);
  let done: string | undefined;
  if (existsSync(previous)) {
    if (existsSync(out)) {
      discard(previous);
    } else {
      renameSync(previous, out);
      done = `put the last published site back in ${out} (a build was stopped while publishing)`;
    }
  }
  rmSync(stagingFolder(out), { recursive: true, force: true });
  // Old sites a background removal had not finished with (see discard).
  const parent = dirname(out);
  const prefix = `${basename(out)}.discarded-`;
  for (const name of existsSync(parent) ? readdirSync(parent) : []) {
    if (name.startsWith(prefix)) discard(join(parent, name));
  }
  return done;
}

/**
 * Removes an old site without making the build wait: it is renamed out of the
 * way at once (one rename), then deleted by a detached process, since
 * removing tens of thousands of files takes seconds. Whatever a removal
 * leaves (the machine stopped) is removed by the next build.
 */
export function discard(folder: string): void {
  const aside = folder.includes(".discarded-")
    ? folder
    : `${folder.replace(/\.previous$/, "")}.discarded-${process.pid}-${Date.now()}`;
  if (aside !== folder) renameSync(folder, aside);
  spawn(
    process.execPath,
    ["-e", 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', aside],
    { detached: true, stdio: "ignore" },
  ).unref();
}

/**
 * Puts a complete staged site in place of the published one. Both renames
 * stay within one parent folder, so each is atomic; between the two (a few
 * microseconds) the output folder does not exist, and a build killed right
 * there is repaired by recoverInterruptedPublish at the start of the next.
 * The old site is deleted only once the new one is in place, and in the
 * background (see discard).
 */
export function publish(out: string, staging: string): void {
  const previous = previousFolder(out);
  rmSync(previous, { recursive: true, force: true });
  const hadSite = existsSync(out);
  if (hadSite) renameSync(out, previous);
  renameSync(staging, out);
  if (hadSite) discard(previous);
}
