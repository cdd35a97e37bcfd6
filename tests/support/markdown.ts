import { createMarkdownProcessor } from "@astrojs/markdown-remark";
import { markdownOptions } from "../../src/markdown/plugins.ts";

const processor = createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });

/** Renders Markdown through exactly the pipeline the site uses. */
export async function renderMarkdown(
  markdown: string,
  frontmatter: Record<string, unknown> = {},
): Promise<string> {
  const result = await (await processor).render(markdown, { frontmatter });
  return result.code;
}
