import { describe, expect, test } from "vitest";
import { formatDay, formatTime } from "../../src/lib/dates.ts";
import { publishedTime, sameDay, updatedTime } from "../../src/news/article-times.ts";

const NY = "America/New_York";
const at = (iso: string) => new Date(iso);

describe("publishedTime", () => {
  test.each([
    // [published, timeUnknown, iso, date, time]
    ["2020-05-26T22:39:00Z", false, "2020-05-26T18:39:00-04:00", "May 26, 2020", "6:39 p.m. EDT"],
    ["2020-05-26T04:00:00Z", false, "2020-05-26T00:00:00-04:00", "May 26, 2020", "12:00 a.m. EDT"],
    // The seed: midnight stands for "some time that day".
    ["2020-05-26T04:00:00Z", true, "2020-05-26", "May 26, 2020", ""],
    // Late evening in New York is the next day in UTC: the zone's day counts.
    ["2021-01-06T04:30:00Z", true, "2021-01-05", "January 5, 2021", ""],
  ] as const)("%s, timeUnknown %s", (published, timeUnknown, iso, date, time) => {
    expect(publishedTime({ published: at(published), timeUnknown }, NY)).toEqual({
      iso,
      date,
      time,
    });
  });
});

describe("updatedTime", () => {
  const published = at("2020-05-26T13:00:00Z");
  test.each([
    ["not given", undefined, undefined],
    ["same instant", "2020-05-26T13:00:00Z", undefined],
    [
      "later that day: time alone",
      "2020-05-26T22:39:00Z",
      { iso: "2020-05-26T18:39:00-04:00", date: "", time: "6:39 p.m. EDT" },
    ],
    [
      "another day that year: date without the year, and time",
      "2020-05-27T13:05:00Z",
      { iso: "2020-05-27T09:05:00-04:00", date: "May 27", time: "9:05 a.m. EDT" },
    ],
    [
      "another year: date in full, and time",
      "2021-01-02T14:05:00Z",
      { iso: "2021-01-02T09:05:00-05:00", date: "January 2, 2021", time: "9:05 a.m. EST" },
    ],
  ] as const)("%s", (_, updated, expected) => {
    expect(updatedTime(published, updated ? at(updated) : undefined, NY)).toEqual(expected);
  });
});

test("formatTime, formatDay and sameDay use the site's zone", () => {
  const lateEvening = at("2021-03-02T03:30:00Z"); // 10:30 p.m. March 1 in New York
  expect(formatTime(lateEvening, NY)).toBe("10:30 p.m. EST");
  expect(formatDay(lateEvening, NY)).toBe("Monday, March 1, 2021");
  expect(sameDay(lateEvening, at("2021-03-01T15:00:00Z"), NY)).toBe(true);
  expect(sameDay(lateEvening, at("2021-03-02T15:00:00Z"), NY)).toBe(false);
  expect(formatTime(lateEvening, "Europe/London")).toBe("3:30 a.m. GMT");
});
