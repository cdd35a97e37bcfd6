import type { UnifiedProcessorOptions } from "@astrojs/markdown-remark";
import rehypeBaseLinks from "./rehype-base-links.ts";
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
 * 3. rehype-sanitize-html after every remark plugin, so it also checks what
 *    they produced;
 * 4. rehype-base-links after the sanitizer, so the deployment's base path
 *    (`base`, e.g. "/news/") goes onto exactly the links that survive.
 * The site's settings come in as options (astro.config.ts passes them from
 * the site context), so no plugin reads the config itself.
 * Astro then adds heading ids and image handling.
 *
 * GFM, SmartyPants and syntax highlighting are off: news copy rarely needs
 * them, and they multiply the cost of rendering an archive.
 */
export function markdownOptionsFor(site: MarkdownSite): UnifiedProcessorOptions {
  return {
    gfm: false,
    smartypants: false,
    remarkPlugins: [
      remarkTypography,
      [remarkDateline, { shortName: site.shortName }],
      [remarkLiveUpdates, { timeZone: site.timeZone }],
    ],
    rehypePlugins: [rehypeSanitizeHtml, [rehypeBaseLinks, { base: site.base }]],
  };
}

/** What the pipeline needs of the site: a subset of the site context. */
export interface MarkdownSite {
  /** The deployment's base path, e.g. "/news/". */
  base: string;
  /** The newsroom's time zone, for update times. */
  timeZone: string;
  /** The default source of a dateline. */
  shortName: string;
}
