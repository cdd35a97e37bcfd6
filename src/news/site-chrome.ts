import { cacheKey } from "../site/cache-keys.ts";
import { listingPath, PAGES } from "../site/routes.ts";
import { site } from "../site/site.ts";
import { getLatestDeveloping, getListings, lastChange } from "./articles.ts";

/**
 * What every page shows besides its own content: the header's navigation and
 * the developing-stories banner. The components render exactly these models,
 * and the site key is their digest, so nothing the banner or the navigation
 * shows can be left out of the incremental build's cache keys.
 */

/** A section in the header's navigation. */
export interface NavItem {
  /** Site path of the section. */
  path: string;
  name: string;
}

/** What the banner shows on pages other than a developing story's own. */
export interface BannerModel {
  /** The call to action and where it leads (site path), from the site's settings. */
  text: string;
  path: string;
  /** Where to follow developing stories when none is developing. */
  followPath: string;
  /** The developing story updated most recently, linked at its latest update. */
  latest?: { headline: string; path: string; time: Date } | undefined;
}

/** Sections with stories, in the newsroom's order: no menu item leads nowhere. */
export async function getNavigation(): Promise<NavItem[]> {
  const { sections } = await getListings();
  return sections.map((section) => ({
    path: listingPath("section", section.key),
    name: section.name,
  }));
}

/** The banner's content: the site's call to action and the latest developing story. */
export async function getBanner(): Promise<BannerModel> {
  const latest = await getLatestDeveloping();
  const anchor = latest?.updates[0]?.id;
  return {
    text: site.banner.text,
    path: site.banner.href,
    followPath: PAGES.developing.path,
    latest: latest && {
      headline: latest.data.headline,
      path: `${latest.path}${anchor ? `#${anchor}` : ""}`,
      time: lastChange(latest),
    },
  };
}

/**
 * The digest of everything every page shows besides its own content: part of
 * every page's cache key, so a new section or a new update re-renders every
 * page.
 */
export async function getSiteKey(): Promise<string> {
  return cacheKey(await getNavigation(), await getBanner());
}
