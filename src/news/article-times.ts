import { datePath, formatDate, formatMonthDay, formatTime, isoDateTime } from "../lib/dates.ts";

/** A time as an article shows it: machine-readable value and reader's text. */
export interface ShownTime {
  /** For `<time datetime>`: a full ISO date-time, or the day alone when the time is unknown. */
  iso: string;
  /** The day, e.g. "May 26, 2020"; empty when the day goes without saying. */
  date: string;
  /** The time of day, e.g. "6:39 p.m. EDT"; empty when it is unknown. */
  time: string;
}

/**
 * Whether two instants fall on the same calendar day in the zone.
 *
 * @example sameDay(new Date("2020-05-26T03:00:00Z"), new Date("2020-05-26T05:00:00Z"), "America/New_York") // false
 */
export function sameDay(a: Date, b: Date, timeZone: string): boolean {
  return datePath(a, timeZone).join("/") === datePath(b, timeZone).join("/");
}

/**
 * When a story was published, honouring `timeUnknown`: the date alone (and a
 * date-only `datetime`) when the editor says the time of day is not known, so
 * no page shows a made-up "12:00 a.m.".
 *
 * @example publishedTime({ published: new Date("2020-05-26T04:00:00Z"), timeUnknown: true }, "America/New_York")
 * // { iso: "2020-05-26", date: "May 26, 2020", time: "" }
 */
export function publishedTime(
  { published, timeUnknown }: { published: Date; timeUnknown: boolean },
  timeZone: string,
): ShownTime {
  const date = formatDate(published, timeZone);
  if (timeUnknown) return { iso: datePath(published, timeZone).join("-"), date, time: "" };
  return { iso: isoDateTime(published, timeZone), date, time: formatTime(published, timeZone) };
}

/**
 * When a story was last updated, shown only when later than its publication:
 * the time alone on the day it was published, the date without its year in
 * the same year, else date and time in full.
 *
 * @example updatedTime(new Date("2020-05-26T04:00:00Z"), new Date("2020-05-26T22:39:00Z"), "America/New_York")
 * // { iso: "2020-05-26T18:39:00-04:00", date: "", time: "6:39 p.m. EDT" }
 */
export function updatedTime(
  published: Date,
  updated: Date | undefined,
  timeZone: string,
): ShownTime | undefined {
  if (!updated || updated.getTime() <= published.getTime()) return undefined;
  return {
    iso: isoDateTime(updated, timeZone),
    date: sameDay(published, updated, timeZone)
      ? ""
      : datePath(published, timeZone)[0] === datePath(updated, timeZone)[0]
        ? formatMonthDay(updated, timeZone)
        : formatDate(updated, timeZone),
    time: formatTime(updated, timeZone),
  };
}
