import { getCollection, type CollectionEntry } from "astro:content";
import { site } from "../site.config.ts";
import { placeArticles, type Placed } from "./article-index.ts";

export type Article = Placed<CollectionEntry<"articles">>;

let cached: Promise<Article[]> | undefined;

/**
 * Every published article, newest first, read from the collection once per
 * build and shared by every page (`getCollection` copies every entry on each
 * call: withastro/astro#16297). Drafts are included only in `astro dev`.
 */
export function getArticles(): Promise<Article[]> {
  cached ??= getCollection("articles").then((entries) =>
    placeArticles(entries, { timeZone: site.timeZone, includeDrafts: import.meta.env.DEV }),
  );
  return cached;
}

/** The credited news organisation of an article: its `source`, else the site's short name. */
export function sourceOf(data: CollectionEntry<"articles">["data"]): string {
  return data.source ?? site.shortName;
}
