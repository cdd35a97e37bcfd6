import { datePath } from "./dates.ts";
import { slugify } from "./slug.ts";

/** What a permalink is made of; taken from an article's data. */
export interface PermalinkParts {
  published: Date;
  section: string;
  slug: string;
}

/** Route parameters of `src/pages/[year]/[month]/[day]/[section]/[slug].astro`. */
export interface PermalinkParams {
  year: string;
  month: string;
  day: string;
  section: string;
  slug: string;
}

/**
 * The route parameters of an article's newspaper-style permalink, dated in the
 * site's time zone (a story filed at 11 p.m. in New York belongs to that day).
 */
export function permalinkParams(parts: PermalinkParts, timeZone: string): PermalinkParams {
  const [year, month, day] = datePath(parts.published, timeZone);
  return { year, month, day, section: parts.section, slug: parts.slug };
}

/**
 * The site-relative path of an article, without the deployment's base path.
 *
 * @example permalink({ published: new Date("2020-05-26T04:00:00Z"), section: "politics", slug: "x" }, "America/New_York")
 * // "/2020/05/26/politics/x/"
 */
export function permalink(parts: PermalinkParts, timeZone: string): string {
  const p = permalinkParams(parts, timeZone);
  return `/${p.year}/${p.month}/${p.day}/${p.section}/${p.slug}/`;
}

/**
 * The slug an article's file name gives it: the last path segment of its
 * collection id, as a slug (an editor's own file name is kept whole, however long).
 *
 * @example slugFromId("2020/jeff-sessions-recusal") // "jeff-sessions-recusal"
 */
export function slugFromId(id: string): string {
  return slugify(id.split("/").at(-1) ?? id, Number.POSITIVE_INFINITY);
}

/**
 * Prefixes a site path with the deployment's base path (Astro's `base`), so the
 * site works under a sub-path such as `/news/`.
 *
 * @example withBase("/2020/", "/news/") // "/news/2020/"
 */
export function withBase(path: string, base: string): string {
  const trimmed = base.endsWith("/") ? base.slice(0, -1) : base;
  return `${trimmed}${path.startsWith("/") ? path : `/${path}`}`;
}
