import { describe, expect, test } from "vitest";
import {
  datePath,
  formatDate,
  formatDateTime,
  isoDateTime,
  zoneAbbreviation,
} from "../../src/lib/dates.ts";

const NY = "America/New_York";

describe.each([
  // instant, zone, formatted, iso, day path
  [
    "2020-05-26T22:39:00Z",
    NY,
    "May 26, 2020, 6:39 p.m. EDT",
    "2020-05-26T18:39:00-04:00",
    "2020/05/26",
  ],
  [
    "2020-05-26T04:00:00Z",
    NY,
    "May 26, 2020, 12:00 a.m. EDT",
    "2020-05-26T00:00:00-04:00",
    "2020/05/26",
  ],
  // 11 p.m. in New York is already the next day in UTC: the story keeps its New York day.
  [
    "2021-01-06T03:30:00Z",
    NY,
    "January 5, 2021, 10:30 p.m. EST",
    "2021-01-05T22:30:00-05:00",
    "2021/01/05",
  ],
  [
    "2021-01-06T03:30:00Z",
    "Europe/London",
    "January 6, 2021, 3:30 a.m. GMT",
    "2021-01-06T03:30:00Z",
    "2021/01/06",
  ],
  [
    "2021-01-06T03:30:00Z",
    "Asia/Kolkata",
    "January 6, 2021, 9:00 a.m. GMT+5:30",
    "2021-01-06T09:00:00+05:30",
    "2021/01/06",
  ],
])("%s in %s", (instant, zone, formatted, iso, path) => {
  const date = new Date(instant);
  test("reads as a reader there expects", () => {
    expect(formatDateTime(date, zone)).toBe(formatted);
  });
  test("carries its offset in ISO 8601", () => {
    expect(isoDateTime(date, zone)).toBe(iso);
  });
  test("is dated by the local day", () => {
    expect(datePath(date, zone).join("/")).toBe(path);
  });
});

test("formatDate drops the time", () => {
  expect(formatDate(new Date("2020-05-26T22:39:00Z"), NY)).toBe("May 26, 2020");
});

test("zone abbreviations follow daylight saving", () => {
  expect(zoneAbbreviation(new Date("2020-07-01T12:00:00Z"), NY)).toBe("EDT");
  expect(zoneAbbreviation(new Date("2020-12-01T12:00:00Z"), NY)).toBe("EST");
});
