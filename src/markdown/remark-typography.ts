import type { Nodes, Parents, Root } from "mdast";

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

const WORD = /[\p{L}\p{N}]/u;
const OPENS_AFTER = /[\s([{\u2014\u2013\-/\u201c\u2018]/u;

/**
 * Replaces straight punctuation in one run of text. `before` is the character
 * that precedes the run in its block (a space at the start of the block).
 *
 * @example smarten(`"Don't," he said -- twice...`, " ") // “Don’t,” he said — twice…
 */
export function smarten(text: string, before = " "): string {
  const dashed = text.replace(/-{2,3}/g, "\u2014").replace(/\.\.\./g, "\u2026");
  let out = "";
  let previous = before;
  for (let i = 0; i < dashed.length; i++) {
    const char = dashed.charAt(i);
    let next = char;
    if (char === '"') {
      next = OPENS_AFTER.test(previous) ? "\u201c" : "\u201d";
    } else if (char === "'") {
      if (WORD.test(previous) || /\d/.test(dashed.charAt(i + 1))) next = "\u2019";
      else next = OPENS_AFTER.test(previous) ? "\u2018" : "\u2019";
    }
    out += next;
    previous = next;
  }
  return out;
}
