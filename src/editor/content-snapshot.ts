import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { join, relative, sep } from "node:path";
import { pipelineDigest } from "../lib/pipeline-digest.ts";
import { writeWhole } from "../lib/write-whole.ts";
import type { TimedStory } from "../news/time-rules.ts";
import { isInside, realPath } from "./content-paths.ts";

/**
 * What the rules that depend on the build's time need of a content folder,
 * and its digest: taken by the build (from the texts its loader read) and by
 * `npm run due`, by the same function (`takeSnapshot`), so that a build's
 * digest and `due`'s agree exactly when the content is the same.
 *
 * A snapshot is kept in the cache folder with every file's size and
 * modification time: while none has changed, `due` answers from it without
 * reading the folder (see `snapshotHolds`). This module reads files' stats
 * and bytes only; it imports neither the rules nor a Markdown parser, so that
 * answer starts fast.
 */

/** The file in the cache folder that keeps the last snapshot. */
export const SNAPSHOT_FILE = "dateline-content-state.json";

/**
 * A file whose modification time is this close to the moment its snapshot's
 * reading began (or later) may have changed again within the file system's
 * clock tick: it is read again rather than trusted (git's "racily clean").
 */
const RACY_MS = 1000;

/** A file of the folder: size and modification time, and the digest of what it holds, when it counts. */
type FileEntry = [size: number, mtimeMs: number, digest?: string];

/** A story as kept in a snapshot: its times in ms. */
type KeptStory = Omit<TimedStory, "published" | "lastChange" | "latestUpdate"> & {
  published: number;
  lastChange: number;
  latestUpdate?: number;
};

/** A content folder as the build and `due` see it. */
export interface ContentSnapshot {
  /** The digest of the site's code the stories were read with (src/lib/pipeline-digest.ts). */
  code: string;
  /** The content folder, resolved. */
  root: string;
  /** When the reading began (ms): a file changed since is not trusted (`RACY_MS`). */
  since: number;
  /** Every file of the folder, by path relative to it (forward slashes). */
  files: Record<string, FileEntry>;
  /** The stories a build can publish (drafts left out), as the time rules read them. */
  stories: TimedStory[];
  /**
   * The content's digest: every story a build can publish (its file and
   * text) and every file that is not Markdown (pictures), by its bytes.
   * Drafts, README.md and other Markdown the build ignores do not count: an
   * edit to a draft changes nothing a build publishes.
   */
  digest: string;
}

/** An article as a snapshot takes it: its file, its text as the rules read it, and its times. */
export interface SnapshotArticle {
  /** Path on disk. */
  path: string;
  text: string;
  /** Its times; the snapshot names its file. */
  story: Omit<TimedStory, "file">;
}

/** The files of a content folder with their stats, by path relative to it, as the rules walk it. */
export function folderFiles(dir: string): Map<string, Stats> {
  const root = realPath(dir) ?? dir;
  const files = new Map<string, Stats>();
  const seen = new Set<string>([root]);
  // Paths joined by hand: at 10,000 files, node:path's normalising was a
  // tenth of the walk.
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      // Hidden files and folders are no part of the content (src/editor/check-content.ts).
      if (entry.name.startsWith(".")) continue;
      const path = `${folder}${sep}${entry.name}`;
      let stats: Stats;
      if (entry.isSymbolicLink()) {
        // Followed while they stay inside the folder, as the rules follow them.
        const target = realPath(path);
        if (!target || !isInside(root, target) || seen.has(target)) continue;
        seen.add(target);
        stats = statSync(target);
      } else if (entry.isDirectory() || entry.isFile()) {
        stats = statSync(path);
      } else continue;
      if (stats.isDirectory()) walk(path, `${prefix}${entry.name}/`);
      else if (stats.isFile()) files.set(`${prefix}${entry.name}`, stats);
    }
  };
  walk(root, "");
  return files;
}

/**
 * The digest of the site's code (src/lib/pipeline-digest.ts) as the build's
 * loader and `npm run check` take it, for the readings cache too: of the
 * project folder with a trailing slash, as Astro's root URL gives it (the
 * digest hashes each file's path after it).
 */
export function codeDigest(projectRoot: string): string {
  return pipelineDigest(projectRoot.endsWith(sep) ? projectRoot : `${projectRoot}${sep}`, {});
}

/** A text's or a file's digest, as snapshots keep them. */
const sha1 = (data: string | Uint8Array) => createHash("sha1").update(data).digest("hex");

/**
 * The snapshot of a content folder: `articles` are the stories the rules read
 * (drafts included or not: they are left out), `since` when the reading
 * began. Files that are not Markdown are digested from their bytes, or taken
 * from `previous` while their size and time are the same.
 */
export function takeSnapshot(
  dir: string,
  articles: readonly SnapshotArticle[],
  options: { code: string; since: number; previous?: ContentSnapshot | undefined },
): ContentSnapshot {
  const root = realPath(dir) ?? dir;
  const stats = folderFiles(root);
  const files: Record<string, FileEntry> = {};
  for (const [file, stat] of stats) files[file] = [stat.size, stat.mtimeMs];
  // A file's digest is taken again from the last snapshot while its size and
  // time are the same (as make and git trust them): hashing every story and
  // picture again was most of this at 10,000 stories.
  const previous = options.previous?.root === root ? options.previous : undefined;
  const kept = (file: string, entry: FileEntry | undefined) => {
    const before = previous?.files[file];
    return before?.[2] !== undefined && entry && trusted(before, entry, previous?.since ?? 0)
      ? before[2]
      : undefined;
  };
  const stories: TimedStory[] = [];
  const prefix = `${root}${sep}`;
  for (const { path, text, story } of articles) {
    if (story.draft) continue;
    const file = (path.startsWith(prefix) ? path.slice(prefix.length) : relative(root, path))
      .split(sep)
      .join("/");
    const entry = files[file];
    // Else the text the rules read, not the file as it may be by now (a file
    // gone since is kept with no size, which no later walk matches).
    files[file] = [entry?.[0] ?? -1, entry?.[1] ?? 0, kept(file, entry) ?? sha1(text)];
    stories.push({ ...story, file });
  }
  for (const [file, entry] of Object.entries(files)) {
    if (file.endsWith(".md")) continue;
    entry[2] = kept(file, entry) ?? sha1(readFileSync(join(root, file)));
  }
  return {
    code: options.code,
    root,
    since: options.since,
    files,
    stories,
    digest: contentDigest(files),
  };
}

/** Whether a kept entry still stands for a file: same size and time, and not changed around its reading. */
function trusted(kept: FileEntry, now: FileEntry, since: number): boolean {
  return kept[0] === now[0] && kept[1] === now[1] && kept[1] < since - RACY_MS;
}

/** The digest of what counts in a folder: every file with a digest, in path order. */
function contentDigest(files: Record<string, FileEntry>): string {
  const hash = createHash("sha256");
  for (const file of Object.keys(files).sort()) {
    const digest = files[file]?.[2];
    if (digest !== undefined) hash.update(`${file}\0${digest}\n`);
  }
  return `sha256:${hash.digest("hex")}`;
}

/**
 * Whether a snapshot still describes the folder: taken with the same code,
 * of the same folder, and every file there with the same size and time as
 * then, none added or removed, none changed around the time it was taken.
 * Costs one walk of the folder and a stat per file.
 */
export function snapshotHolds(snapshot: ContentSnapshot, dir: string, code: string): boolean {
  const root = realPath(dir) ?? dir;
  if (snapshot.root !== root || snapshot.code !== code) return false;
  const files = folderFiles(root);
  if (files.size !== Object.keys(snapshot.files).length) return false;
  for (const [file, stat] of files) {
    const kept = snapshot.files[file];
    if (!kept || !trusted(kept, [stat.size, stat.mtimeMs], snapshot.since)) return false;
  }
  return true;
}

/**
 * The files whose digest differs between two snapshots of a folder (added,
 * changed or removed among those that count), in path order.
 */
export function changedFiles(before: ContentSnapshot, after: ContentSnapshot): string[] {
  const changed: string[] = [];
  const paths = new Set([...Object.keys(before.files), ...Object.keys(after.files)]);
  for (const file of [...paths].sort()) {
    if (before.files[file]?.[2] !== after.files[file]?.[2]) changed.push(file);
  }
  return changed;
}

/** Keeps a snapshot in the cache folder; a folder that cannot be written costs the next `due` its speed only. */
export function saveSnapshot(file: string, snapshot: ContentSnapshot): void {
  const stories = snapshot.stories.map(
    ({ published, lastChange, latestUpdate, ...rest }): KeptStory => ({
      ...rest,
      published: published.getTime(),
      lastChange: lastChange.getTime(),
      ...(latestUpdate ? { latestUpdate: latestUpdate.getTime() } : {}),
    }),
  );
  try {
    writeWhole(file, JSON.stringify({ ...snapshot, stories }));
  } catch {
    // Nothing is lost: the next `due` reads the folder again.
  }
}

/** The snapshot kept in `file`, if there is a readable one. */
export function loadSnapshot(file: string): ContentSnapshot | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, "utf8")) as Omit<ContentSnapshot, "stories"> & {
      stories: KeptStory[];
    };
    if (!Array.isArray(kept.stories) || typeof kept.files !== "object") return undefined;
    return {
      ...kept,
      stories: kept.stories.map((story) => ({
        ...story,
        published: new Date(story.published),
        lastChange: new Date(story.lastChange),
        latestUpdate: story.latestUpdate === undefined ? undefined : new Date(story.latestUpdate),
      })),
    };
  } catch {
    return undefined;
  }
}
