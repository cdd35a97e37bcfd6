/**
 * The deepest nesting a story may use: block quotes and lists inside each
 * other, and raw HTML elements inside each other. News copy rarely goes past
 * three or four; the Markdown parser and the HTML tools recurse per level and
 * overflow the stack somewhere in the thousands, taking the whole story with them.
 */
export const MAX_NESTING = 20;

/** A container at the start of a line: `>` or a list marker followed by a space. */
const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Opening tags of raw HTML elements that nest: not void elements, nor those HTML closes by itself (p, li, td…). */
const OPEN_TAG =
  /<(?!(?:area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr|p|li|dt|dd|tr|td|th|thead|tbody|tfoot|option|colgroup|caption|rt|rp|optgroup)\b)[a-z][a-z0-9-]*\b[^<>]*(?<!\/)>/gi;
const CLOSE_TAG = /<\/[a-z][a-z0-9-]*\s*>/gi;

/**
 * The first line of a Markdown body nested deeper than `limit`, found by a
 * scan of each line's leading markers and indentation and of raw HTML tags,
 * before any parser runs: linear time, no recursion.
 *
 * Each `>` or list marker at a line's start is a level; so is every two
 * columns of indentation (a nested list indents its items by two or more),
 * so a list that nests by indentation alone is caught too.
 * Fenced code is skipped.
 *
 * @example deepestNesting("> > quote\n", 1) // { index: 0, depth: 2 }
 */
export function deepestNesting(
  body: string,
  limit = MAX_NESTING,
): { index: number; depth: number; kind: "quotes and lists" | "HTML elements" } | undefined {
  let fence: string | undefined;
  let htmlDepth = 0;
  const lines = body.split("\n");
  for (const [index, line] of lines.entries()) {
    const marker = FENCE.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence) continue;
    // Indentation before the first marker nests too: two columns a level.
    const lead = /^[ \t]*/.exec(line)?.[0] ?? "";
    let rest = line.slice(lead.length);
    let depth = Math.floor(lead.replace(/\t/g, "    ").length / 2);
    for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(match[0].length);
      if (depth > limit) break;
    }
    const indent = /^[ \t]*/.exec(rest)?.[0] ?? "";
    depth += Math.floor(indent.replace(/\t/g, "    ").length / 2);
    if (depth > limit) return { index, depth: countDepth(line), kind: "quotes and lists" };
    if (line.includes("<")) {
      const opened = line.match(OPEN_TAG)?.length ?? 0;
      const closed = line.match(CLOSE_TAG)?.length ?? 0;
      if (htmlDepth + opened > limit) {
        return { index, depth: htmlDepth + opened, kind: "HTML elements" };
      }
      htmlDepth = Math.max(0, htmlDepth + opened - closed);
    }
  }
  return undefined;
}

/** The full depth of one line's markers, for the message (the scan stops at the limit). */
function countDepth(line: string): number {
  const lead = /^[ \t]*/.exec(line)?.[0] ?? "";
  let depth = Math.floor(lead.replace(/\t/g, "    ").length / 2);
  let rest = line.slice(lead.length);
  for (let match = CONTAINER.exec(rest); match; match = CONTAINER.exec(rest)) {
    depth++;
    rest = rest.slice(match[0].length);
  }
  return depth;
}
