import { describe, expect, test } from "vitest";
import { arrangeFrontPage, arrangeSectionOpening, pickLead } from "../../src/news/front-page.ts";
import { storiesOf } from "../../src/news/front-slots.ts";

interface Story {
  id: string;
  section: string;
  picture: boolean;
}

const story = (id: string, section: string, picture = false): Story => ({ id, section, picture });
const ids = (stories: readonly Story[]) => stories.map((s) => s.id);
const hasPicture = (s: Story) => s.picture;
const shape = { live: 2, latest: 2, sectionCandidates: 12 };

// Newest first: a1 … a14; pictures on a3, a5, a8, a9 and a13; a4 is live.
const all = [
  story("a1", "politics"),
  story("a2", "world"),
  story("a3", "politics", true),
  story("a4", "world"),
  story("a5", "world", true),
  story("a6", "politics"),
  story("a7", "world"),
  story("a8", "politics", true),
  story("a9", "world", true),
  story("a10", "politics"),
  story("a11", "world"),
  story("a12", "politics"),
  story("a13", "politics", true),
  story("a14", "world"),
];
const bySection = (section: string) => ({
  key: section,
  name: section,
  items: all.filter((s) => s.section === section),
});
const input = {
  lead: all[0],
  first: all.slice(1, 12),
  live: [all[3]!],
  sections: [bySection("politics"), bySection("world")],
};

describe("arrangeFrontPage", () => {
  const front = arrangeFrontPage(input, hasPicture, shape);

  test("promotes live stories out of the running order", () => {
    expect(ids(front.live)).toEqual(["a4"]);
  });

  test("fills the top's picture slots with stories that have pictures, the text slots with the rest", () => {
    expect(front.top.pattern).toBe("four-pictures");
    expect(front.top.rows.map((row) => [row.kind, ids(row.stories)])).toEqual([
      ["picture", ["a3", "a5", "a8", "a9"]],
      ["text", ["a2", "a6", "a7", "a10"]],
    ]);
    expect(ids(front.latest)).toEqual(["a11", "a12"]);
  });

  test("section blocks hold each section's newest stories not already shown, in a pattern their pictures fit", () => {
    expect(front.sections.map((s) => [s.key, s.block.pattern, ids(s.items)])).toEqual([
      ["politics", "one-picture", ["a13"]],
      ["world", "text", ["a14"]],
    ]);
  });

  test("every story appears once", () => {
    const shown = [
      front.lead,
      ...front.live,
      ...storiesOf(front.top),
      ...front.latest,
      ...front.sections.flatMap((s) => s.items),
    ];
    expect(new Set(shown).size).toBe(shown.length);
  });

  test("the live stories never repeat the lead", () => {
    const led = arrangeFrontPage({ ...input, lead: all[3], live: [all[3]!] }, hasPicture, shape);
    expect(led.live).toEqual([]);
  });

  test("no row ever holds a story without a picture in a picture slot", () => {
    for (const block of [front.top, ...front.sections.map((s) => s.block)]) {
      for (const row of block.rows.filter((r) => r.kind === "picture")) {
        expect(row.stories.every(hasPicture)).toBe(true);
      }
    }
  });
});

describe("pickLead", () => {
  test("the editors' featured story leads", () => {
    expect(pickLead(all, hasPicture, (s) => s.id === "a12")?.id).toBe("a12");
  });

  test("else the newest story with a picture among the first five", () => {
    expect(pickLead(all, hasPicture)?.id).toBe("a3");
  });

  test("else the newest", () => {
    expect(
      pickLead(
        all.filter((s) => !s.picture),
        hasPicture,
      )?.id,
    ).toBe("a1");
    expect(pickLead([], hasPicture)).toBeUndefined();
  });
});

test("a section page opens with its lead with a picture, then the top's rows, then the rest", () => {
  const opening = arrangeSectionOpening(bySection("world").items, hasPicture);
  expect(opening.lead?.id).toBe("a5");
  expect(opening.top.pattern).toBe("one-picture");
  expect(opening.top.rows.map((row) => ids(row.stories))).toEqual([
    ["a9"],
    ["a2", "a4", "a7", "a11"],
  ]);
  expect(ids(opening.rest)).toEqual(["a14"]);
});
