/**
 * The key of a refused story's data in `astro dev`: the loader
 * (src/editor/article-loader.ts) stores the problems of an edit the rules
 * refused under it, and the article reader shows them in Astro's error
 * overlay instead of the last good version of the story.
 */
export const REFUSED = "__datelineRefused";

/** The refusal messages among collection entries, if any. */
export function refusals(entries: readonly { data: unknown }[]): string[] {
  return entries.flatMap((entry) => {
    const message = (entry.data as Record<string, unknown>)[REFUSED];
    return typeof message === "string" ? [message] : [];
  });
}
