import { cacheKey } from "../site/cache-keys.ts";
import { copyrightYear, isSameDay } from "../lib/news-time.ts";
import { buildNow } from "../site/build-time.ts";
import { listingPath } from "../site/routes.ts";
import { site } from "../site/site.ts";
import { getArticles, getDeveloping, lastChange } from "./articles.ts";
import { groupBy } from "./grouping.ts";
import { newsroomOrder } from "./listings.ts";
import { BANNER_STORIES, type BannerModel } from "./banner.ts";

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

let navigation: { from: readonly unknown[]; items: NavItem[] } | undefined;

/**
 * Sections with stories, in the newsroom's order: no menu item leads nowhere.
 * The same sections as the section listings, worked out from the stories
 * alone, so that a story's page needs no listing (`astro dev` lists the whole
 * archive again after every edit only when a listing page asks for it).
 */
export async function getNavigation(): Promise<NavItem[]> {
  const articles = await getArticles();
  // Every page's header asks: worked out once for each set of stories.
  if (navigation?.from !== articles) {
    const sections = groupBy(articles, (article) => [
      { key: article.data.section, name: article.sectionName },
    ]);
    const items = [...sections.values()]
      .sort(newsroomOrder(site.sections))
      .map((section) => ({ path: listingPath("section", section.key), name: section.name }));
    navigation = { from: articles, items };
  }
  return navigation.items;
}

/**
 * The banner's content: the site's call to action and newsletter, and the two
 * developing stories updated most recently, each linked at its latest update,
 * with whether its time reads as today's (src/news/banner.ts picks one per page).
 */
export async function getBanner(): Promise<BannerModel> {
  const developing = (await getDeveloping()).slice(0, BANNER_STORIES);
  return {
    text: site.banner.text,
    path: site.banner.href,
    newsletter: site.banner.newsletter,
    developing: developing.map((article) => {
      const anchor = article.updates[0]?.id;
      const time = lastChange(article);
      return {
        path: article.path,
        headline: article.data.headline,
        link: `${article.path}${anchor ? `#${anchor}` : ""}`,
        time,
        today: isSameDay(time, buildNow("today"), site.timeZone),
      };
    }),
  };
}

/**
 * The digest of everything every page shows besides its own content: part of
 * every page's cache key, so a new section or a new update re-renders every
 * page. It includes which stories are live (any card may carry a Live mark,
 * and a story stops being live with time alone: src/news/live-status.ts)
 * and the footer's copyright year.
 */
export async function getSiteKey(): Promise<string> {
  const live = (await getDeveloping()).map((article) => article.path);
  const year = copyrightYear(buildNow("masthead"), site.timeZone);
  return cacheKey(await getNavigation(), await getBanner(), live, year);
}
