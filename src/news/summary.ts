import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { smarten } from "../lib/typography.ts";

/**
 * The plain text of an article's first paragraph, for where a summary is
 * needed and the editor gave none (meta description, listings, feeds).
 *
 * Only the leading blocks are parsed, not the whole article: the first
 * paragraph is all that is needed, and this runs once per article per build.
 * Quotes and dashes are set as in the rendered article.
 *
 * @example firstParagraph("## Heading\n\nFirst *real* text.\n\nSecond.") // "First real text."
 */
export function firstParagraph(markdown: string): string {
  const blocks = markdown.split(/\n\s*\n/);
  for (const block of blocks.slice(0, 12)) {
    const tree = fromMarkdown(block);
    const paragraph = tree.children.find((node) => node.type === "paragraph");
    if (!paragraph) continue;
    const text = toString(paragraph, { includeHtml: false, includeImageAlt: false })
      .replace(/\s+/g, " ")
      .trim();
    if (text !== "") return smarten(text);
  }
  return "";
}

/**
 * Shortens text to at most `max` characters at a word boundary, adding an
 * ellipsis when anything was cut.
 *
 * @example truncate("The quick brown fox", 12) // "The quick…"
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}
