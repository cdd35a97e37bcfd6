import { tz } from "@date-fns/tz";
import { format } from "date-fns/format";
import { describe, expect, test } from "vitest";
import {
  datePath,
  formatDate,
  formatDateTime,
  formatDay,
  formatMonth,
  formatMonthDay,
  formatTime,
  instantsAt,
  isoDateTime,
  offsetText,
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

describe("every format agrees with date-fns in the zone, whatever the instant", () => {
  // date-fns with @date-fns/tz is the reference the site's formats were first
  // written with; the site now reads the wall clock once per instant itself.
  const zones = [
    NY,
    "UTC",
    "Europe/London",
    "Asia/Kolkata",
    "Australia/Lord_Howe", // half-hour daylight saving
    "Pacific/Chatham", // +12:45 and +13:45
    "America/St_Johns", // -3:30
    "Pacific/Kiritimati", // +14
    "Pacific/Pago_Pago", // -11
  ];
  // Instants spread over 1970–2037, and the day before and after each clock change of 2021.
  const instants: Date[] = [];
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let i = 0; i < 300; i++)
    instants.push(new Date(Math.floor(random() * 2_150_000_000) * 1000));
  const around = new Map<string, Date[]>();
  for (const zone of zones) {
    // Every quarter of an hour from a day before each of the zone's 2021
    // clock changes to a day after (and some odd seconds): the days on which
    // a wall clock is read instant by instant.
    const near: Date[] = [];
    const offset = (time: number) => format(time, "XXX", { in: tz(zone) });
    for (let time = Date.UTC(2021, 0, 1); time < Date.UTC(2022, 0, 1); time += 3_600_000) {
      if (offset(time) === offset(time + 3_600_000)) continue;
      for (let step = -100; step <= 100; step++) near.push(new Date(time + step * 900_001));
    }
    around.set(zone, near);
  }
  test.each(zones)("%s", (zone) => {
    for (const date of [...instants, ...(around.get(zone) ?? [])]) {
      const expected = (pattern: string) => format(date, pattern, { in: tz(zone) });
      const label = `${date.toISOString()} in ${zone}`;
      expect(datePath(date, zone).join("/"), label).toBe(expected("yyyy/MM/dd"));
      expect(formatDate(date, zone), label).toBe(expected("MMMM d, yyyy"));
      expect(formatMonthDay(date, zone), label).toBe(expected("MMMM d"));
      expect(formatMonth(date, zone), label).toBe(expected("MMMM yyyy"));
      expect(formatDay(date, zone), label).toBe(expected("EEEE, MMMM d, yyyy"));
      expect(isoDateTime(date, zone), label).toBe(expected("yyyy-MM-dd'T'HH:mm:ssXXX"));
      expect(formatTime(date, zone), label).toBe(
        `${expected("h:mm aaaa")} ${zoneAbbreviation(date, zone)}`,
      );
      expect(formatDateTime(date, zone), label).toBe(
        `${expected("MMMM d, yyyy, h:mm aaaa")} ${zoneAbbreviation(date, zone)}`,
      );
    }
  });

  test("an invalid date is refused, as date-fns refuses it", () => {
    expect(() => formatDate(new Date("not a date"), NY)).toThrow(RangeError);
  });
});

describe.each([
  // A local time, its zone, and every instant its clocks showed it at.
  ["2026-07-01 12:00", NY, ["2026-07-01T16:00:00.000Z"]],
  ["2026-03-08 01:59", NY, ["2026-03-08T06:59:00.000Z"]],
  // Spring forward: 02:00 to 02:59 never happened.
  ["2026-03-08 02:30", NY, []],
  ["2026-03-08 03:00", NY, ["2026-03-08T07:00:00.000Z"]],
  // Fall back: 01:00 to 01:59 happened twice, in EDT and then in EST.
  ["2026-11-01 01:30", NY, ["2026-11-01T05:30:00.000Z", "2026-11-01T06:30:00.000Z"]],
  ["2026-11-01 02:00", NY, ["2026-11-01T07:00:00.000Z"]],
  // Lord Howe Island moves its clocks by half an hour.
  [
    "2026-04-05 01:45",
    "Australia/Lord_Howe",
    ["2026-04-04T14:45:00.000Z", "2026-04-04T15:15:00.000Z"],
  ],
  ["2026-10-04 02:15", "Australia/Lord_Howe", []],
  ["2026-11-01 01:30", "Asia/Tokyo", ["2026-10-31T16:30:00.000Z"]],
])("instantsAt(%s, %s)", (written, zone, instants) => {
  test(`is ${instants.length} instant(s)`, () => {
    const [day = "", time = ""] = written.split(" ");
    const [year, month, date] = day.split("-").map(Number) as [number, number, number];
    const [hour, minute] = time.split(":").map(Number) as [number, number];
    const local = { year, month, day: date, hour, minute, second: 0 };
    expect(instantsAt(local, zone).map((instant) => instant.toISOString())).toEqual(instants);
  });
});

test.each([
  [-300, "-05:00"],
  [0, "+00:00"],
  [330, "+05:30"],
  [-570, "-09:30"],
])("offsetText(%i) is %s", (minutes, text) => expect(offsetText(minutes)).toBe(text));
