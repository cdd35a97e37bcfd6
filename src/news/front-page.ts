import type { Group } from "./grouping.ts";

/** How many stories each block of the front page holds. */
export interface FrontPageShape {
  /** Top stories beside the lead. */
  top: number;
  /** Developing stories promoted under the top stories. */
  live: number;
  /** Stories in each section's block. */
  perSection: number;
}

/** The front page's blocks, each story in exactly one of them. */
export interface FrontPage<A> {
  lead: A | undefined;
  /** The next stories, with images where they have them. */
  top: A[];
  /** Developing stories, most recently updated first. */
  live: A[];
  /** The rest of the first page's stories, as headlines. */
  latest: A[];
  /** Each section's newest stories not shown above; sections left empty are dropped. */
  sections: Group<A>[];
}

/** The front page shape: BBC's top-stories grid (lead spanning two columns, four beside it). */
export const FRONT_PAGE: FrontPageShape = { top: 4, live: 3, perSection: 4 };

/**
 * Arranges the front page: the lead, then the top stories, the developing
 * stories (promoted from wherever they would fall), the rest of the first
 * page as headlines, then a block per section with its newest stories that
 * are not already on the page. A story appears once. Pure: the listings come
 * in, already sorted newest first.
 */
export function arrangeFrontPage<A extends { data: { developing: boolean } }>(
  input: {
    lead: A | undefined;
    /** The first front page's stories after the lead, newest first. */
    first: readonly A[];
    /** Developing stories, most recently updated first. */
    developing: readonly A[];
    sections: readonly Group<A>[];
  },
  shape: FrontPageShape = FRONT_PAGE,
): FrontPage<A> {
  const { lead } = input;
  const live = input.developing.filter((article) => article !== lead).slice(0, shape.live);
  const rest = input.first.filter((article) => !live.includes(article));
  const top = rest.slice(0, shape.top);
  const latest = rest.slice(shape.top);
  const shown = new Set<A>([...(lead ? [lead] : []), ...live, ...top, ...latest]);
  const sections = input.sections
    .map((section) => ({
      ...section,
      items: section.items.filter((article) => !shown.has(article)).slice(0, shape.perSection),
    }))
    .filter((section) => section.items.length > 0);
  return { lead, top, live, latest, sections };
}
