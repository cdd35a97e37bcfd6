/**
 * The zone's short name at that instant ("EDT", "EST"), from the runtime's
 * time-zone data; zones without a common abbreviation come out as "GMT+1".
 *
 * @example zoneAbbreviation(new Date("2020-05-26T04:00:00Z"), "America/New_York") // "EDT"
 */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  const key = `${timeZone}|${date.getTime()}`;
  let name = abbreviations.get(key);
  if (name === undefined) {
    let formatter = zoneFormatters.get(timeZone);
    if (!formatter) {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
      zoneFormatters.set(timeZone, formatter);
    }
    const parts = formatter.formatToParts(date);
    name = parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
    abbreviations.set(key, name);
  }
  return name;
}

/** Building an Intl formatter costs far more than using one: one per zone. */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();
/** Abbreviations by zone and instant (see `clocks`). */
const abbreviations = new Map<string, string>();

/** An instant as a clock on the wall shows it in a zone, with the zone's offset then. */
interface WallClock {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0–23. */
  hour: number;
  minute: number;
  second: number;
  /** 0 (Sunday) – 6. */
  weekday: number;
  /** Minutes ahead of UTC. */
  offset: number;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** One formatter per zone: building an Intl formatter costs far more than using one. */
const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Wall clocks by zone and instant. A story's dates are shown on its page and
 * on every listing it appears in (a dozen pages or more), and checked by the
 * rules. Bounded by the number of distinct instants in the archive.
 */
const clocks = new Map<string, Map<number, WallClock>>();

/**
 * A zone's offset (milliseconds ahead of UTC) at the start of each UTC day,
 * by zone and day; each day's start is the day before's end. Reading the
 * runtime's time-zone data is the costly part of a clock: once per day of
 * the archive rather than once per instant.
 */
const dayStarts = new Map<string, Map<number, number>>();

/** The map of `maps` for a zone, made on first use (number keys: no string built per lookup). */
function byZone<T>(maps: Map<string, Map<number, T>>, timeZone: string): Map<number, T> {
  let map = maps.get(timeZone);
  if (!map) {
    map = new Map();
    maps.set(timeZone, map);
  }
  return map;
}

/** The zone's offset at the start of UTC day `day` (days since 1970). */
function dayStart(day: number, timeZone: string): number {
  const starts = byZone(dayStarts, timeZone);
  let offset = starts.get(day);
  if (offset === undefined) {
    offset = offsetAt(day * DAY_MS, timeZone);
    starts.set(day, offset);
  }
  return offset;
}

const DAY_MS = 86_400_000;

/** The zone's offset at `time`, from the runtime's time-zone data (what date-fns' `tz` reads). */
function offsetAt(time: number, timeZone: string): number {
  let formatter = clockFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clockFormatters.set(timeZone, formatter);
  }
  const fields: Record<string, string> = {};
  for (const part of formatter.formatToParts(time)) fields[part.type] = part.value;
  const year = fields["era"] === "BC" ? 1 - Number(fields["year"]) : Number(fields["year"]);
  // The wall clock's fields read as UTC, less the instant (to the second).
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(year, Number(fields["month"]) - 1, Number(fields["day"]));
  asUtc.setUTCHours(Number(fields["hour"]), Number(fields["minute"]), Number(fields["second"]));
  return asUtc.getTime() - (time - (((time % 1000) + 1000) % 1000));
}

/**
 * The wall clock in `timeZone` at `date`: the instant shifted by the zone's
 * offset then. An offset that is the same at the start of a UTC day and of
 * the next holds all day (zones change their clocks months apart); on a day
 * of a clock change the instant's own offset is read. An invalid date throws
 * a RangeError, as date-fns does.
 */
function wallClock(date: Date, timeZone: string): WallClock {
  const time = date.getTime();
  const zoneClocks = byZone(clocks, timeZone);
  const known = zoneClocks.get(time);
  if (known) return known;
  if (Number.isNaN(time)) throw new RangeError("Invalid time value");
  const day = Math.floor(time / DAY_MS);
  const start = dayStart(day, timeZone);
  const offset = start === dayStart(day + 1, timeZone) ? start : offsetAt(time, timeZone);
  const local = new Date(time + offset);
  const clock = {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
    offset: Math.round(offset / 60_000),
  };
  zoneClocks.set(time, clock);
  return clock;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** "6:39 p.m.": the hour without padding, as date-fns' "h:mm aaaa". */
function clockTime({ hour, minute }: WallClock): string {
  return `${hour % 12 || 12}:${pad(minute)} ${hour < 12 ? "a.m." : "p.m."}`;
}

/** "May 26, 2020", as date-fns' "MMMM d, yyyy". */
function clockDate({ year, month, day }: WallClock): string {
  return `${MONTHS[month - 1]} ${day}, ${pad(year, 4)}`;
}

/**
 * A date and time as a reader sees it, in the site's zone whatever zone the
 * build machine is in.
 *
 * @example formatDateTime(new Date("2020-05-26T22:39:00Z"), "America/New_York")
 * // "May 26, 2020, 6:39 p.m. EDT"
 */
export function formatDateTime(date: Date, timeZone: string): string {
  const clock = wallClock(date, timeZone);
  return `${clockDate(clock)}, ${clockTime(clock)} ${zoneAbbreviation(date, timeZone)}`;
}

/**
 * A time of day with its zone, as a reader sees it.
 *
 * @example formatTime(new Date("2020-05-26T22:39:00Z"), "America/New_York") // "6:39 p.m. EDT"
 */
export function formatTime(date: Date, timeZone: string): string {
  return `${clockTime(wallClock(date, timeZone))} ${zoneAbbreviation(date, timeZone)}`;
}

/**
 * A date alone, for listings.
 *
 * @example formatDate(new Date("2020-05-26T22:39:00Z"), "America/New_York") // "May 26, 2020"
 */
export function formatDate(date: Date, timeZone: string): string {
  return clockDate(wallClock(date, timeZone));
}

/**
 * A month and its year, for a month's archive.
 *
 * @example formatMonth(new Date("2020-05-26T22:39:00Z"), "America/New_York") // "May 2020"
 */
export function formatMonth(date: Date, timeZone: string): string {
  const { year, month } = wallClock(date, timeZone);
  return `${MONTHS[month - 1]} ${pad(year, 4)}`;
}

/**
 * A date without its year, for a date in a year the reader already knows.
 *
 * @example formatMonthDay(new Date("2020-05-26T22:39:00Z"), "America/New_York") // "May 26"
 */
export function formatMonthDay(date: Date, timeZone: string): string {
  const { month, day } = wallClock(date, timeZone);
  return `${MONTHS[month - 1]} ${day}`;
}

/**
 * The weekday and date, for a timeline's day heading.
 *
 * @example formatDay(new Date("2021-03-02T00:45:00Z"), "America/New_York") // "Monday, March 1, 2021"
 */
export function formatDay(date: Date, timeZone: string): string {
  const clock = wallClock(date, timeZone);
  return `${WEEKDAYS[clock.weekday]}, ${clockDate(clock)}`;
}

/**
 * The weekday and date, short, for the masthead on a phone.
 *
 * @example formatShortDay(new Date("2021-03-02T00:45:00Z"), "America/New_York") // "Mon, Mar 1"
 */
export function formatShortDay(date: Date, timeZone: string): string {
  const clock = wallClock(date, timeZone);
  return `${(WEEKDAYS[clock.weekday] ?? "").slice(0, 3)}, ${(MONTHS[clock.month - 1] ?? "").slice(0, 3)} ${clock.day}`;
}

/**
 * ISO 8601 with the zone's offset ("Z" for none), for `<time datetime>` and
 * structured data.
 *
 * @example isoDateTime(new Date("2020-05-26T04:00:00Z"), "America/New_York")
 * // "2020-05-26T00:00:00-04:00"
 */
export function isoDateTime(date: Date, timeZone: string): string {
  const { year, month, day, hour, minute, second, offset } = wallClock(date, timeZone);
  const zone =
    offset === 0
      ? "Z"
      : `${offset < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${zone}`;
}

/**
 * The calendar day in the site's zone as URL segments.
 *
 * @example datePath(new Date("2020-05-26T03:00:00Z"), "America/New_York") // ["2020", "05", "25"]
 */
export function datePath(date: Date, timeZone: string): [string, string, string] {
  const { year, month, day } = wallClock(date, timeZone);
  return [pad(year, 4), pad(month), pad(day)];
}

/** A time on the wall clock in the site's zone, as an editor writes it; month 1–12. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Every instant at which a zone's clocks showed a local time: one on most
 * days; none in the hour skipped when clocks go forward (02:30 on a
 * spring-forward night in New York); two in the hour repeated when they go
 * back (01:30 on a fall-back night, once in summer time, once in winter
 * time), earliest first. The zone's offsets a day either side are the only
 * candidates: no zone changes its clocks twice in two days.
 *
 * @example instantsAt({ year: 2026, month: 3, day: 8, hour: 2, minute: 30, second: 0 }, "America/New_York") // []
 */
export function instantsAt(local: LocalTime, timeZone: string): Date[] {
  const wall = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  const offsets = new Set(
    [wall - DAY_MS, wall + DAY_MS].map((at) => wallClock(new Date(at), timeZone).offset),
  );
  return [...offsets]
    .map((offset) => new Date(wall - offset * 60_000))
    .filter((instant) => wallClock(instant, timeZone).offset * 60_000 === wall - instant.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
}

/**
 * A UTC offset as an editor writes it after a time.
 *
 * @example offsetText(-300) // "-05:00"
 */
export function offsetText(minutes: number): string {
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}
