import { getCollection, type CollectionEntry } from "astro:content";
import { site } from "../site.config.ts";
import { placeArticles, type Placed } from "./article-index.ts";
import { sectionName } from "./grouping.ts";
import { buildListings, type Listings } from "./listings.ts";
import { countWords, readingMinutes } from "./reading-time.ts";
import { relatedStories } from "./related.ts";
import { firstParagraph } from "./summary.ts";
import { smarten } from "../markdown/remark-typography.ts";

/** An article placed on the site, with what every page shows of it worked out once. */
export interface Article extends Placed<CollectionEntry<"articles">> {
  /** The dek: `summary`, else the first paragraph; quotes and dashes set as in the story. */
  summary: string;
  readingMinutes: number;
  sectionName: string;
  data: CollectionEntry<"articles">["data"];
}

/** Stories per listing page. */
export const PER_PAGE = 20;

let articles: Promise<Article[]> | undefined;
let listings: Promise<Listings<Article>> | undefined;
let related: Promise<Map<string, Article[]>> | undefined;

/**
 * In `astro dev` the module lives as long as the server, while editors add
 * and change articles: compute afresh for every page there. A build reads
 * the content once, so it computes once.
 */
function once<T>(cached: Promise<T> | undefined, compute: () => Promise<T>): Promise<T> {
  return !import.meta.env.DEV && cached ? cached : compute();
}

/**
 * Every published article, newest first, read from the collection once per
 * build and shared by every page (`getCollection` copies every entry on each
 * call: withastro/astro#16297). Drafts are included only in `astro dev`.
 */
export function getArticles(): Promise<Article[]> {
  articles = once(articles, () =>
    getCollection("articles").then((entries) =>
      placeArticles(entries, { timeZone: site.timeZone, includeDrafts: import.meta.env.DEV }).map(
        (placed) => ({
          ...placed,
          data: placed.entry.data,
          summary: placed.entry.data.summary
            ? smarten(placed.entry.data.summary)
            : firstParagraph(placed.entry.body ?? ""),
          readingMinutes: readingMinutes(countWords(placed.entry.body ?? "")),
          sectionName: sectionName(placed.entry.data.section, site.sections),
        }),
      ),
    ),
  );
  return articles;
}

/** Every listing of the site (front, sections, tags, people, archives), built once. */
export function getListings(): Promise<Listings<Article>> {
  listings = once(listings, () =>
    getArticles().then((all) =>
      buildListings(all, { timeZone: site.timeZone, perPage: PER_PAGE, sections: site.sections }),
    ),
  );
  return listings;
}

/** Up to four related stories for every article, by permalink, computed once per build. */
export function getRelated(): Promise<Map<string, Article[]>> {
  related = once(related, () =>
    getArticles().then((all) => {
      const indices = relatedStories(
        all.map((article) => ({
          section: article.data.section,
          tags: article.data.tags,
          text: `${article.data.headline} ${article.summary}`,
        })),
      );
      return new Map(
        all.map((article, i) => [article.path, (indices[i] ?? []).flatMap((j) => all[j] ?? [])]),
      );
    }),
  );
  return related;
}

/** The credited news organisation of an article: its `source`, else the site's short name. */
export function sourceOf(data: CollectionEntry<"articles">["data"]): string {
  return data.source ?? site.shortName;
}
