import { pickLead } from "./front-page.ts";
import { archiveKeys, groupBy, nameKeys, sectionName, type Group } from "./grouping.ts";
import { paginate, type Page } from "../lib/pagination.ts";
import { listingPath, type ListingKind } from "../site/routes.ts";

export type { ListingKind } from "../site/routes.ts";

/** What the listings need of an article. */
export interface ListableArticle {
  path: string;
  data: {
    published: Date;
    section: string;
    tags: readonly string[];
    authors: readonly string[];
    contributors: readonly string[];
    featured?: boolean | undefined;
    /** The lead image, when the story has one: a front's lead is a picture's place. */
    image?: unknown;
  };
}

/** An article in a listing, with the role a person had in it on people pages. */
export interface ListingItem<A> {
  article: A;
  role?: "Author" | "Contributor" | "Author and contributor";
}

/** One page of one listing, ready to render. */
export interface ListingPage<A> extends Page<ListingItem<A>> {
  kind: ListingKind;
  /** The listing's heading, e.g. "Politics", "Jeff Sessions", "May 2020". */
  title: string;
  /** Site path of the listing's first page. */
  basePath: string;
  /**
   * A day's archive: its stories by section, in the newsroom's section
   * order (the page is not paginated; a day's news is read whole).
   */
  sections?: Group<ListingItem<A>>[];
  /** A day's archive: the nearest days before and after it that have stories. */
  days?: { older?: ArchiveDay | undefined; newer?: ArchiveDay | undefined };
}

/** A day of the archive, as its neighbours link to it. */
export interface ArchiveDay {
  /** Site path of the day's page. */
  path: string;
  /** "May 26, 2020". */
  title: string;
}

/** Everything the reader's site lists, computed once per build. */
export interface Listings<A> {
  /** The front page's lead story. */
  lead: A | undefined;
  /** Every listing page except the front page's first (which has the lead). */
  pages: ListingPage<A>[];
  /** The first front page's stories after the lead. */
  frontFirst: ListingPage<A>;
  sections: Group<A>[];
  tags: Group<A>[];
  people: Group<ListingItem<A>>[];
  /** The groups each kind's index page lists (see `index` in src/site/routes.ts), by kind. */
  indexes: Partial<Record<ListingKind, readonly Group<unknown>[]>>;
}

/**
 * Builds every listing of the site from the articles, sorted newest first:
 * front pages, sections, tags, people and date archives, each paginated
 * except a day's archive, which is one page grouped by section.
 * One pass per kind of grouping; no listing sorts again, since grouping keeps
 * the articles' order.
 */
export function buildListings<A extends ListableArticle>(
  articles: readonly A[],
  options: {
    timeZone: string;
    perPage: number;
    sections: readonly { slug: string; name: string }[];
  },
): Listings<A> {
  const { timeZone, perPage, sections: configured } = options;
  const name = (slug: string) => sectionName(slug, configured);
  const lead = pickLead(
    articles,
    (article) => Boolean(article.data.image),
    (article) => Boolean(article.data.featured),
  );
  const pages: ListingPage<A>[] = [];
  const push = (kind: ListingKind, title: string, basePath: string, items: ListingItem<A>[]) => {
    for (const page of paginate(items, perPage, basePath))
      pages.push({ ...page, kind, title, basePath });
  };
  const plain = (items: readonly A[]) => items.map((article) => ({ article }));

  const [frontFirst, ...frontRest] = paginate(
    plain(articles.filter((article) => article !== lead)),
    perPage,
    "/",
  ).map((page) => ({ ...page, kind: "front" as const, title: "Latest stories", basePath: "/" }));
  pages.push(...frontRest);

  const bySectionOrder = newsroomOrder(configured);
  const sections = [
    ...groupBy(articles, (article) => [
      { key: article.data.section, name: name(article.data.section) },
    ]).values(),
  ].sort(bySectionOrder);
  for (const section of sections)
    push("section", section.name, listingPath("section", section.key), plain(section.items));

  const tags = byName(groupBy(articles, (article) => nameKeys(article.data.tags)));
  for (const tag of tags) push("tag", tag.name, listingPath("tag", tag.key), plain(tag.items));

  const credits = articles.flatMap((article) => {
    const authors = nameKeys(article.data.authors);
    const contributors = nameKeys(article.data.contributors);
    return [...authors, ...contributors.filter((c) => !authors.some((a) => a.key === c.key))].map(
      ({ key, name: person }) => {
        const wrote = authors.some((a) => a.key === key);
        const helped = contributors.some((c) => c.key === key);
        const role = wrote && helped ? "Author and contributor" : wrote ? "Author" : "Contributor";
        return { key, person, item: { article, role } as ListingItem<A> };
      },
    );
  });
  const people = byName(
    groupBy(credits, (credit) => [{ key: credit.key, name: credit.person }]),
  ).map((group) => ({ ...group, items: group.items.map((credit) => credit.item) }));
  for (const person of people)
    push("person", person.name, listingPath("person", person.key), person.items);

  const archives = groupBy(articles, (article) => archiveKeys(article.data.published, timeZone));
  // Days newest first (the articles' order), each linked to its neighbours.
  const days = [...archives.values()]
    .filter((archive) => isDay(archive.key))
    .map((archive) => ({ path: listingPath("archive", archive.key), title: archive.name }));
  const dayIndex = new Map(days.map((day, i) => [day.path, i]));
  for (const archive of archives.values()) {
    const basePath = listingPath("archive", archive.key);
    if (!isDay(archive.key)) {
      push("archive", archive.name, basePath, plain(archive.items));
      continue;
    }
    const bySection = [
      ...groupBy(archive.items, (article) => [
        { key: article.data.section, name: name(article.data.section) },
      ]).values(),
    ]
      .sort(bySectionOrder)
      .map((group) => ({ ...group, items: plain(group.items) }));
    const [page] = paginate(plain(archive.items), Math.max(1, archive.items.length), basePath);
    const at = dayIndex.get(basePath) ?? 0;
    pages.push({
      ...page!,
      kind: "archive",
      title: archive.name,
      basePath,
      sections: bySection,
      days: { newer: days[at - 1], older: days[at + 1] },
    });
  }

  return {
    lead,
    pages,
    frontFirst: frontFirst!,
    sections,
    tags,
    people,
    indexes: { section: sections, tag: tags, person: people },
  };
}

/**
 * Compares sections (by `key`, their slug) in the newsroom's order, the
 * configured sections first as configured, then the others by slug: the
 * order of the section listings, a day's sections and the header's menu.
 */
export function newsroomOrder(
  configured: readonly { slug: string }[],
): (a: { key: string }, b: { key: string }) => number {
  const order = new Map(configured.map((section, index) => [section.slug, index]));
  return (a, b) =>
    (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity) || a.key.localeCompare(b.key);
}

/** Whether an archive key is a day's ("2020/05/26"), not a year's or a month's. */
function isDay(key: string): boolean {
  return key.split("/").length === 3;
}

/** Groups in alphabetical order of their names, for indexes readers scan. */
function byName<T>(groups: Map<string, Group<T>>): Group<T>[] {
  return [...groups.values()].sort(
    (a, b) => a.name.localeCompare(b.name, "en") || a.key.localeCompare(b.key),
  );
}
