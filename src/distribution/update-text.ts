import type { Nodes, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { smarten } from "../lib/typography.ts";
import { scanUpdates } from "../news/live-updates.ts";

/** A block of Markdown as plain text: list items one a line, raw HTML left out. */
function blockText(node: RootContent): string {
  if (node.type === "html") return "";
  if (node.type === "list") return node.children.map((item) => toString(item as Nodes)).join("\n");
  return toString(node as Nodes);
}

/**
 * Each live update's text, as plain text with typographer's quotes, by the
 * update's anchor id: what follows the update's heading up to the next
 * level-1 or level-2 heading. For the `articleBody` of each update in the
 * story's structured data.
 *
 * The updates are found by `scanUpdates`, the one reader the page, the build
 * and the check share, so the ids are the page's anchors.
 */
export function updateTexts(markdown: string, timeZone: string): Map<string, string> {
  const tree = fromMarkdown(markdown);
  const { updates } = scanUpdates(tree, { timeZone });
  const texts = new Map<string, string>();
  for (const update of updates) {
    const blocks: string[] = [];
    for (const node of tree.children.slice(update.index + 1)) {
      if (node.type === "heading" && node.depth <= 2) break;
      const text = blockText(node).trim();
      if (text) blocks.push(text);
    }
    texts.set(update.id, smarten(blocks.join("\n\n")));
  }
  return texts;
}
