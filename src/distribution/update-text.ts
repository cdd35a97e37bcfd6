import type { Nodes, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { smarten } from "../lib/typography.ts";
import { parseHeading, type LiveUpdate } from "../news/live-updates.ts";

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
 * Update headings are recognised by the same parser as the page's
 * (`parseHeading`), and matched to `updates` by time, in the file's order.
 */
export function updateTexts(
  markdown: string,
  updates: readonly LiveUpdate[],
  timeZone: string,
): Map<string, string> {
  const sections: { time: number; blocks: string[] }[] = [];
  let current: { time: number; blocks: string[] } | undefined;
  for (const node of fromMarkdown(markdown).children) {
    if (node.type === "heading" && node.depth <= 2) {
      const parsed = node.depth === 2 ? parseHeading(toString(node), timeZone) : undefined;
      current = parsed?.kind === "update" ? { time: parsed.time.getTime(), blocks: [] } : undefined;
      if (current) sections.push(current);
      continue;
    }
    const text = current ? blockText(node).trim() : "";
    if (current && text) current.blocks.push(text);
  }
  const texts = new Map<string, string>();
  for (const update of [...updates].sort((a, b) => a.time.getTime() - b.time.getTime())) {
    const index = sections.findIndex((section) => section.time === update.time.getTime());
    const [section] = index >= 0 ? sections.splice(index, 1) : [];
    if (section) texts.set(update.id, smarten(section.blocks.join("\n\n")));
  }
  return texts;
}
