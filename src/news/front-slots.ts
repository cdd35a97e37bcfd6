/**
 * Fronts as layouts, not lists: a block of a front (the top stories, a
 * section's block) is a fixed pattern of rows, and every row holds one kind
 * of slot. A picture slot takes only a story with a picture, so no row ever
 * sets a story without a picture beside one with a picture, whose card would
 * be a picture's height taller (BBC's HierarchicalGrid: one fixed layout per
 * number of promos; the Guardian's FlexibleGeneral: like beside like).
 *
 * Stories are chosen for a row by whether they have a picture, not by date
 * alone: the first pattern whose picture slots the candidates can fill wins,
 * the picture slots take the newest stories with pictures, and the text and
 * headline slots the newest of the rest. Pure: the candidates come in newest
 * (or most important) first.
 */

/**
 * The kinds of slot: a picture card (picture, headline, standfirst, time), a
 * text card (larger headline, standfirst, time) and a headline (headline and
 * time, with a standfirst only where the row leaves room).
 */
export type SlotKind = "picture" | "text" | "headline";

/** A row of a pattern: `count` slots of one kind, side by side where the screen allows. */
export interface RowSpec {
  kind: SlotKind;
  count: number;
}

/** A block's layout: its rows, top to bottom. */
export interface BlockPattern {
  /** Names the layout in the page (a class), and in tests. */
  name: string;
  rows: readonly RowSpec[];
}

/** A filled row: its kind and its stories (fewer than its slots when the candidates run out). */
export interface SlotRow<A> {
  kind: SlotKind;
  stories: A[];
}

/** A filled block: the pattern used and its rows, empty rows dropped. */
export interface FilledBlock<A> {
  pattern: string;
  rows: SlotRow<A>[];
}

/**
 * The top of the front page and of a section's first page, under the lead:
 * a row of four pictures, two, or one (a wide card alone in its row), then a
 * row of text cards.
 */
export const TOP_PATTERNS: readonly BlockPattern[] = [
  {
    name: "four-pictures",
    rows: [
      { kind: "picture", count: 4 },
      { kind: "text", count: 4 },
    ],
  },
  {
    name: "two-pictures",
    rows: [
      { kind: "picture", count: 2 },
      { kind: "text", count: 4 },
    ],
  },
  {
    name: "one-picture",
    rows: [
      { kind: "picture", count: 1 },
      { kind: "text", count: 4 },
    ],
  },
  { name: "text", rows: [{ kind: "text", count: 4 }] },
];

/**
 * A section's block on the front page: four pictures across; two wide
 * pictures over four headlines; one wide picture over three text cards; or
 * four text cards. Which one depends on the pictures the section has, and,
 * where it has pictures enough for both of the first two, on the block's
 * place on the page, so that neighbouring blocks differ.
 */
export const SECTION_PATTERNS: readonly BlockPattern[] = [
  { name: "four-pictures", rows: [{ kind: "picture", count: 4 }] },
  {
    name: "two-pictures",
    rows: [
      { kind: "picture", count: 2 },
      { kind: "headline", count: 4 },
    ],
  },
  {
    name: "one-picture",
    rows: [
      { kind: "picture", count: 1 },
      { kind: "text", count: 3 },
    ],
  },
  { name: "text", rows: [{ kind: "text", count: 4 }] },
];

/** How many pictures a pattern's picture slots need. */
export function picturesNeeded(pattern: BlockPattern): number {
  return pattern.rows.reduce((sum, row) => sum + (row.kind === "picture" ? row.count : 0), 0);
}

/**
 * Fills the first of `patterns` whose picture slots the candidates can fill
 * (the last pattern should need none). Picture rows take the candidates with
 * pictures, in order; the other rows take the rest, in order. Each candidate
 * is used once; what is left over is not placed.
 *
 * @example fillBlock(stories, TOP_PATTERNS, (s) => Boolean(s.image)).pattern // "two-pictures" when two of them have pictures
 */
export function fillBlock<A>(
  candidates: readonly A[],
  patterns: readonly BlockPattern[],
  hasPicture: (story: A) => boolean,
): FilledBlock<A> {
  const pictures = candidates.filter(hasPicture);
  const pattern = patterns.find((each) => picturesNeeded(each) <= pictures.length);
  if (!pattern) return { pattern: "none", rows: [] };
  const used = new Set<A>();
  const filled = pattern.rows.map((row): SlotRow<A> => {
    if (row.kind !== "picture") return { kind: row.kind, stories: [] };
    const stories = pictures.filter((story) => !used.has(story)).slice(0, row.count);
    for (const story of stories) used.add(story);
    return { kind: row.kind, stories };
  });
  const rest = candidates.filter((story) => !used.has(story));
  pattern.rows.forEach((row, i) => {
    if (row.kind === "picture") return;
    const stories = rest.splice(0, row.count);
    filled[i] = { kind: row.kind, stories };
  });
  return { pattern: pattern.name, rows: filled.filter((row) => row.stories.length > 0) };
}

/**
 * The patterns in the order a section block at `index` on the page prefers
 * them: every other block tries two wide pictures before four across, so
 * that two blocks in a row do not look alike.
 */
export function sectionPatterns(index: number): readonly BlockPattern[] {
  if (index % 2 === 0) return SECTION_PATTERNS;
  const [four, two, ...rest] = SECTION_PATTERNS;
  return two && four ? [two, four, ...rest] : SECTION_PATTERNS;
}

/** The stories a filled block shows, in the order it shows them. */
export function storiesOf<A>(block: FilledBlock<A>): A[] {
  return block.rows.flatMap((row) => row.stories);
}
