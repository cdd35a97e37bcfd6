import type { Root, RootContent } from "hast";
import { raw } from "hast-util-raw";
import { defaultSchema, sanitize, type Schema } from "hast-util-sanitize";
import type { VFile } from "vfile";

/**
 * What may survive from an article's Markdown: GitHub's allow-list (no
 * script, iframe, style, event handlers or `javascript:` URLs), plus the
 * dateline span that remark-dateline adds and the timeline markup that
 * remark-live-updates adds (`<time datetime>` is in the shared allow-list). Ids are kept unprefixed, since
 * Astro assigns heading ids after this step anyway.
 */
export const articleSchema: Schema = {
  ...defaultSchema,
  clobberPrefix: "",
  tagNames: [...(defaultSchema.tagNames ?? []), "time"],
  attributes: {
    ...defaultSchema.attributes,
    span: allowClasses("span", ["dateline", "update-title", "latest-mark"]),
    section: allowClasses("section", ["update", "is-latest", "key-points", "background"]),
    div: allowClasses("div", ["live-updates"]),
    p: allowClasses("p", ["update-day"]),
    h2: allowClasses("h2", ["update-time", "background-title"]),
    a: allowClasses("a", ["update-link"]),
  },
};

/**
 * An element's allowed attributes with more permitted class names. The
 * sanitizer reads only the first `className` rule of an element, so the new
 * names join the default rule rather than adding a second one.
 */
function allowClasses(
  tagName: string,
  classNames: string[],
): NonNullable<Schema["attributes"]>[string] {
  const rules = defaultSchema.attributes?.[tagName] ?? [];
  const isClassRule = (rule: (typeof rules)[number]) =>
    Array.isArray(rule) && rule[0] === "className";
  const existing = rules.find(isClassRule);
  const values = Array.isArray(existing) ? existing.slice(1) : [];
  return [...rules.filter((rule) => !isClassRule(rule)), ["className", ...values, ...classNames]];
}

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
export function hasRaw(node: Root | RootContent): boolean {
  if ((node.type as string) === "raw") return true;
  return "children" in node && node.children.some(hasRaw);
}
