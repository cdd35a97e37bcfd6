import { permalink, slugFromId } from "../lib/permalink.ts";

/** The least an article needs to be placed on the site. */
export interface IndexableArticle {
  id: string;
  /** The file the article came from, relative to the project, for error messages. */
  filePath?: string | undefined;
  data: { published: Date; section: string; draft: boolean };
}

/** An article with its place on the site worked out once. */
export interface Placed<T extends IndexableArticle> {
  entry: T;
  slug: string;
  /** Site-relative permalink, without the base path. */
  path: string;
}

/** Raised when two articles would be written to the same URL. */
export class DuplicatePermalinkError extends Error {
  constructor(path: string, files: readonly string[]) {
    super(
      `Two articles have the same permalink ${path}: ${files.join(" and ")}. ` +
        "Expected each article to have its own URL (publication day, section and file name); " +
        "rename one of the files or change its section.",
    );
    this.name = "DuplicatePermalinkError";
  }
}

/**
 * Places every article (drafts only when `includeDrafts`), newest first, and
 * fails on two articles sharing a permalink rather than letting one silently
 * overwrite the other. Ties in publication time are broken by path so the
 * order never depends on file-system order.
 */
export function placeArticles<T extends IndexableArticle>(
  entries: readonly T[],
  options: { timeZone: string; includeDrafts: boolean },
): Placed<T>[] {
  const placed: Placed<T>[] = [];
  const byPath = new Map<string, T>();
  for (const entry of entries) {
    if (entry.data.draft && !options.includeDrafts) continue;
    const slug = slugFromId(entry.id);
    const path = permalink({ ...entry.data, slug }, options.timeZone);
    const other = byPath.get(path);
    if (other) {
      throw new DuplicatePermalinkError(path, [
        other.filePath ?? other.id,
        entry.filePath ?? entry.id,
      ]);
    }
    byPath.set(path, entry);
    placed.push({ entry, slug, path });
  }
  return placed.sort(
    (a, b) =>
      b.entry.data.published.getTime() - a.entry.data.published.getTime() ||
      a.path.localeCompare(b.path),
  );
}
