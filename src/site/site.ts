import { site as config } from "../site.config.ts";
import { createSiteContext, type SiteContext } from "./site-context.ts";

export type { SiteContext } from "./site-context.ts";

/**
 * Astro's `BASE_URL`; the root base outside Vite (the command-line tools run
 * by plain Node, which use names, zone and sections only), where there is no
 * environment object to read it from.
 *
 * Only `BASE_URL` is named, never the object alone: Astro replaces the object
 * by one holding every environment variable whose name appears in the
 * module's text (`_`, the command that started the build, among them). The
 * page code then differed between `npm run build` and the same build started
 * another way, and so did every page's cache key: all pages rendered again.
 */
function baseUrl(): string {
  try {
    return import.meta.env.BASE_URL ?? "/";
  } catch {
    return "/";
  }
}

/**
 * The publication, bound once to this build's base path: the one module that
 * reads src/site.config.ts and Astro's `BASE_URL`.
 */
export const site: SiteContext = createSiteContext(config, baseUrl());
