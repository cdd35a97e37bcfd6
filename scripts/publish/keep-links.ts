/**
 * Preloaded into the Astro process by scripts/build.ts (`node --import`).
 *
 * The staging folder starts as hard links to the published site's pages, so
 * that Astro finds the pages it can reuse without copying them. A hard link
 * shares its bytes with the published file, and Node's writeFile and
 * copyFile truncate and rewrite an existing file in place: a page Astro
 * renders again would change the live site mid-build. So every such write
 * into the staging folder first removes the link, and the new bytes go to a
 * new file of the staging folder's own.
 *
 * Only pages are linked (see linkPublishedPages in staging.ts), and Astro writes pages with
 * writeFile and restores them with copyFile; the assets that Vite and
 * Pagefind write natively are never linked.
 *
 * The same wrappers note every file written into the staging folder, and the
 * list goes to DATELINE_WRITTEN when the process ends: the steps after Astro
 * (`_headers`, search) read what this build wrote instead of walking the
 * whole site to find it (see scripts/publish/staging.ts). Each finished
 * write is also reported while Astro runs (src/site/build-progress.ts), so
 * that search can index a year as soon as its pages are written
 * (scripts/publish/early-search.ts).
 */
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PROGRESS_VARIABLE, reportProgress } from "../../src/site/build-progress.ts";

const roots = (process.env["DATELINE_LINKED_ROOTS"] ?? "")
  .split("\n")
  .filter(Boolean)
  .map((root) => resolve(root) + "/");

/** Files written into the staging roots by this process, absolute. */
const written = new Set<string>();

/** A write's target as an absolute path, when it names a file (not a descriptor or handle). */
function absolutePath(target: unknown): string | undefined {
  if (typeof target === "string") return resolve(target);
  if (target instanceof URL) return resolve(fileURLToPath(target));
  return undefined;
}

/** The staging root a write's target is inside, with the target's absolute path. */
function inRoot(target: unknown): { root: string; absolute: string } | undefined {
  const absolute = absolutePath(target);
  const root = absolute && roots.find((folder) => absolute.startsWith(folder));
  return root && absolute ? { root, absolute } : undefined;
}

/**
 * Removes `target` first when it is a hard link inside one of the staging
 * roots, and notes it as written.
 */
function unlinkShared(target: unknown): void {
  const absolute = inRoot(target)?.absolute;
  if (absolute === undefined) return;
  written.add(absolute);
  try {
    if (fs.lstatSync(absolute).nlink > 1) fs.unlinkSync(absolute);
  } catch {
    // No file yet: the write creates one.
  }
}

/**
 * Astro's copies of built pages (the cache's dist/ folder), which staging.ts
 * makes a link to the staging folder itself: Astro writes each page there
 * right after writing it to the output, so the second write is the same
 * bytes into the same file, and is skipped (a third of the page phase's disk
 * work; see the README's Benchmark).
 */
const copies = process.env["DATELINE_PAGE_COPIES"]
  ? resolve(process.env["DATELINE_PAGE_COPIES"]) + "/"
  : undefined;

/** Whether `target` is inside the copies folder: a write there is the one just made. */
function isCopy(target: unknown): boolean {
  return copies !== undefined && (absolutePath(target)?.startsWith(copies) ?? false);
}

if (copies !== undefined) {
  const { writeFile, mkdir } = fs.promises;
  fs.promises.writeFile = ((file, ...rest) =>
    isCopy(file) ? Promise.resolve() : writeFile(file, ...rest)) as typeof writeFile;
  fs.promises.mkdir = ((path, ...rest) =>
    isCopy(path) ? Promise.resolve(undefined) : mkdir(path, ...rest)) as typeof mkdir;
  syncBuiltinESMExports();
}

/**
 * Files written into the staging roots since the last report, relative to
 * their root: reported to the build script (src/site/build-progress.ts) in
 * batches, at most REPORT_MS after the write, and when the process exits.
 */
let finished: string[] = [];
let reportTimer: ReturnType<typeof setTimeout> | undefined;
const REPORT_MS = 100;
const reporting = Boolean(process.env[PROGRESS_VARIABLE]);

function reportFinished(): void {
  clearTimeout(reportTimer);
  reportTimer = undefined;
  const lines = finished.map((file) => `wrote ${file}`);
  finished = [];
  reportProgress(lines);
}

/** Notes that a write into a staging root has finished. */
function finishedWriting(target: unknown): void {
  const staged = reporting ? inRoot(target) : undefined;
  if (!staged) return;
  finished.push(staged.absolute.slice(staged.root.length));
  reportTimer ??= setTimeout(reportFinished, REPORT_MS).unref();
}

if (roots.length > 0) {
  const { writeFile, copyFile } = fs.promises;
  const { writeFileSync, copyFileSync } = fs;
  const writeFileCallback = fs.writeFile;
  const copyFileCallback = fs.copyFile;
  fs.promises.writeFile = (async (file, ...rest) => {
    unlinkShared(file);
    await writeFile(file, ...rest);
    finishedWriting(file);
  }) as typeof writeFile;
  fs.promises.copyFile = (async (from, to, ...rest) => {
    unlinkShared(to);
    await copyFile(from, to, ...rest);
    finishedWriting(to);
  }) as typeof copyFile;
  fs.writeFileSync = ((file, ...rest) => {
    unlinkShared(file);
    writeFileSync(file, ...rest);
    finishedWriting(file);
  }) as typeof writeFileSync;
  fs.copyFileSync = ((from, to, ...rest) => {
    unlinkShared(to);
    copyFileSync(from, to, ...rest);
    finishedWriting(to);
  }) as typeof copyFileSync;
  fs.writeFile = ((file: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
    unlinkShared(file);
    return (writeFileCallback as (...args: unknown[]) => void)(file, ...rest);
  }) as typeof fs.writeFile;
  fs.copyFile = ((from: fs.PathLike, to: fs.PathLike, ...rest: unknown[]) => {
    unlinkShared(to);
    return (copyFileCallback as (...args: unknown[]) => void)(from, to, ...rest);
  }) as typeof fs.copyFile;
  // `import { writeFile } from "node:fs/promises"` and friends see the wrappers too.
  syncBuiltinESMExports();
  const list = process.env["DATELINE_WRITTEN"];
  process.on("exit", () => {
    if (list) writeFileSync(list, [...written].join("\n"));
    reportFinished();
  });
}
