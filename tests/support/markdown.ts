import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import { markdownOptionsFor } from "../../src/markdown/plugins.ts";
import { site } from "../../src/site/site.ts";

const processor = createMarkdownProcessor({
  ...markdownOptionsFor({ base: "/", timeZone: site.timeZone, shortName: site.shortName }),
  syntaxHighlight: false,
});

/** Renders Markdown through exactly the pipeline the site uses. */
export async function renderMarkdown(
  markdown: string,
  frontmatter: Record<string, unknown> = {},
): Promise<string> {
  const result = await (await processor).render(markdown, { frontmatter });
  return result.code;
}
