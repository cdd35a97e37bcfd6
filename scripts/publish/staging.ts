import { existsSync, linkSync, mkdirSync, readdirSync, rmdirSync, unlinkSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * Hard-links Astro's copies of the last build's pages (`copies`, see
 * src/site/staged-build.ts) into the empty staging folder, where Astro finds
 * each one and skips rendering it while its cache key is unchanged. Astro
 * would otherwise copy every reused page from there: 18,000 files and 400 MB
 * written per build at 10,000 stories, three times as long as linking on this
 * project's disk (23 against 8 s under load), and the old site's copies then
 * took 140 s to delete against 8 s for links (`npm run bench`, see the
 * README). A page rendered again is written as a new file
 * (src/integrations/separate-writes.ts), so neither the copy nor the
 * published site, which shares it, changes.
 *
 * scripts/build.ts runs this while Astro starts; Astro renders no page before
 * it is done (src/integrations/staged-build.ts). This, the middleware and
 * the gate go the day Astro restores a page without writing it again: it
 * copies with COPYFILE_FICLONE, which clones on btrfs, XFS or APFS and
 * copies byte for byte on ext4, this project's disk.
 *
 * @param files the files the last build made, relative (its list); those
 *   Astro keeps no copy of are left to Astro
 * @returns the files linked, relative to the staging folder
 */
export function linkPageCopies(
  copies: string,
  staging: string,
  files: Iterable<string>,
): Set<string> {
  const linked = new Set<string>();
  const made = new Set<string>();
  for (const file of files) {
    const from = join(copies, file);
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
      // A cache folder on another disk (DATELINE_CACHE): Astro copies the pages itself.
      if ((error as NodeJS.ErrnoException).code === "EXDEV") return linked;
      throw error;
    }
    linked.add(file);
  }
  return linked;
}

/**
 * Removes the linked pages this build did not make (a story deleted, made a
 * draft or moved), and the folders they leave empty.
 *
 * @returns how many were removed
 */
export function dropStale(
  staging: string,
  linked: Iterable<string>,
  made: ReadonlySet<string>,
): number {
  let dropped = 0;
  for (const file of linked) {
    if (made.has(file)) continue;
    const path = join(staging, file);
    if (!existsSync(path)) continue;
    unlinkSync(path);
    dropped++;
    for (let folder = dirname(path); folder.startsWith(`${staging}/`); folder = dirname(folder)) {
      if (readdirSync(folder).length > 0) break;
      rmdirSync(folder);
    }
  }
  return dropped;
}
