import { site as config } from "../site.config.ts";
import { createSiteContext, type SiteContext } from "./site-context.ts";

export type { SiteContext } from "./site-context.ts";

/**
 * The publication, bound once to this build's base path: the one module that
 * reads src/site.config.ts and Astro's `BASE_URL`. Outside Vite (the
 * command-line tools run by plain Node) there is no `import.meta.env`; they
 * use names, zone and sections only, and get the root base.
 */
export const site: SiteContext = createSiteContext(config, import.meta.env?.BASE_URL ?? "/");
