import {
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";

/** The part of Astro's incremental-build.json (experimental.incrementalBuild) read here. */
interface AstroManifest {
  routes: Record<string, { paths: Record<string, { outputFile: string }> }>;
}

/** Astro's manifest file and its copies of built pages, inside the cache folder. */
const MANIFEST = "incremental-build.json";
const PAGE_COPIES = "dist";

/** Where Astro keeps its copies of built pages: a link to the staging folder (see prepareStaging). */
export function pageCopiesFolder(cache: string): string {
  return join(cache, PAGE_COPIES);
}

/** The page files (relative, as on disk) an Astro incremental-build manifest lists. */
export function manifestFiles(manifest: string): Set<string> {
  const files = new Set<string>();
  const { routes } = JSON.parse(manifest) as AstroManifest;
  for (const route of Object.values(routes ?? {})) {
    for (const { outputFile } of Object.values(route.paths)) {
      files.add(decodeURIComponent(outputFile));
    }
  }
  return files;
}

/**
 * Gets an empty staging folder and Astro's cache ready for a build:
 *
 * - Astro's manifest is the one of the published site (`manifest`), or none
 *   (everything renders): never one left by a build that did not publish,
 *   which could name pages the published site does not have.
 * - Astro keeps a second copy of every page it renders in the cache and copies
 *   it back when a reusable page is missing from the output. Here the pages
 *   are already in the staging folder, so the copies would only double the
 *   writes and could outlive the site they came from: the copies' folder is a
 *   link to the staging folder itself, and keep-links.ts skips the second
 *   write of each page through it.
 *
 * @returns the pages the manifest lists, relative: linkPublishedPages links
 * them while Astro starts.
 */
export function prepareStaging(
  staging: string,
  cache: string,
  manifest: string | undefined,
): Set<string> {
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  mkdirSync(cache, { recursive: true });
  const manifestPath = join(cache, MANIFEST);
  if (manifest === undefined) rmSync(manifestPath, { force: true });
  else writeFileSync(manifestPath, manifest);
  const copies = pageCopiesFolder(cache);
  rmSync(copies, { recursive: true, force: true });
  symlinkSync(staging, copies, "dir");
  return manifest === undefined ? new Set() : manifestFiles(manifest);
}

/**
 * Hard-links every page of `pages` the published site has into the staging
 * folder, where Astro finds it and skips it when its cache key is unchanged.
 * Linking costs no copy; keep-links.ts makes sure a page rendered again
 * replaces its link rather than writing into the published file.
 *
 * scripts/build.ts runs this while Astro starts (its content sync and Vite
 * take seconds) and Astro waits for it before it renders a page
 * (src/integrations/staging-gate.ts). A page already there was written by
 * this build, and stays.
 *
 * @returns the linked files, relative to the staging folder.
 */
export function linkPublishedPages(out: string, staging: string, pages: Set<string>): Set<string> {
  const linked = new Set<string>();
  const made = new Set<string>();
  for (const file of pages) {
    const from = join(out, file);
    if (!existsSync(from)) continue;
    const to = join(staging, file);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") continue;
      throw error;
    }
    linked.add(file);
  }
  return linked;
}

/** What Astro's build put in the staging folder, for the steps after it. */
export interface StagedBuild {
  /** Astro's incremental-build manifest, as it wrote it. */
  manifest: string;
  /** The pages the manifest lists (relative to the staging folder): those with a cache key. */
  pages: Set<string>;
  /**
   * The files this build wrote (relative), from keep-links.ts; every page the
   * manifest lists and this build did not write is a link to the published
   * one. Undefined when the list is missing: then the steps after Astro look
   * at every file.
   */
  written: Set<string> | undefined;
}

/**
 * After Astro built into the staging folder: removes the linked pages this
 * build no longer makes (a story deleted, drafted or moved), and anything
 * internal to the build. Returns what Astro built.
 */
export function finishStaging(
  staging: string,
  cache: string,
  linked: Set<string>,
  writtenList?: string,
): StagedBuild {
  const manifest = readFileSync(join(cache, MANIFEST), "utf8");
  const built = manifestFiles(manifest);
  for (const file of linked) {
    if (built.has(file)) continue;
    const path = join(staging, file);
    // Still a link: not written by this build under the same name.
    if (existsSync(path) && isShared(path)) unlinkSync(path);
    removeEmptyFolders(staging, dirname(path));
  }
  // Astro removes its prerender chunks after a successful build; make sure.
  rmSync(join(staging, ".prerender"), { recursive: true, force: true });
  let written: Set<string> | undefined;
  if (writtenList !== undefined && existsSync(writtenList)) {
    written = new Set(
      readFileSync(writtenList, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((path) => relative(staging, path)),
    );
  }
  return { manifest, pages: built, written };
}

/** Removes `folder` and its parents up to (not including) `root` while they are empty. */
function removeEmptyFolders(root: string, folder: string): void {
  let current = folder;
  while (
    current.startsWith(`${root}/`) &&
    existsSync(current) &&
    readdirSync(current).length === 0
  ) {
    rmdirSync(current);
    current = dirname(current);
  }
}

/** Whether a built file is shared with the published site (reused, not rendered again). */
export function isShared(path: string): boolean {
  return lstatSync(path).nlink > 1;
}
