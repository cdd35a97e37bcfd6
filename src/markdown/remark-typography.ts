import type { Nodes, Parents, Root } from "mdast";
import { smarten } from "../lib/typography.ts";

/**
 * Typographer's quotes, dashes and ellipses: `"` → “ ”, `'` → ‘ ’, `--` → —,
 * `...` → …. A lean stand-in for remark-smartypants, which costs about twice
 * the rest of the Markdown pipeline (see the article-page issue's figures);
 * news copy needs only these four replacements.
 *
 * Quotes are decided by the character before them, carried across inline
 * formatting (so `"*word*"` gets an opening and a closing quote) and reset at
 * each block. Code is left alone.
 */
export default function remarkTypography() {
  return (tree: Root): undefined => {
    walkBlocks(tree);
  };
}

/** Blocks whose children are running text. */
const PHRASING_BLOCKS = new Set(["paragraph", "heading", "tableCell"]);

function walkBlocks(node: Nodes): void {
  if (PHRASING_BLOCKS.has(node.type)) {
    const state = { previous: " " };
    walkPhrasing(node as Parents, state);
    return;
  }
  if ("children" in node) for (const child of node.children) walkBlocks(child);
}

function walkPhrasing(node: Parents, state: { previous: string }): void {
  for (const child of node.children) {
    if (child.type === "text") {
      child.value = smarten(child.value, state.previous);
      state.previous = child.value.at(-1) ?? state.previous;
    } else if (child.type === "inlineCode") {
      state.previous = "x";
    } else if ("children" in child) {
      walkPhrasing(child, state);
    }
  }
}
