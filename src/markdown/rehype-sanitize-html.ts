import type { Root, RootContent } from "hast";
import { raw } from "hast-util-raw";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import type { VFile } from "vfile";

/**
 * What may survive from an article's Markdown: GitHub's allow-list (no
 * script, iframe, style, event handlers or `javascript:` URLs), plus the
 * dateline span that remark-dateline adds. Ids are kept unprefixed, since
 * Astro assigns heading ids after this step anyway.
 */
export const articleSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: "",
  attributes: {
    ...defaultSchema.attributes,
    span: [...(defaultSchema.attributes?.["span"] ?? []), ["className", "dateline"]],
  },
};

/**
 * Sanitizes the rendered article. Raw HTML typed into the Markdown is parsed
 * first (only when there is any: most stories have none, and parsing costs a
 * walk through parse5), so that an ordinary `<a href>` survives and a
 * `<script>` does not.
 */
export default function rehypeSanitizeHtml() {
  return (tree: Root, file: VFile): Root => {
    const parsed = hasRaw(tree) ? (raw(tree, { file }) as Root) : tree;
    return sanitize(parsed, articleSchema) as Root;
  };
}

/** Any node of a type `hast` does not define: mdast-util-to-hast's `raw`. */
function hasRaw(node: Root | RootContent): boolean {
  if ((node.type as string) === "raw") return true;
  return "children" in node && node.children.some(hasRaw);
}
