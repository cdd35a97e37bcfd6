import { describe, expect, test } from "vitest";
import { extractUpdates, parseHeading, uniqueIds } from "../../src/news/live-updates.ts";

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
    expect(problems).toEqual([
      'update "## 2021-03-01 12:00 — Too early": expected a time no earlier than published (2021-03-01T14:00:00-05:00); found 2021-03-01T12:00:00-05:00',
      expect.stringMatching(
        /^update "## 2021-02-30 10:00": expected an update heading such as "## 2021-03-01 19:45".*which is not a valid time$/,
      ),
    ]);
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
