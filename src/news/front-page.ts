import {
  fillBlock,
  sectionPatterns,
  storiesOf,
  TOP_PATTERNS,
  type FilledBlock,
} from "./front-slots.ts";
import type { Group } from "./grouping.ts";

/** How many stories each part of the front page holds. */
export interface FrontPageShape {
  /** Live stories promoted under the top stories. */
  live: number;
  /** Headlines in the "Latest" row; the rest of the first page falls to the section blocks. */
  latest: number;
  /** Each section block's candidates: its newest stories not shown above. */
  sectionCandidates: number;
}

/** A section's block: the section, and its stories in a pattern's slots. */
export interface SectionBlock<A> extends Group<A> {
  block: FilledBlock<A>;
}

/** The front page's parts, each story in exactly one of them. */
export interface FrontPage<A> {
  lead: A | undefined;
  /** Under the lead: a row of pictures and a row of text cards (see front-slots.ts). */
  top: FilledBlock<A>;
  /** Live stories, most recently updated first. */
  live: A[];
  /** The next of the first page's stories, as a row of headlines. */
  latest: A[];
  /** Each section's newest stories not shown above; sections left empty are dropped. */
  sections: SectionBlock<A>[];
}

export const FRONT_PAGE: FrontPageShape = { live: 3, latest: 4, sectionCandidates: 12 };

/**
 * The story that leads a front: the first the editors featured, else the
 * newest with a picture among the first `window`, else the newest. A lead
 * is a picture's place; a slightly older story with a picture takes it
 * before a newer one without.
 */
export function pickLead<A>(
  stories: readonly A[],
  hasPicture: (story: A) => boolean,
  isFeatured: (story: A) => boolean = () => false,
  window = 5,
): A | undefined {
  return stories.find(isFeatured) ?? stories.slice(0, window).find(hasPicture) ?? stories[0];
}

/**
 * Arranges the front page: the lead, the top block (pictures, then text
 * cards, see front-slots.ts), the live stories (promoted from wherever they
 * would fall), a row of the next stories as headlines, then a
 * block per section with its newest stories not already on the page, in a
 * pattern chosen by the pictures it has. A story appears once. Pure: the
 * listings come in already sorted newest first.
 */
export function arrangeFrontPage<A>(
  input: {
    lead: A | undefined;
    /** The first front page's stories after the lead, newest first. */
    first: readonly A[];
    /** Live stories, most recently updated first. */
    live: readonly A[];
    sections: readonly Group<A>[];
  },
  hasPicture: (story: A) => boolean,
  shape: FrontPageShape = FRONT_PAGE,
): FrontPage<A> {
  const { lead } = input;
  const live = input.live.filter((article) => article !== lead).slice(0, shape.live);
  const rest = input.first.filter((article) => !live.includes(article));
  const top = fillBlock(rest, TOP_PATTERNS, hasPicture);
  const inTop = new Set(storiesOf(top));
  const latest = rest.filter((article) => !inTop.has(article)).slice(0, shape.latest);
  const shown = new Set<A>([...(lead ? [lead] : []), ...live, ...inTop, ...latest]);
  const sections: SectionBlock<A>[] = [];
  for (const section of input.sections) {
    const candidates = section.items
      .filter((article) => !shown.has(article))
      .slice(0, shape.sectionCandidates);
    const block = fillBlock(candidates, sectionPatterns(sections.length), hasPicture);
    const stories = storiesOf(block);
    if (stories.length === 0) continue;
    for (const article of stories) shown.add(article);
    sections.push({ ...section, items: stories, block });
  }
  return { lead, top, live, latest, sections };
}

/**
 * A section's first page opens like the front page at a smaller scale: its
 * lead, then the top block; the rest of the page follows as a list.
 */
export function arrangeSectionOpening<A>(
  stories: readonly A[],
  hasPicture: (story: A) => boolean,
): { lead: A | undefined; top: FilledBlock<A>; rest: A[] } {
  const lead = pickLead(stories, hasPicture);
  const others = stories.filter((story) => story !== lead);
  const top = fillBlock(others, TOP_PATTERNS, hasPicture);
  const inTop = new Set(storiesOf(top));
  return { lead, top, rest: others.filter((story) => !inTop.has(story)) };
}
