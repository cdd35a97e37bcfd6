import {
  rehypeHeadingIds,
  remarkCollectImages,
  type AstroMarkdownOptions,
  type MarkdownRenderer,
} from "@astrojs/markdown-remark";
import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified, type PluggableList } from "unified";
import { VFile } from "vfile";
import { hasRaw } from "./rehype-sanitize-html.ts";
import type { SiteMarkdown } from "./site-markdown.ts";

/**
 * Astro's Markdown renderer (`createMarkdownProcessor` in
 * @astrojs/markdown-remark) ends every story with rehype-images and
 * rehype-raw. For a story with no image and no raw HTML, rehype-images
 * returns at once, and rehype-raw only passes the finished tree through
 * parse5 and back: a quarter to a third of the story's rendering time, for
 * the same tree.
 * Most news copy is such a story.
 *
 * This renders those stories with Astro's pipeline less those two steps (the
 * same plugins, in the same order, with the same options), and every other
 * story with Astro's renderer itself: one whose text has `<` or `![` (raw
 * HTML or an image may be in it), and, checked once the tree is made, one in
 * which raw HTML or an image did turn up. A test renders the fixture site's
 * stories and a generated archive both ways and compares them byte for byte
 * (tests/unit/lean-renderer.test.ts), so a new Astro that renders otherwise
 * is caught there.
 *
 * The lean renderer is only made where Astro's pipeline is the one copied:
 * GFM, SmartyPants and syntax highlighting off, every plugin a function.
 */
export function leanWhereSafe(
  astro: MarkdownRenderer,
  options: SiteMarkdown["options"],
  shared: AstroMarkdownOptions,
): MarkdownRenderer {
  const remarkPlugins = functionPlugins(options.remarkPlugins);
  const rehypePlugins = functionPlugins(options.rehypePlugins);
  // As Astro settles them: the processor's, else the deprecated shared ones, else on.
  const gfm = options.gfm ?? shared.gfm ?? true;
  const smartypants = options.smartypants ?? shared.smartypants ?? true;
  if (
    !remarkPlugins ||
    !rehypePlugins ||
    gfm !== false ||
    smartypants !== false ||
    shared.syntaxHighlight ||
    process.env["ASTRO_PERFORMANCE_BENCHMARK"]
  ) {
    return astro;
  }
  const processor = unified()
    .use(remarkParse)
    .use(remarkPlugins)
    .use(remarkCollectImages, shared.image)
    .use(remarkRehype, { allowDangerousHtml: true, passThrough: [], ...options.remarkRehype })
    .use(markRaw)
    .use(rehypePlugins)
    .use(rehypeHeadingIds)
    .use(rehypeStringify, { allowDangerousHtml: true });
  return {
    async render(content, renderOptions) {
      if (content.includes("<") || content.includes("![")) {
        return astro.render(content, renderOptions);
      }
      const file = new VFile({
        value: content,
        path: renderOptions?.fileURL,
        data: { astro: { frontmatter: renderOptions?.frontmatter ?? {} } },
      });
      let tree: HastRoot;
      try {
        tree = (await processor.run(processor.parse(file) as MdastRoot, file)) as HastRoot;
      } catch {
        // Astro's renderer fails it as Astro does (its message names the file).
        return astro.render(content, renderOptions);
      }
      const astroData = file.data.astro ?? {};
      if (
        file.data[RAW_SEEN] ||
        astroData.localImagePaths?.length ||
        astroData.remoteImagePaths?.length
      ) {
        return astro.render(content, renderOptions);
      }
      return {
        code: processor.stringify(tree, file),
        metadata: {
          headings: astroData.headings ?? [],
          localImagePaths: astroData.localImagePaths ?? [],
          remoteImagePaths: astroData.remoteImagePaths ?? [],
          frontmatter: astroData.frontmatter ?? {},
        },
      };
    },
  };
}

/** Where markRaw notes that the tree had raw HTML (then Astro's renderer renders the story). */
const RAW_SEEN = "datelineRawHtml";

declare module "vfile" {
  interface DataMap {
    [RAW_SEEN]: boolean;
  }
}

/** Notes raw HTML in the tree remark-rehype made (raw nodes, which only rehype-raw parses). */
function markRaw() {
  return (tree: HastRoot, file: VFile): undefined => {
    if (hasRaw(tree)) file.data[RAW_SEEN] = true;
  };
}

/** The plugins as unified takes them, when each is a function (Astro also loads them by name). */
function functionPlugins(plugins: readonly unknown[]): PluggableList | undefined {
  const list: PluggableList = [];
  for (const entry of plugins) {
    const [plugin, settings] = Array.isArray(entry) ? entry : [entry];
    if (typeof plugin !== "function") return undefined;
    list.push(settings === undefined ? plugin : [plugin, settings]);
  }
  return list;
}
