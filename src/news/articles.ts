import { statSync } from "node:fs";
import { join } from "node:path";
import { getCollection, type CollectionEntry } from "astro:content";
import { site } from "../site/site.ts";
import { placeArticles, type Placed } from "./article-index.ts";
import { groupBy, sectionName } from "./grouping.ts";
import { buildListings, type Listings } from "./listings.ts";
import { readingMinutes } from "./reading-time.ts";
import { type RelatedPick } from "./related.ts";
import { lastRelated, recalledRelated, rememberedRelated } from "./related-memo.ts";
import { pipelineDigest } from "../lib/pipeline-digest.ts";
import { cacheFolder } from "../site/cache-folder.ts";
import { type LiveUpdate } from "./live-updates.ts";
import { derivedOf } from "./derived-fields.ts";
import { refusalOf, refusals, type Refusal } from "./refusal.ts";
import { isLive } from "./live-status.ts";
import { buildNow } from "../site/build-time.ts";

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
  /**
   * Whether the story is live at the build's time: `developing`, and updated
   * within the site's `liveForHours` (src/news/live-status.ts). Everything a
   * reader sees as live (marks, banner, live block, the page's check for new
   * updates) follows this, not the frontmatter's flag alone.
   */
  live: boolean;
  data: CollectionEntry<"articles">["data"];
}

/** Stories per listing page. */
export const PER_PAGE = 20;

let articles: Promise<Article[]> | undefined;
let listings: Promise<Listings<Article>> | undefined;
let related: Promise<Map<string, RelatedArticles>> | undefined;
let developing: Promise<Article[]> | undefined;
/** The refusals among the entries getArticles last read (src/news/refusal.ts). */
let refused: Refusal[] = [];

/**
 * The version of `astro dev`'s content store: when Astro last wrote it to
 * `.astro/data-store.json`, which it does after every change to the content
 * (a sync, an edit). Undefined when there is no such file.
 */
function devStoreVersion(): number | undefined {
  try {
    return statSync(join(process.cwd(), ".astro", "data-store.json")).mtimeMs;
  } catch {
    return undefined;
  }
}

let storeVersion: number | undefined;

/**
 * A build reads the content once, so it computes once. In `astro dev` the
 * module lives as long as the server, while editors add and change articles:
 * what was computed is kept only while the content store is the same version,
 * so a page after an edit shows it, and every other page is served without
 * placing, listing and relating the whole archive again (seconds at 10,000
 * stories). Without a version to go by, dev computes afresh for every page.
 */
function once<T>(
  what: string,
  cached: Promise<T> | undefined,
  compute: () => Promise<T>,
): Promise<T> {
  if (!import.meta.env.DEV) return cached ?? compute();
  const version = devStoreVersion();
  if (version === undefined || version !== storeVersion) {
    articles = listings = related = developing = undefined;
    storeVersion = version;
    return traced(what, compute);
  }
  return cached ?? traced(what, compute);
}

/**
 * With DATELINE_TRACE=1, `astro dev` prints a line each time it works out
 * the articles, listings, related or developing stories of the whole archive:
 * how tests (and anyone profiling the preview) tell work done from reused.
 */
function traced<T>(what: string, compute: () => Promise<T>): Promise<T> {
  if (process.env["DATELINE_TRACE"] === "1") console.log(`dateline: working out the ${what}`);
  return compute();
}

/**
 * Every published article, newest first, read from the collection once per
 * build and shared by every page (`getCollection` copies every entry on each
 * call: withastro/astro#16297). Drafts are included only in `astro dev`.
 */
export function getArticles(): Promise<Article[]> {
  articles = once("articles", articles, () =>
    getCollection("articles").then((entries) => {
      // In `astro dev` a refused edit is stored as its problems (see
      // src/editor/article-loader.ts): no page shows any version of the
      // story; its own page shows the problems (getRefusals).
      refused = refusals(entries);
      const placed = placeArticles(
        entries.filter((entry) => !refusalOf(entry)),
        {
          timeZone: site.timeZone,
          includeDrafts: import.meta.env.DEV,
        },
      );
      const problems: string[] = [];
      const now = buildNow("live");
      const all = placed.map((article): Article => {
        const { data } = article.entry;
        // Worked out by the loader when it rendered the story (derived-fields.ts).
        const derived = derivedOf(article.entry);
        problems.push(
          ...derived.problems.map(
            (problem) => `${article.entry.filePath ?? article.entry.id}: ${problem}`,
          ),
        );
        const updates = derived.updates.map((update) => ({
          ...update,
          time: new Date(update.time),
        }));
        const updated = data.updated ?? updates[0]?.time;
        return {
          ...article,
          data,
          summary: derived.summary,
          readingMinutes: readingMinutes(derived.words),
          sectionName: sectionName(data.section, site.sections),
          updates,
          updated,
          live: isLive(
            { developing: data.developing, lastChange: updated ?? data.published },
            now,
            site.liveForHours,
          ),
        };
      });
      if (problems.length > 0) throw new Error(`Invalid live updates:\n${problems.join("\n")}`);
      return all;
    }),
  );
  return articles;
}

/**
 * The stories whose last edit the rules refused, in `astro dev` (a build
 * stops instead), with the problems their pages show.
 */
export async function getRefusals(): Promise<Refusal[]> {
  await getArticles();
  return refused;
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
 * The live stories (developing, and updated within the site's
 * `liveForHours`), most recently updated first: for the banner on every
 * page, the front page, the developing page and the developing feeds. Once
 * per build.
 */
export function getDeveloping(): Promise<Article[]> {
  developing = once("developing stories", developing, async () =>
    (await getArticles())
      .filter((article) => article.live)
      .sort((a, b) => lastChange(b).getTime() - lastChange(a).getTime()),
  );
  return developing;
}

/** Every listing of the site (front, sections, tags, people, archives), built once. */
export function getListings(): Promise<Listings<Article>> {
  listings = once("listings", listings, () =>
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
  /**
   * "More in <section>" when `stories` are related by topic: the section's
   * newest stories that are neither the article nor among them. Empty when
   * `stories` are the section's newest already.
   */
  more: Article[];
}

/** Stories in an article's "More in <section>". */
const MORE_IN_SECTION = 4;

/** The digest of the site's code, for the related stories kept between builds. */
let codeVersion: string | undefined;

/**
 * Up to four related stories for every article (or, where none is related,
 * the newest of its section), by permalink, computed once per build.
 */
export function getRelated(): Promise<Map<string, RelatedArticles>> {
  related = once("related stories", related, () =>
    getArticles().then((all) => {
      const items = all.map((article) => ({
        section: article.data.section,
        tags: article.data.tags,
        text: `${article.data.headline} ${article.summary}`,
      }));
      const options = {
        version: (codeVersion ??= pipelineDigest(process.cwd(), {})),
        file: join(cacheFolder(), `dateline-related${import.meta.env.DEV ? "-dev" : ""}.json`),
      };
      const picks = import.meta.env.DEV
        ? previewPicks(items, options)
        : rememberedRelated(items, options);
      const bySection = groupBy(all, (article) => [
        { key: article.data.section, name: article.sectionName },
      ]);
      return new Map(
        all.map((article, i) => {
          const pick = picks[i] ?? { kind: "section", items: [] };
          const stories = pick.items.flatMap((j) => all[j] ?? []);
          const more: Article[] = [];
          if (pick.kind === "related") {
            for (const other of bySection.get(article.data.section)?.items ?? []) {
              if (more.length === MORE_IN_SECTION) break;
              if (other !== article && !stories.includes(other)) more.push(other);
            }
          }
          return [article.path, { kind: pick.kind, stories, more }];
        }),
      );
    }),
  );
  return related;
}

/** How long after the page that asked `astro dev` relates the archive again. */
const RELATE_AFTER_MS = 100;

/**
 * The related stories `astro dev` shows at once: after an edit to a
 * headline, summary or tags, relating the archive again takes about a
 * second at 10,000 stories, which the edited page waited for. While the
 * stories are the same in number (and so in order, newest first), the last
 * picks serve the pages asked for meanwhile, and the archive is related
 * again just after: the next page shows the new picks. A story added or
 * removed is related at once.
 */
function previewPicks(
  items: Parameters<typeof rememberedRelated>[0],
  options: Parameters<typeof rememberedRelated>[1],
): RelatedPick[] {
  const known = recalledRelated(items, options);
  if (known) return known;
  const stale = lastRelated();
  if (stale?.length !== items.length) return rememberedRelated(items, options);
  const version = storeVersion;
  setTimeout(() => {
    if (storeVersion !== version) return;
    rememberedRelated(items, options);
    // The next page relates from the fresh picks, which are remembered now.
    related = undefined;
  }, RELATE_AFTER_MS);
  return stale;
}

/** An article's own content, for cache keys: its file's digest and its permalink. */
export function contentKey(article: Article): [string, string | number | undefined] {
  return [article.path, article.entry.digest];
}

/** The credited news organisation of an article: its `source`, else the site's short name. */
export function sourceOf(data: CollectionEntry<"articles">["data"]): string {
  return data.source ?? site.shortName;
}
