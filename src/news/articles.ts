import { getCollection, type CollectionEntry } from "astro:content";
import { site } from "../site/site.ts";
import { placeArticles, type Placed } from "./article-index.ts";
import { sectionName } from "./grouping.ts";
import { buildListings, type Listings } from "./listings.ts";
import { countWords, readingMinutes } from "./reading-time.ts";
import { relatedStories, type RelatedPick } from "./related.ts";
import { extractUpdates, type LiveUpdate } from "./live-updates.ts";
import { firstParagraph } from "./summary.ts";
import { smarten } from "../lib/typography.ts";
import { derivedMemo } from "./derived-fields.ts";
import { refusals } from "./refusal.ts";

/** An article placed on the site, with what every page shows of it worked out once. */
export interface Article extends Placed<CollectionEntry<"articles">> {
  /** The dek: `summary`, else the first paragraph; quotes and dashes set as in the story. */
  summary: string;
  readingMinutes: number;
  sectionName: string;
  /** Live updates found in the story, newest first (see src/news/live-updates.ts). */
  updates: LiveUpdate[];
  /** When the story last changed: `updated`, else its latest update, else nothing. */
  updated: Date | undefined;
  data: CollectionEntry<"articles">["data"];
}

/** Stories per listing page. */
export const PER_PAGE = 20;

let articles: Promise<Article[]> | undefined;
let listings: Promise<Listings<Article>> | undefined;
let related: Promise<Map<string, RelatedArticles>> | undefined;
let developing: Promise<Article[]> | undefined;

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
    getCollection("articles").then((entries) => {
      // In `astro dev` a refused edit is stored as its problems (see
      // src/editor/article-loader.ts): show them in Astro's error overlay
      // rather than any version of the story.
      const refused = refusals(entries);
      if (refused.length > 0) throw new Error(refused.join("\n\n"));
      const placed = placeArticles(entries, {
        timeZone: site.timeZone,
        includeDrafts: import.meta.env.DEV,
      });
      const problems: string[] = [];
      // In `npm run build`, remembered across builds (see derived-fields.ts).
      const memo = import.meta.env.DEV ? undefined : derivedMemo();
      const all = placed.map((article): Article => {
        const { data, body = "" } = article.entry;
        const derive = () => {
          const { updates, problems: found } = extractUpdates(body, {
            published: data.published,
            timeZone: site.timeZone,
          });
          return {
            summary: data.summary ? smarten(data.summary) : firstParagraph(body),
            words: countWords(body),
            updates: updates.map((update) => ({ ...update, time: update.time.toISOString() })),
            problems: found.map((problem) => problem.message),
          };
        };
        // Keyed by everything the fields are derived from.
        const derived = memo
          ? memo.get([body, data.summary, data.published.getTime(), site.timeZone], derive)
          : derive();
        problems.push(
          ...derived.problems.map(
            (problem) => `${article.entry.filePath ?? article.entry.id}: ${problem}`,
          ),
        );
        const updates = derived.updates.map((update) => ({
          ...update,
          time: new Date(update.time),
        }));
        return {
          ...article,
          data,
          summary: derived.summary,
          readingMinutes: readingMinutes(derived.words),
          sectionName: sectionName(data.section, site.sections),
          updates,
          updated: data.updated ?? updates[0]?.time,
        };
      });
      memo?.save();
      if (problems.length > 0) throw new Error(`Invalid live updates:\n${problems.join("\n")}`);
      return all;
    }),
  );
  return articles;
}

/** When a story last changed: its `updated` (or latest update), else its publication. */
export function lastChange(article: Article): Date {
  return article.updated ?? article.data.published;
}

/** The time listings show for a story: a developing story's last update, else its publication. */
export function listedTime(article: Article): Date {
  return article.data.developing ? lastChange(article) : article.data.published;
}

/**
 * The stories still developing, most recently updated first: for the banner
 * on every page, the developing page and the developing feeds. Once per build.
 */
export function getDeveloping(): Promise<Article[]> {
  developing = once(developing, async () =>
    (await getArticles())
      .filter((article) => article.data.developing)
      .sort((a, b) => lastChange(b).getTime() - lastChange(a).getTime()),
  );
  return developing;
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

/** What an article shows under itself: related stories, or more from its section. */
export interface RelatedArticles {
  kind: RelatedPick["kind"];
  stories: Article[];
}

/**
 * Up to four related stories for every article (or, where none is related,
 * the newest of its section), by permalink, computed once per build.
 */
export function getRelated(): Promise<Map<string, RelatedArticles>> {
  related = once(related, () =>
    getArticles().then((all) => {
      const picks = relatedStories(
        all.map((article) => ({
          section: article.data.section,
          tags: article.data.tags,
          text: `${article.data.headline} ${article.summary}`,
        })),
      );
      return new Map(
        all.map((article, i) => {
          const pick = picks[i] ?? { kind: "section", items: [] };
          return [
            article.path,
            { kind: pick.kind, stories: pick.items.flatMap((j) => all[j] ?? []) },
          ];
        }),
      );
    }),
  );
  return related;
}

/** An article's own content, for cache keys: its file's digest and its permalink. */
export function contentKey(article: Article): [string, string | number | undefined] {
  return [article.path, article.entry.digest];
}

/** The credited news organisation of an article: its `source`, else the site's short name. */
export function sourceOf(data: CollectionEntry<"articles">["data"]): string {
  return data.source ?? site.shortName;
}
