import type { APIRoute, GetStaticPaths } from "astro";
import { liveUpdatesJson } from "../../../../../../distribution/live-updates-json.ts";
import { permalinkParams } from "../../../../../../lib/permalink.ts";
import { contentKey, getArticles, type Article } from "../../../../../../news/articles.ts";
import { storyHtml } from "../../../../../../news/story-html.ts";
import { cacheKey } from "../../../../../../site/cache-keys.ts";
import { site } from "../../../../../../site/site.ts";

// The small file a developing story's page checks for new updates, beside
// the page: /2021/03/01/world/storm/updates.json. Every story its editor
// marks developing has one, live or not, so that a page left open since it
// was live finds its last state rather than nothing.
export const getStaticPaths = (async () =>
  (await getArticles())
    .filter((article) => article.data.developing)
    .map((article) => ({
      params: { ...permalinkParams({ ...article.entry.data, slug: article.slug }, site.timeZone) },
      props: { article },
      cacheKey: cacheKey(contentKey(article)),
    }))) satisfies GetStaticPaths;

interface Props {
  article: Article;
}

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(JSON.stringify(liveUpdatesJson(storyHtml(props.article.entry), site.timeZone)), {
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
