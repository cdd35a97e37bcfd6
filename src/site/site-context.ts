import { formatDate, formatDateTime, isoDateTime } from "../lib/dates.ts";
import { withBase } from "../lib/permalink.ts";
import type { SiteConfig } from "../site.config.ts";

/**
 * The publication as pages and components see it: the settings of
 * src/site.config.ts with the deployment's base path bound in, and the few
 * operations that need them (links, absolute URLs, dates in the newsroom's
 * zone). Built once per build by src/site/site.ts; nothing else reads the
 * config or Astro's `BASE_URL`, so a page cannot forget the base or the zone.
 */
export interface SiteContext {
  /** The publication's full name. */
  readonly name: string;
  /** Short name for credits, the default `source`. */
  readonly shortName: string;
  /** BCP 47 language tag of the content. */
  readonly language: string;
  /** One-line description of the publication. */
  readonly description: string;
  /** The newsroom's IANA time zone. */
  readonly timeZone: string;
  /** Section slug for articles that name none. */
  readonly defaultSection: string;
  /** The newsroom's sections in navigation order. */
  readonly sections: SiteConfig["sections"];
  /** The home pages of the news organisations stories credit as `source`, by name. */
  readonly sources: SiteConfig["sources"];
  /** The publisher's logo, as a site path with its size. */
  readonly logo: SiteConfig["logo"];
  /** Hours a developing story stays live without an update. */
  readonly liveForHours: number;
  /** How readers reach the newsroom. */
  readonly contact: SiteConfig["contact"];
  /** The "Stay Updated" banner's call to action and where it leads (a site path). */
  readonly banner: SiteConfig["banner"];
  /** The image shared with pages and stories that have none of their own, as a site path with its size and alt text. */
  readonly shareImage: SiteConfig["shareImage"];
  /** The public origin, e.g. "https://dateline.example.com". */
  readonly origin: string;
  /** The deployment's base path, always with a trailing slash: "/" or "/news/". */
  readonly base: string;
  /** A site path as a link on the site: with the base path. */
  href(path: string): string;
  /** A site path as an absolute URL: origin and base path. */
  absoluteUrl(path: string): string;
  /** A date for listings, in the newsroom's zone: "May 26, 2020". */
  formatDate(date: Date): string;
  /** A date and time as readers see it: "May 26, 2020, 6:39 p.m. EDT". */
  formatDateTime(date: Date): string;
  /** ISO 8601 with the zone's offset, for `<time datetime>` and machines. */
  isoDateTime(date: Date): string;
  /** A link that already carries the base path (as Astro's asset URLs do) as an absolute URL. */
  absoluteHref(href: string): string;
}

/**
 * Binds the publication's settings to a deployment's base path.
 *
 * @example createSiteContext(config, "/news/").href("/2020/") // "/news/2020/"
 */
export function createSiteContext(config: SiteConfig, base: string): SiteContext {
  const normalBase = base.endsWith("/") ? base : `${base}/`;
  const { timeZone } = config;
  return {
    name: config.name,
    shortName: config.shortName,
    language: config.language,
    description: config.description,
    timeZone,
    defaultSection: config.defaultSection,
    sections: config.sections,
    sources: config.sources,
    logo: config.logo,
    banner: config.banner,
    liveForHours: config.liveForHours,
    contact: config.contact,
    shareImage: config.shareImage,
    origin: config.url,
    base: normalBase,
    href: (path) => withBase(path, normalBase),
    absoluteUrl: (path) => new URL(withBase(path, normalBase), config.url).href,
    formatDate: (date) => formatDate(date, timeZone),
    formatDateTime: (date) => formatDateTime(date, timeZone),
    isoDateTime: (date) => isoDateTime(date, timeZone),
    absoluteHref: (href) => new URL(href, config.url).href,
  };
}
