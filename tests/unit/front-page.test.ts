import { describe, expect, test } from "vitest";
import { arrangeFrontPage } from "../../src/news/front-page.ts";

interface Story {
  id: string;
  section: string;
  data: { developing: boolean };
}

const story = (id: string, section = "news", developing = false): Story => ({
  id,
  section,
  data: { developing },
});
const ids = (stories: readonly Story[]) => stories.map((s) => s.id);
const shape = { top: 2, live: 2, perSection: 2 };

// Newest first: a1 … a9; a4 is developing.
const all = [
  story("a1", "politics"),
  story("a2", "world"),
  story("a3", "politics"),
  story("a4", "world", true),
  story("a5", "politics"),
  story("a6", "world"),
  story("a7", "politics"),
  story("a8", "world"),
  story("a9", "politics"),
];
const bySection = (section: string) => ({
  key: section,
  name: section,
  items: all.filter((s) => s.section === section),
});
const input = {
  lead: all[0],
  first: all.slice(1, 5),
  developing: all.filter((s) => s.data.developing),
  sections: [bySection("politics"), bySection("world")],
};

describe("arrangeFrontPage", () => {
  const front = arrangeFrontPage(input, shape);

  test("promotes developing stories out of the running order", () => {
    expect(ids(front.live)).toEqual(["a4"]);
    expect(ids(front.top)).toEqual(["a2", "a3"]);
    expect(ids(front.latest)).toEqual(["a5"]);
  });

  test("section blocks hold each section's newest stories not already shown", () => {
    expect(front.sections.map((s) => [s.key, ids(s.items)])).toEqual([
      ["politics", ["a7", "a9"]],
      ["world", ["a6", "a8"]],
    ]);
  });

  test("every story appears once", () => {
    const shown = [
      front.lead,
      ...front.top,
      ...front.live,
      ...front.latest,
      ...front.sections.flatMap((s) => s.items),
    ];
    expect(new Set(shown).size).toBe(shown.length);
  });

  test("a developing lead is not promoted twice, and empty sections are dropped", () => {
    const lead = story("live-lead", "politics", true);
    const small = arrangeFrontPage(
      {
        lead,
        first: [story("b1", "politics")],
        developing: [lead],
        sections: [{ key: "politics", name: "Politics", items: [lead] }],
      },
      shape,
    );
    expect(small.live).toEqual([]);
    expect(ids(small.top)).toEqual(["b1"]);
    expect(small.sections).toEqual([]);
  });
});
