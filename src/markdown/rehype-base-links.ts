import type { Element, Root, RootContent } from "hast";

/**
 * The attributes that carry a URL in article HTML. (`srcset` never reaches
 * this step: the sanitizer before it does not let it through.)
 */
const URL_PROPERTIES = ["href", "src"] as const;

/** Options: the deployment's base path, e.g. "/news/" (Astro's `base`). */
export interface BaseLinksOptions {
  base: string;
}

/**
 * The site path as it is served under `base`; anything else (relative paths,
 * fragments, other origins, protocol-relative URLs) is left as written.
 *
 * @example underBase("/2020/05/26/politics/x/", "/news/") // "/news/2020/05/26/politics/x/"
 * @example underBase("//cdn.example/x.png", "/news/") // "//cdn.example/x.png"
 */
export function underBase(url: string, base: string): string {
  if (!url.startsWith("/") || url.startsWith("//")) return url;
  return `${base.replace(/\/+$/, "")}${url}`;
}

/**
 * Puts the deployment's base path in front of the site paths editors write
 * (`[the earlier story](/2020/05/26/politics/x/)`, `![](/maps/storm.png)`), so
 * they lead where they should when the site lives under a sub-path such as
 * GitHub Pages' `/<repository>/`. Every path is prefixed, even one that
 * already starts with the base: `/news/` is also the News section's address.
 * A no-op under the root base.
 */
export default function rehypeBaseLinks(options: BaseLinksOptions) {
  const { base } = options;
  return (tree: Root): undefined => {
    if (base === "/" || base === "") return;
    visit(tree, (element) => {
      for (const name of URL_PROPERTIES) {
        const value = element.properties[name];
        if (typeof value === "string") element.properties[name] = underBase(value, base);
      }
    });
  };
}

function visit(node: Root | RootContent, each: (element: Element) => void): void {
  if (node.type === "element") each(node);
  if ("children" in node) for (const child of node.children) visit(child, each);
}
