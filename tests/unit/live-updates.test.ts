import { describe, expect, test } from "vitest";
import { fromMarkdown } from "mdast-util-from-markdown";
import {
  extractUpdates,
  parseHeading,
  scanUpdates,
  uniqueIds,
} from "../../src/news/live-updates.ts";
import { renderMarkdown } from "../support/markdown.ts";

const NY = "America/New_York";

describe.each([
  ["2021-03-01 19:45", "2021-03-02T00:45:00.000Z", "", "update-2021-03-01-1945"],
  [
    "2021-03-01 19:45 — Order lifted",
    "2021-03-02T00:45:00.000Z",
    "Order lifted",
    "update-2021-03-01-1945",
  ],
  [
    "2021-03-01T19:45: Order lifted",
    "2021-03-02T00:45:00.000Z",
    "Order lifted",
    "update-2021-03-01-1945",
  ],
  [
    "2021-07-01 09:05 - Summer time",
    "2021-07-01T13:05:00.000Z",
    "Summer time",
    "update-2021-07-01-0905",
  ],
  // An explicit offset wins over the site's zone; the anchor still reads in the site's zone.
  ["2021-03-01 19:45 +00:00", "2021-03-01T19:45:00.000Z", "", "update-2021-03-01-1445"],
  ["2021-03-01 19:45:30Z", "2021-03-01T19:45:30.000Z", "", "update-2021-03-01-1445"],
  // The night the clocks go back, 01:30 happens twice: the offset says which.
  [
    "2026-11-01 01:30 -04:00 — First",
    "2026-11-01T05:30:00.000Z",
    "First",
    "update-2026-11-01-0130",
  ],
  ["2026-11-01 01:30 -05:00", "2026-11-01T06:30:00.000Z", "", "update-2026-11-01-0130"],
  // The hours either side of a change are ordinary times.
  ["2026-03-08 01:59", "2026-03-08T06:59:00.000Z", "", "update-2026-03-08-0159"],
  ["2026-03-08 03:00", "2026-03-08T07:00:00.000Z", "", "update-2026-03-08-0300"],
  ["2026-11-01 02:00", "2026-11-01T07:00:00.000Z", "", "update-2026-11-01-0200"],
])("the heading %j", (heading, iso, title, id) => {
  test("is an update at that time", () => {
    const parsed = parseHeading(heading, NY);
    expect(parsed?.kind).toBe("update");
    if (parsed?.kind !== "update") return;
    expect(parsed.time.toISOString()).toBe(iso);
    expect(parsed.title).toBe(title);
    expect(parsed.id).toBe(id);
  });
});

test.each(["Key points", "key points", "Latest"])("%j introduces the key points", (heading) => {
  expect(parseHeading(heading, NY)).toEqual({ kind: "key-points" });
});

test.each(["Background", "What we know", "2021 in review"])(
  "%j is an ordinary heading",
  (heading) => {
    expect(parseHeading(heading, NY)).toBeUndefined();
  },
);

test.each([
  "2021-02-30 10:00",
  "2021-03-01 25:00",
  "2021-03-01 10:61",
  "2021-13-01 10:00",
  "2021-03-01",
  "2021-03-01 7pm",
])("%j is refused as an update without a valid time", (heading) => {
  const parsed = parseHeading(heading, NY);
  expect(parsed?.kind).toBe("invalid");
  if (parsed?.kind === "invalid") expect(parsed.message).toContain(`found "## ${heading}"`);
});

test("a time the clocks skipped is refused, naming the gap and the time the clock showed", () => {
  expect(parseHeading("2026-03-08 02:30 — Storm", NY)).toEqual({
    kind: "invalid",
    message:
      'expected a time the clocks of America/New_York showed; found "## 2026-03-08 02:30 — Storm", a time they skipped when they went forward that night (write the time the clock showed, 03:30, or the time with its offset)',
  });
});

test("a time the clocks showed twice is refused, asking for its offset", () => {
  expect(parseHeading("2026-11-01 01:30 — Storm", NY)).toEqual({
    kind: "invalid",
    message:
      'expected a time that names one moment; found "## 2026-11-01 01:30 — Storm", which the clocks of America/New_York showed twice when they went back that night: write it with its offset, "## 2026-11-01 01:30 -04:00" for the first (EDT) or "## 2026-11-01 01:30 -05:00" for the second (EST)',
  });
  // In a zone whose clocks never change, the same time is one moment.
  expect(parseHeading("2026-11-01 01:30", "Asia/Tokyo")).toMatchObject({ kind: "update" });
});

describe("extractUpdates", () => {
  const published = new Date("2021-03-01T14:00:00-05:00");
  const markdown = [
    "Intro.",
    "## 2021-03-01 14:00",
    "First.",
    "```",
    "## 2021-03-01 99:99 inside code is not a heading",
    "```",
    "## 2021-03-01 19:45 — Latest",
    "## Background",
    "### 2021-03-01 20:00 a level-3 heading is not an update",
  ].join("\n\n");

  test("finds the updates, newest first", () => {
    const { updates, problems } = extractUpdates(markdown, { published, timeZone: NY });
    expect(problems).toEqual([]);
    expect(updates.map((u) => [u.id, u.title])).toEqual([
      ["update-2021-03-01-1945", "Latest"],
      ["update-2021-03-01-1400", ""],
    ]);
  });

  test("names every invalid update and every update before publication", () => {
    const { updates, problems } = extractUpdates(
      "## 2021-03-01 12:00 — Too early\n\n## 2021-02-30 10:00\n\n## 2021-03-01 15:00",
      { published, timeZone: NY },
    );
    expect(updates).toHaveLength(1);
    expect(problems.map((problem) => problem.line)).toEqual([1, 3]);
    expect(problems.map((problem) => problem.message)).toEqual([
      'update "## 2021-03-01 12:00 — Too early": expected a time no earlier than published (2021-03-01T14:00:00-05:00); found 2021-03-01T12:00:00-05:00',
      expect.stringMatching(
        /^update "## 2021-02-30 10:00": expected an update heading such as "## 2021-03-01 19:45".*which is not a valid time$/,
      ),
    ]);
  });
});

describe("one reader for the page, the build and the check", () => {
  const published = new Date("2021-03-01T14:00:00-05:00");
  // Each update's anchor and title, as the page shows them and as the build reads them.
  const pageIds = async (markdown: string) =>
    [
      ...(await renderMarkdown(markdown)).matchAll(
        /<section class="update(?: is-latest)?" id="([^"]+)">\s*<h2[^>]*>(?:(?!<\/h2>).)*?(?:<span class="update-title">([^<]*)<\/span>)?<\/h2>/g,
      ),
    ].map((match) => [match[1], match[2] ?? ""]);
  const buildIds = (markdown: string) =>
    extractUpdates(markdown, { published, timeZone: NY }).updates.map((update) => [
      update.id,
      update.title,
    ]);

  test.each([
    [
      "a heading inside a list item is not an update",
      "- Point\n\n  ## 2021-03-01 15:00\n\n## 2021-03-01 16:00",
    ],
    ["a heading in a block quote is not an update", "> ## 2021-03-01 15:00\n\n## 2021-03-01 16:00"],
    ["a setext heading is one", "2021-03-01 15:00 — Setext\n---\n\nText.\n\n## 2021-03-01 16:00"],
    [
      "of two updates in the same minute the later written is newer",
      "## 2021-03-01 15:00 — First\n\nA.\n\n## 2021-03-01 15:00 — Second\n\nB.",
    ],
    ["indented code is not a heading", "Intro.\n\n    ## 2021-03-01 15:00\n\n## 2021-03-01 16:00"],
  ])("%s, alike on the page and in the build", async (_name, markdown) => {
    expect(buildIds(markdown)).toEqual(await pageIds(markdown));
  });

  test("updates take their title as text, without the Markdown", () => {
    const [update] = extractUpdates("## 2021-03-01 15:00 — *Order* lifted", {
      published,
      timeZone: NY,
    }).updates;
    expect(update?.title).toBe("Order lifted");
  });

  test("scanUpdates gives each update's place in the tree and the key points", () => {
    const scanned = scanUpdates(
      fromMarkdown("Intro.\n\n## Key points\n\n- A\n\n## 2021-03-01 15:00\n\nText."),
      { timeZone: NY },
    );
    expect(scanned.keyPoints).toEqual([1]);
    expect(scanned.updates.map((update) => [update.index, update.line])).toEqual([[3, 7]]);
  });

  test("a story without a date is not parsed at all", () => {
    expect(extractUpdates("## Background\n\nNo dates here.", { published, timeZone: NY })).toEqual({
      updates: [],
      problems: [],
    });
  });
});

test("uniqueIds keeps anchors unique within the minute", () => {
  expect(uniqueIds([{ id: "a" }, { id: "a" }, { id: "b" }, { id: "a" }]).map((u) => u.id)).toEqual([
    "a",
    "a-2",
    "b",
    "a-3",
  ]);
});
