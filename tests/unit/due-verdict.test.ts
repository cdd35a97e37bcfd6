import { describe, expect, test } from "vitest";
import { dueVerdict } from "../../src/editor/due-verdict.ts";
import type { TimedStory } from "../../src/news/time-rules.ts";

const NY = "America/New_York";
const at = (iso: string) => new Date(iso);
const embargoed: TimedStory = {
  file: "embargoed.md",
  published: at("2021-03-02T09:00:00-05:00"),
  draft: false,
  developing: false,
  timeUnknown: false,
  lastChange: at("2021-03-02T09:00:00-05:00"),
};
const base = {
  stories: [embargoed],
  digest: "content-1",
  code: "code-1",
  // A build made after the newsroom's midnight: the scheduled story is the
  // next change of that day.
  since: at("2021-03-02T00:30:00-05:00"),
  timeZone: NY,
  liveForHours: 12,
  shown: (file: string) => `content/${file}`,
};

describe.each([
  ["a second before", "2021-03-02T08:59:59-05:00", false],
  ["at the time", "2021-03-02T09:00:00-05:00", true],
  ["an hour after", "2021-03-02T10:00:00-05:00", true],
])("a scheduled story, %s", (_, now, due) => {
  test(due ? "is due, naming the reason and the file" : "is not due, saying when", () => {
    expect(dueVerdict({ ...base, now: at(now) })).toEqual({
      due,
      line: `${due ? "due" : "next"}: 2021-03-02T09:00:00-05:00 a scheduled story goes out (content/embargoed.md)`,
    });
  });
});

test("a build made after the moment is not due for it again", () => {
  const verdict = dueVerdict({
    ...base,
    since: at("2021-03-02T09:00:00-05:00"),
    now: at("2021-03-02T09:30:00-05:00"),
  });
  expect(verdict.due).toBe(false);
  expect(verdict.line).toMatch(/^next: 2021-03-03T00:00:00-05:00 the newsroom's midnight/);
});

test("content or code other than the last build's is due at once, naming what changed", () => {
  const now = at("2021-03-02T01:00:00-05:00");
  const last = { content: "content-0", code: "code-1" };
  expect(
    dueVerdict({ ...base, now, last, changed: ["a.md", "b.md", "c.md", "d.md", "e.md"] }),
  ).toEqual({
    due: true,
    line: "due: the content changed since the last build (content/a.md, content/b.md, content/c.md and 2 more)",
  });
  expect(dueVerdict({ ...base, now, last }).line).toBe(
    "due: the content changed since the last build (the content folder: its digest is not the last build's)",
  );
  expect(dueVerdict({ ...base, now, last: { content: "content-1", code: "code-0" } }).line).toBe(
    "due: the site's code changed since the last build (src/, astro.config.ts or package-lock.json)",
  );
  expect(dueVerdict({ ...base, now, last: { content: "content-1", code: "code-1" } }).due).toBe(
    false,
  );
});

test("with no story to change, the masthead's date is the next change", () => {
  expect(dueVerdict({ ...base, stories: [], now: at("2021-03-02T12:00:00-05:00") })).toEqual({
    due: false,
    line: "next: 2021-03-03T00:00:00-05:00 the newsroom's midnight: the fronts' masthead prints the new day's date",
  });
  expect(dueVerdict({ ...base, stories: [], now: at("2021-03-03T00:00:00-05:00") }).due).toBe(true);
});
