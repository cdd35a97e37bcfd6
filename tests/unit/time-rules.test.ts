import { describe, expect, test } from "vitest";
import { dayBounds, isSameDay } from "../../src/lib/news-time.ts";
import {
  inNewsWindow,
  isScheduled,
  nextChange,
  TIME_RULES,
  timesShownByDay,
  type TimedStory,
} from "../../src/news/time-rules.ts";
import { TIME_RULE_NAMES } from "../../src/site/build-time.ts";

const NY = "America/New_York";
const SITE = { timeZone: NY, liveForHours: 12 };
const at = (iso: string) => new Date(iso);

/** A story with its times; the rest as a plain published story. */
function story(file: string, published: string, more: Partial<TimedStory> = {}): TimedStory {
  return {
    file,
    published: at(published),
    draft: false,
    developing: false,
    timeUnknown: false,
    lastChange: at(published),
    ...more,
  };
}

// The moments of tests/fixtures/scheduled, seen from a build at 11:55 p.m. on March 1, 2021.
const STORIES = [
  story("embargoed.md", "2021-03-02T09:00:00-05:00"),
  story("late-night.md", "2021-03-01T23:50:00-05:00"),
  story("ferry.md", "2021-02-28T00:55:00-05:00"),
  story("storm.md", "2021-03-01T18:00:00-05:00", {
    developing: true,
    lastChange: at("2021-03-01T22:30:00-05:00"),
    latestUpdate: at("2021-03-01T22:30:00-05:00"),
  }),
  story("old.md", "2021-02-20T10:00:00-05:00"),
  story("draft.md", "2021-03-01T23:00:00-05:00", { draft: true }),
];

describe.each([
  // after, rule, next moment, file
  ["2021-03-01T23:55:00-05:00", "scheduled", "2021-03-02T09:00:00-05:00", "embargoed.md"],
  ["2021-03-01T23:55:00-05:00", "news-sitemap", "2021-03-02T00:55:00-05:00", "ferry.md"],
  ["2021-03-01T23:55:00-05:00", "today", "2021-03-02T00:00:00-05:00", "late-night.md"],
  ["2021-03-02T09:00:00-05:00", "scheduled", undefined, undefined],
  ["2021-03-02T09:00:00-05:00", "today", "2021-03-03T00:00:00-05:00", "embargoed.md"],
  ["2021-03-02T09:00:00-05:00", "news-sitemap", "2021-03-03T18:00:00-05:00", "storm.md"],
  // Live until twelve hours after its last update, 10:30 p.m.
  ["2021-03-01T23:55:00-05:00", "live", "2021-03-02T10:30:00-05:00", "storm.md"],
  ["2021-03-02T10:30:00-05:00", "live", undefined, undefined],
  ["2021-03-01T23:55:00-05:00", "masthead", "2021-03-02T00:00:00-05:00", undefined],
  ["2021-03-02T00:00:00-05:00", "masthead", "2021-03-03T00:00:00-05:00", undefined],
] as const)("after %s, %s", (after, rule, moment, file) => {
  test(`next changes ${moment ? `at ${moment}` : "never"}`, () => {
    const next = TIME_RULES[rule].next(STORIES, at(after), SITE);
    expect(next?.at.getTime()).toBe(moment && at(moment).getTime());
    expect(next?.file).toBe(file);
  });
});

test("the next change of all is the earliest rule's, the first rule named when two fall together", () => {
  expect(nextChange(STORIES, at("2021-03-01T23:55:00-05:00"), SITE)).toMatchObject({
    rule: "today",
    at: at("2021-03-02T00:00:00-05:00"),
    file: "late-night.md",
  });
  // A story going out at its time also enters the news sitemap: named as scheduled.
  expect(nextChange(STORIES, at("2021-03-02T01:00:00-05:00"), SITE)).toMatchObject({
    rule: "scheduled",
    reason: "a scheduled story goes out",
  });
  // Whatever the stories, the masthead's date changes at the newsroom's midnight.
  expect(
    nextChange([story("old.md", "2021-02-01T10:00:00-05:00")], at("2021-03-01T00:00:00Z"), SITE),
  ).toEqual({
    rule: "masthead",
    at: at("2021-03-01T00:00:00-05:00"),
    reason: "the newsroom's midnight: the fronts' masthead prints the new day's date",
  });
});

test("drafts never change anything, and a story listed with its date alone has no day to change", () => {
  const quiet = [
    story("draft.md", "2021-03-02T09:00:00-05:00", { draft: true }),
    story("undated.md", "2021-02-01T10:00:00-05:00", { timeUnknown: true }),
  ];
  expect(nextChange(quiet, at("2021-03-01T12:00:00-05:00"), SITE)?.rule).toBe("masthead");
  expect(
    timesShownByDay(story("x.md", "2021-03-01T10:00:00-05:00", { timeUnknown: true })),
  ).toEqual([]);
});

test("the rules' predicates: scheduled until its time, in the news sitemap for under two days", () => {
  const published = at("2021-03-02T09:00:00-05:00");
  expect(isScheduled({ draft: false, published }, at("2021-03-02T08:59:59-05:00"))).toBe(true);
  expect(isScheduled({ draft: false, published }, published)).toBe(false);
  expect(isScheduled({ draft: true, published }, at("2021-03-01T00:00:00Z"))).toBe(false);
  expect(inNewsWindow(published, at("2021-03-02T08:59:59-05:00"))).toBe(false);
  expect(inNewsWindow(published, published)).toBe(true);
  expect(inNewsWindow(published, at("2021-03-04T08:59:59-05:00"))).toBe(true);
  expect(inNewsWindow(published, at("2021-03-04T09:00:00-05:00"))).toBe(false);
});

test("every rule that reads the build's time is in the registry", () => {
  expect(Object.keys(TIME_RULES).sort()).toEqual([...TIME_RULE_NAMES].sort());
});

describe.each([
  // A plain day, the day New York's clocks go forward (23 hours), one that ends
  // with clocks going back (25 hours), and Santiago's day that starts at 1:00
  // because its clocks jump from midnight.
  [NY, "2021-03-01T15:00:00-05:00", "2021-03-01T00:00:00-05:00", "2021-03-02T00:00:00-05:00"],
  [NY, "2021-03-14T12:00:00-04:00", "2021-03-14T00:00:00-05:00", "2021-03-15T00:00:00-04:00"],
  [NY, "2021-11-07T12:00:00-05:00", "2021-11-07T00:00:00-04:00", "2021-11-08T00:00:00-05:00"],
  [
    "America/Santiago",
    "2021-09-05T12:00:00-03:00",
    "2021-09-05T01:00:00-03:00",
    "2021-09-06T00:00:00-03:00",
  ],
])("dayBounds in %s of %s", (zone, time, start, end) => {
  test("are where the same-day test turns", () => {
    const [from, to] = dayBounds(at(time), zone);
    expect([from.toISOString(), to.toISOString()]).toEqual([
      at(start).toISOString(),
      at(end).toISOString(),
    ]);
    expect(isSameDay(new Date(from.getTime() - 1), at(time), zone)).toBe(false);
    expect(isSameDay(from, at(time), zone)).toBe(true);
    expect(isSameDay(new Date(to.getTime() - 1), at(time), zone)).toBe(true);
    expect(isSameDay(to, at(time), zone)).toBe(false);
  });
});

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What every rule decides at `now`: two equal answers mean the same site by every rule. */
const answers = (stories: readonly TimedStory[], now: Date, zone: string) =>
  JSON.stringify(
    Object.values(TIME_RULES).map((rule) =>
      rule.answer(stories, now, { timeZone: zone, liveForHours: 12 }),
    ),
  );

describe.each([NY, "Asia/Kolkata", "Pacific/Chatham"])("in %s", (zone) => {
  test("the next change is exact: every rule's answer holds until then and changes then", () => {
    const next = random(zone.length);
    const base = at("2021-03-12T12:00:00Z").getTime();
    const HOUR = 3_600_000;
    // Times on a few days around `base`, on the quarter hour (many fall on
    // the same moment) and any minute, across New York's change of clocks.
    const time = () => {
      const offset = (next() - 0.5) * 5 * 24 * HOUR;
      return new Date(
        base + (next() < 0.5 ? Math.round(offset / (HOUR / 4)) * (HOUR / 4) : Math.round(offset)),
      );
    };
    for (let round = 0; round < 60; round++) {
      const stories = Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) => {
        const published = time();
        const developing = next() < 0.4;
        const latestUpdate =
          developing && next() < 0.8
            ? new Date(published.getTime() + next() * 30 * HOUR)
            : undefined;
        return story(`s${i}.md`, published.toISOString(), {
          draft: next() < 0.1,
          developing,
          timeUnknown: next() < 0.15,
          latestUpdate,
          lastChange: latestUpdate ?? published,
        });
      });
      let after = time();
      // Walks from change to change: every moment named is a real change, none is missed.
      for (let step = 0; step < 12; step++) {
        const change = nextChange(stories, after, { timeZone: zone, liveForHours: 12 });
        const before = answers(stories, after, zone);
        if (!change) {
          expect(answers(stories, new Date(after.getTime() + 9 * 24 * HOUR), zone)).toBe(before);
          break;
        }
        expect(change.at.getTime()).toBeGreaterThan(after.getTime());
        for (const fraction of [0.25, 0.5, 0.75]) {
          const between = after.getTime() + (change.at.getTime() - after.getTime() - 1) * fraction;
          expect(answers(stories, new Date(Math.ceil(between)), zone)).toBe(before);
        }
        expect(answers(stories, new Date(change.at.getTime() - 1), zone)).toBe(before);
        expect(
          answers(stories, change.at, zone),
          `${change.rule} at ${change.at.toISOString()}`,
        ).not.toBe(before);
        after = change.at;
      }
    }
  });
});
