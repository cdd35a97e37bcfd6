import type { APIRoute, GetStaticPaths } from "astro";
import { FEED_BUILDERS, type FeedMeta } from "../distribution/feeds.ts";
import { feedItem } from "../distribution/feed-items.ts";
import { newestInFeed } from "../distribution/feed-order.ts";
import {
  contentKey,
  getArticles,
  getDeveloping,
  getListings,
  lastChange,
  type Article,
} from "../news/articles.ts";
import { cacheKey } from "../site/cache-keys.ts";
import {
  DEVELOPING_FEEDS,
  FEED_FORMATS,
  feedLinks,
  LISTING_KINDS,
  SITE_FEEDS,
  type FeedFormat,
  type FeedScope,
  type ListingKind,
} from "../site/routes.ts";
import { site } from "../site/site.ts";

/** Stories in the site's and each section's feeds. */
const FEED_LENGTH = 50;

/** The feed's stories: a developing story by its last update, any other by its publication. */
const newest = (articles: readonly Article[]) =>
  newestInFeed(
    articles,
    (article) => ({
      developing: article.data.developing,
      published: article.data.published,
      lastChange: lastChange(article),
    }),
    FEED_LENGTH,
  );

// Every format of the registry for the whole site, every listing whose kind
// has feeds (the sections) and the developing stories: /feed.xml,
// /politics/atom.xml, /developing/feed.json…
export const getStaticPaths = (async () => {
  const articles = await getArticles();
  const { indexes } = await getListings();
  const developing = await getDeveloping();
  const listingFeeds = (Object.keys(LISTING_KINDS) as ListingKind[]).flatMap((kind) => {
    const feeds = LISTING_KINDS[kind].feeds;
    const groups = (indexes[kind] ?? []) as readonly {
      key: string;
      name: string;
      items: Article[];
    }[];
    return feeds
      ? groups.map((group) => ({
          scope: feeds(group.key, group.name),
          articles: newest(group.items),
        }))
      : [];
  });
  const scopes: { scope: FeedScope; articles: Article[] }[] = [
    { scope: SITE_FEEDS, articles: newest(articles) },
    ...listingFeeds,
    { scope: DEVELOPING_FEEDS, articles: developing },
  ];
  return scopes.flatMap(({ scope, articles: items }) =>
    feedLinks(scope).map((feed) => ({
      params: { feed: feed.path.slice(1) },
      props: { scope, articles: items, format: feed.format },
      cacheKey: cacheKey(scope, items.map(contentKey)),
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  scope: FeedScope;
  articles: Article[];
  format: FeedFormat;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const { type, file } = FEED_FORMATS[props.format];
  const meta: FeedMeta = {
    title: props.scope.title,
    description: props.scope.description,
    homeUrl: site.absoluteUrl(props.scope.path),
    self: { url: site.absoluteUrl(`${props.scope.path}${file}`), type },
    language: site.language,
    publisher: site.name,
  };
  const body = FEED_BUILDERS[props.format](meta, await Promise.all(props.articles.map(feedItem)));
  return new Response(body, { headers: { "Content-Type": `${type}; charset=utf-8` } });
};
