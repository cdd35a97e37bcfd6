import { describe, expect, test } from "vitest";
import { formatTime } from "../../src/lib/dates.ts";
import {
  copyrightYear,
  isSameDay,
  newsDateTime,
  newsTime,
  nextDayStart,
  updateTimes,
} from "../../src/lib/news-time.ts";

const NY = "America/New_York";
// 7:45 p.m. in New York on March 1, 2021: already March 2 in UTC.
const evening = new Date("2021-03-02T00:45:00Z");

describe.each([
  ["later that evening", "2021-03-02T03:00:00Z", true],
  ["that morning", "2021-03-01T11:00:00Z", true],
  ["the next morning in New York", "2021-03-02T13:00:00Z", false],
  ["the day before", "2021-02-28T20:00:00Z", false],
])("built %s", (_, now, today) => {
  test(`is ${today ? "" : "not "}the same day`, () => {
    expect(isSameDay(evening, new Date(now), NY)).toBe(today);
  });
  test("prints a time for today and a date before", () => {
    expect(newsTime(evening, new Date(now), NY)).toBe(today ? "7:45 p.m. EST" : "March 1, 2021");
  });
  test("prints only the date when the story's time of day is unknown", () => {
    expect(newsTime(evening, new Date(now), NY, false)).toBe("March 1, 2021");
  });
  test("keeps the time on earlier days for live updates", () => {
    expect(newsDateTime(evening, new Date(now), NY)).toBe(
      today ? "7:45 p.m. EST" : "March 1, 7:45 p.m. EST",
    );
  });
});

test("an earlier year keeps its year", () => {
  expect(newsDateTime(evening, new Date("2022-01-02T12:00:00Z"), NY)).toBe(
    "March 1, 2021, 7:45 p.m. EST",
  );
});

test.each([
  // Half past eleven at night in New York: midnight is half an hour away.
  ["2021-03-02T04:30:00Z", "2021-03-02T05:00:00.000Z"],
  // The day the clocks go forward still starts at midnight EST.
  ["2021-03-13T12:00:00Z", "2021-03-14T05:00:00.000Z"],
  // In summer time, midnight is 4 a.m. UTC.
  ["2021-07-01T12:00:00Z", "2021-07-02T04:00:00.000Z"],
])("at %s the newsroom's day next changes at %s", (now, next) => {
  expect(nextDayStart(new Date(now), NY).toISOString()).toBe(next);
});

test("the copyright year is the newsroom's", () => {
  expect(copyrightYear(new Date("2021-01-01T03:00:00Z"), NY)).toBe("2020");
  expect(copyrightYear(new Date("2021-01-01T06:00:00Z"), NY)).toBe("2021");
});

test("times are in the newsroom's zone, whatever the machine's", () => {
  expect(formatTime(evening, NY)).toBe("7:45 p.m. EST");
  expect(formatTime(evening, "Europe/London")).toBe("12:45 a.m. GMT");
  expect(formatTime(new Date("2020-05-26T22:39:00Z"), NY)).toBe("6:39 p.m. EDT");
});

test("a run of updates carries each day's date once", () => {
  const updates = [
    "2021-03-02T15:00:00Z", // March 2, 10:00 a.m.
    "2021-03-02T00:45:00Z", // March 1, 7:45 p.m.
    "2021-03-01T19:00:00Z", // March 1, 2:00 p.m.
  ].map((iso) => new Date(iso));
  expect(updateTimes(updates, new Date("2021-03-02T20:00:00Z"), NY)).toEqual([
    "10:00 a.m. EST",
    "March 1, 7:45 p.m. EST",
    "2:00 p.m. EST",
  ]);
  expect(updateTimes(updates.slice(1), new Date("2021-03-09T20:00:00Z"), NY)).toEqual([
    "March 1, 7:45 p.m. EST",
    "2:00 p.m. EST",
  ]);
});
