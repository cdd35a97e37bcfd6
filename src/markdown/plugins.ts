import type { UnifiedProcessorOptions } from "@astrojs/markdown-remark";
import rehypeSanitizeHtml from "./rehype-sanitize-html.ts";
import remarkDateline from "./remark-dateline.ts";
import remarkLiveUpdates from "./remark-live-updates.ts";
import remarkTypography from "./remark-typography.ts";

/**
 * The Markdown pipeline, in the one order that works:
 * 1. remark-typography before remark-dateline, so the dateline's own dash
 *    and the editor's text are never re-processed;
 * 2. remark-live-updates after remark-dateline, so the dateline leads the
 *    story's first paragraph rather than the newest update;
 * 3. rehype-sanitize-html last among ours, so it also checks what the remark
 *    plugins produced. Astro then adds heading ids and image handling.
 *
 * GFM, SmartyPants and syntax highlighting are off: news copy rarely needs
 * them, and they multiply the cost of rendering an archive.
 */
export const markdownOptions: UnifiedProcessorOptions = {
  gfm: false,
  smartypants: false,
  remarkPlugins: [remarkTypography, remarkDateline, remarkLiveUpdates],
  rehypePlugins: [rehypeSanitizeHtml],
};
