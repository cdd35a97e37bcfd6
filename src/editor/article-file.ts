import { dump } from "js-yaml";
import type { Root } from "mdast";
import remarkStringify from "remark-stringify";
import { unified } from "unified";

/**
 * Markdown for plain paragraphs, produced through remark from a syntax tree,
 * so that `*`, `_`, `#`, `<`, `[` and the like in the text are escaped and
 * never become formatting or HTML.
 *
 * @example markdownFromParagraphs(["*Not* a [link]"]) // "\\*Not\\* a \\[link]\n"
 */
export function markdownFromParagraphs(paragraphs: readonly string[]): string {
  const tree: Root = {
    type: "root",
    children: paragraphs.map((text) => ({
      type: "paragraph",
      children: [{ type: "text", value: text }],
    })),
  };
  return unified().use(remarkStringify).stringify(tree);
}

/**
 * An article file: YAML frontmatter with the fields in the order given
 * (undefined and empty lists left out), then the Markdown body.
 */
export function articleFile(frontmatter: Record<string, unknown>, body: string): string {
  const fields = Object.fromEntries(
    Object.entries(frontmatter).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
  const header = dump(fields, { lineWidth: -1, noRefs: true });
  return `---\n${header}---\n\n${body.trimEnd()}\n`;
}
