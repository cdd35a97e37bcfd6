import { expect, test } from "vitest";
import { extractUpdates } from "../../src/news/live-updates.ts";
import { updateTexts } from "../../src/distribution/update-text.ts";

const ZONE = "America/New_York";
const markdown = `The storm moved up the coast.

## Key points

- Not an update.

## 2021-03-01 19:45 — Evacuation order *lifted*

Officials lifted the "order" in [the county](/x/).

- Roads reopen
- Schools stay shut

<div>raw</div>

## 2021-03-01 14:00

The storm reached the coast.

## Background

Not part of the update.
`;

test("each update's text is what follows its heading, plain, up to the next section", () => {
  const { updates } = extractUpdates(markdown, {
    published: new Date("2021-03-01T12:00:00-05:00"),
    timeZone: ZONE,
  });
  const texts = updateTexts(markdown, ZONE);
  expect(updates.map((update) => [update.id, texts.get(update.id)])).toEqual([
    [
      "update-2021-03-01-1945",
      "Officials lifted the \u201corder\u201d in the county.\n\nRoads reopen\nSchools stay shut",
    ],
    ["update-2021-03-01-1400", "The storm reached the coast."],
  ]);
});

test("two updates in the same minute keep their own texts under the page's anchors", () => {
  const twice = "## 2021-03-01 14:00\n\nFirst.\n\n## 2021-03-01 14:00 — Again\n\nSecond.\n";
  const { updates } = extractUpdates(twice, {
    published: new Date("2021-03-01T12:00:00-05:00"),
    timeZone: ZONE,
  });
  const texts = updateTexts(twice, ZONE);
  expect(updates.map((u) => [u.title, texts.get(u.id)])).toEqual([
    ["Again", "Second."],
    ["", "First."],
  ]);
});
