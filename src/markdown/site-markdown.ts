import { unified } from "@astrojs/markdown-remark";
import { leanWhereSafe } from "./lean-renderer.ts";
import { markdownOptionsFor, type MarkdownSite } from "./plugins.ts";

/** Astro's unified Markdown processor; siteMarkdown's keeps the site settings it was made for. */
export type SiteMarkdown = ReturnType<typeof unified>;

/**
 * The site's Markdown processor: what astro.config.ts gives Astro. Its
 * options keep the settings it was made from (Astro's config keeps the
 * options object as it is, and drops other keys of the processor), so that
 * each thread of the content loader's render pool (render-pool.ts) can make
 * the same one.
 */
export function siteMarkdown(site: MarkdownSite): SiteMarkdown {
  const processor = unified(markdownOptionsFor(site));
  Object.assign(processor.options, { site: { ...site } });
  // Astro's renderer, and a leaner one for stories without images or raw
  // HTML, which Astro's ends with work that changes nothing (lean-renderer.ts).
  const astroRenderer = processor.createRenderer;
  processor.createRenderer = async (shared) =>
    leanWhereSafe(await astroRenderer(shared), processor.options, shared);
  return processor;
}

/** The settings a processor was made from by siteMarkdown; undefined for any other. */
export function siteOf(processor: unknown): MarkdownSite | undefined {
  const options = (processor as { options?: { site?: MarkdownSite } } | undefined)?.options;
  return typeof options?.site?.base === "string" ? options.site : undefined;
}

/**
 * What a unified processor is made of, as text: each plugin's name and
 * options, in order, and the remark-rehype, GFM and SmartyPants settings.
 * The render pool's threads render only for a processor with the same print,
 * so a plugin added to astro.config.ts's processor after siteMarkdown made
 * it is never left out.
 */
export function pipelineFingerprint(processor: { options: SiteMarkdown["options"] }): string {
  const plugins = (list: readonly unknown[]) =>
    list.map((entry) => {
      const [plugin, options] = Array.isArray(entry) ? entry : [entry];
      return [typeof plugin === "function" ? plugin.name : String(plugin), options ?? null];
    });
  const { remarkPlugins, rehypePlugins, remarkRehype, gfm, smartypants } = processor.options;
  return JSON.stringify({
    remark: plugins(remarkPlugins),
    rehype: plugins(rehypePlugins),
    remarkRehype,
    gfm,
    smartypants,
  });
}
