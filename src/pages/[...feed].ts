import type { APIRoute, GetStaticPaths } from "astro";
import {
  contentKey,
  getArticles,
  getDeveloping,
  getListings,
  lastChange,
  type Article,
} from "../news/articles.ts";
import { cacheKey } from "../site/cache-keys.ts";
import { buildAtom, buildJsonFeed, buildRss, type FeedMeta } from "../distribution/feeds.ts";
import { feedItem } from "../distribution/feed-items.ts";
import { newestInFeed } from "../distribution/feed-order.ts";
import {
  absoluteUrl,
  DEVELOPING_FEEDS,
  FEED_FILES,
  feedPaths,
  sectionFeeds,
  SITE_FEEDS,
  type FeedScope,
} from "../site/site-urls.ts";
import { site } from "../site.config.ts";

/** Stories in the site's and each section's feeds. */
const FEED_LENGTH = 50;

type Format = keyof typeof FEED_FILES;

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

const BUILDERS = { rss: buildRss, atom: buildAtom, json: buildJsonFeed };
const TYPES = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

// RSS, Atom and JSON Feed for the whole site, each section and the
// developing stories: /feed.xml, /politics/atom.xml, /developing/feed.json…
export const getStaticPaths = (async () => {
  const articles = await getArticles();
  const { sections } = await getListings();
  const developing = await getDeveloping();
  const scopes: { scope: FeedScope; description: string; articles: Article[] }[] = [
    {
      scope: SITE_FEEDS,
      description: site.description,
      articles: newest(articles),
    },
    ...sections.map((section) => ({
      scope: sectionFeeds(section.key, section.name),
      description: `${section.name} stories from ${site.name}.`,
      articles: newest(section.items),
    })),
    {
      scope: DEVELOPING_FEEDS,
      description: `Stories ${site.name} is still updating, newest update first.`,
      articles: developing,
    },
  ];
  return scopes.flatMap(({ scope, description, articles: items }) =>
    (Object.keys(FEED_FILES) as Format[]).map((format) => ({
      params: { feed: feedPaths(scope)[format].slice(1) },
      props: { scope, description, articles: items, format },
      cacheKey: cacheKey(scope, description, items.map(contentKey)),
    })),
  );
}) satisfies GetStaticPaths;

interface Props {
  scope: FeedScope;
  description: string;
  articles: Article[];
  format: Format;
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const paths = feedPaths(props.scope);
  const meta: FeedMeta = {
    title: props.scope.title,
    description: props.description,
    homeUrl: absoluteUrl(props.scope.path),
    urls: {
      rss: absoluteUrl(paths.rss),
      atom: absoluteUrl(paths.atom),
      json: absoluteUrl(paths.json),
    },
    language: site.language,
    publisher: site.name,
  };
  const body = BUILDERS[props.format](meta, await Promise.all(props.articles.map(feedItem)));
  return new Response(body, { headers: { "Content-Type": TYPES[props.format] } });
};
