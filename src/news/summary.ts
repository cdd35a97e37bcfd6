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
  // Most stories open with plain text: no parser is needed for it.
  const first = blocks[0] ?? "";
  if (isPlainParagraph(first)) {
    const text = first.replace(/\s+/g, " ").trim();
    if (text !== "") return smarten(text);
  }
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

/** Letters, digits, spaces and punctuation that mean nothing to Markdown. */
const INERT = /^[\p{L}\p{N}\p{M} ,.;:'"?()%$€£@/\u00a0\u2018\u2019\u201c\u201d\u2013\u2014+=-]*$/u;

/**
 * Whether a block of text is one paragraph whose text is the block's own, as
 * a Markdown parser reads it: only inert characters, and no line that is
 * empty, indented, ends in spaces (a hard break), or starts as a list item
 * or a heading's underline could.
 */
function isPlainParagraph(block: string): boolean {
  if (!INERT.test(block)) return false;
  for (const line of block.split("\n")) {
    if (line.trim() === "" || line.startsWith(" ") || line.endsWith(" ")) return false;
    if (/^(\d+[.)]|[-+=])/.test(line)) return false;
  }
  return true;
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
