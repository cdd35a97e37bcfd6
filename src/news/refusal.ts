/**
 * The key of a refused story's data in `astro dev`: the loader
 * (src/editor/article-loader.ts) stores the problems of an edit the rules
 * refused under it, and the story's page shows them (a 500 with Astro's
 * error overlay) instead of any version of the story; other pages leave the
 * story out and keep serving.
 */
export const REFUSED = "__datelineRefused";

/** The key of a refused story's page, where it was before the refused edit (if it had one). */
export const REFUSED_PATH = "__datelineRefusedPath";

/** A refused story in `astro dev`: its problems, and the page that shows them. */
export interface Refusal {
  message: string;
  /** Site-relative permalink of the story's last good version; none for a story never accepted. */
  path?: string;
}

/** The refusal an entry carries, if it is one. */
export function refusalOf(entry: { data: unknown }): Refusal | undefined {
  const data = entry.data as Record<string, unknown>;
  const message = data[REFUSED];
  if (typeof message !== "string") return undefined;
  const path = data[REFUSED_PATH];
  return typeof path === "string" ? { message, path } : { message };
}

/** The refusals among collection entries, if any. */
export function refusals(entries: readonly { data: unknown }[]): Refusal[] {
  return entries.flatMap((entry) => refusalOf(entry) ?? []);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * The page a refused story's URL answers in `astro dev`, with status 500:
 * the rules' messages as they are, readable by a browser and by a plain
 * client alike (Astro's error overlay needs its script to show anything).
 *
 * @example refusalPage("x.md:2  headline  expected text; found nothing")
 */
export function refusalPage(message: string): string {
  const text = message.replace(/[&<>"]/g, (character) => ESCAPES[character] ?? character);
  return [
    "<!doctype html>",
    '<html lang="en">',
    '<meta charset="utf-8">',
    "<title>Edit refused</title>",
    "<h1>This story's last edit was refused</h1>",
    `<pre style="white-space: pre-wrap">${text}</pre>`,
    "<p>Fix the file and save it: this page shows the story again.</p>",
    "</html>",
  ].join("\n");
}
