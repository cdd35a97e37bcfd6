import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { writeWhole } from "../lib/write-whole.ts";
import { relatedStories, type RelatedInput, type RelatedPick } from "./related.ts";

interface Remembered {
  key: string;
  picks: RelatedPick[];
}

let last: Remembered | undefined;

/** How many times the picks were worked out rather than remembered: for tests. */
export const relatedRuns = { count: 0 };

/**
 * `relatedStories(items)`, remembered while the items are the same: relating
 * the whole archive takes about a second at 10,000 stories, and an edit to a
 * story's text (a correction, an update) leaves every headline, summary,
 * section and tag as it was. Kept in memory (for `astro dev`, where every
 * edit recomputes the listings) and, given `file`, for the next build. The
 * key is a digest of the items in order and of `version`, the code that
 * relates them (src/lib/pipeline-digest.ts), so what is reused is what
 * would be worked out again. A new or removed story changes the key.
 */
export function rememberedRelated(
  items: readonly RelatedInput[],
  options: { version: string; file?: string | undefined },
): RelatedPick[] {
  const known = recalledRelated(items, options);
  if (known) return known;
  const key = keyOf(items, options.version);
  relatedRuns.count++;
  last = { key, picks: relatedStories(items) };
  if (options.file) {
    try {
      writeWhole(options.file, JSON.stringify(last));
    } catch {
      // A cache that cannot be written costs the next build a second, nothing more.
    }
  }
  return last.picks;
}

/** The picks remembered for exactly these items (in memory, else in `file`), if any. */
export function recalledRelated(
  items: readonly RelatedInput[],
  options: { version: string; file?: string | undefined },
): RelatedPick[] | undefined {
  const key = keyOf(items, options.version);
  if (last?.key === key) return last.picks;
  const saved = options.file ? readRemembered(options.file) : undefined;
  if (saved?.key !== key) return undefined;
  last = saved;
  return saved.picks;
}

/** The picks this process worked out or recalled last, whatever items they were for. */
export function lastRelated(): RelatedPick[] | undefined {
  return last?.picks;
}

function keyOf(items: readonly RelatedInput[], version: string): string {
  return createHash("sha1").update(version).update(JSON.stringify(items)).digest("hex");
}

/** Forgets what this process remembered (a test's stand-in for a new process). */
export function forgetRelated(): void {
  last = undefined;
}

function readRemembered(file: string): Remembered | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Remembered;
  } catch {
    return undefined;
  }
}
