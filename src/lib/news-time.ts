import { TZDate } from "@date-fns/tz";
import { datePath, formatDate, formatDateTime, formatMonthDay, formatTime } from "./dates.ts";

/**
 * Whether two instants fall on the same calendar day in the newsroom's zone.
 *
 * @example isSameDay(new Date("2021-03-02T04:30:00Z"), new Date("2021-03-01T15:00:00Z"), "America/New_York") // true
 */
export function isSameDay(a: Date, b: Date, timeZone: string): boolean {
  return datePath(a, timeZone).join("") === datePath(b, timeZone).join("");
}

/**
 * The first instant of the calendar day that holds `date` in the zone, and
 * the first instant of the next day: where `isSameDay(date, now)` turns true
 * and false again as `now` moves on. A day without a midnight (a clock change
 * at 00:00) starts at its first wall-clock time.
 *
 * @example dayBounds(new Date("2021-03-02T04:30:00Z"), "America/New_York")
 * // [2021-03-01T05:00:00.000Z, 2021-03-02T05:00:00.000Z]
 */
export function dayBounds(date: Date, timeZone: string): [Date, Date] {
  const [year, month, day] = datePath(date, timeZone).map(Number) as [number, number, number];
  const startOf = (d: number) => new Date(new TZDate(year, month - 1, d, timeZone).getTime());
  return [startOf(day), startOf(day + 1)];
}

/**
 * A listing's time for a story: the time of day when it falls on the day the
 * site was built (`now`), the date before that. A static page cannot keep
 * "3 hours ago" true, so it prints an absolute time. A story whose time of day
 * is unknown (`timeKnown` false, the `timeUnknown` field) always shows its date.
 *
 * @example newsTime(new Date("2021-03-02T00:45:00Z"), new Date("2021-03-02T02:00:00Z"), "America/New_York") // "7:45 p.m. EST"
 * @example newsTime(new Date("2021-03-02T00:45:00Z"), new Date("2021-03-03T12:00:00Z"), "America/New_York") // "March 1, 2021"
 */
export function newsTime(date: Date, now: Date, timeZone: string, timeKnown = true): string {
  return timeKnown && isSameDay(date, now, timeZone)
    ? formatTime(date, timeZone)
    : formatDate(date, timeZone);
}

/**
 * Like {@link newsTime}, but an earlier day keeps its time too: for live
 * updates, where the hour is the news. The year goes without saying in the
 * year of `now`.
 *
 * @example newsDateTime(new Date("2021-03-02T00:45:00Z"), new Date("2021-03-03T12:00:00Z"), "America/New_York") // "March 1, 7:45 p.m. EST"
 * @example newsDateTime(new Date("2021-03-02T00:45:00Z"), new Date("2022-01-03T12:00:00Z"), "America/New_York") // "March 1, 2021, 7:45 p.m. EST"
 */
export function newsDateTime(date: Date, now: Date, timeZone: string): string {
  if (isSameDay(date, now, timeZone)) return formatTime(date, timeZone);
  return datePath(date, timeZone)[0] === datePath(now, timeZone)[0]
    ? `${formatMonthDay(date, timeZone)}, ${formatTime(date, timeZone)}`
    : formatDateTime(date, timeZone);
}

/**
 * Times for a run of live updates, newest first: the first carries its date
 * unless it is today, later ones only when their day changes. The date once
 * per day, as live pages print it.
 *
 * @example updateTimes([new Date("2021-03-02T00:45:00Z"), new Date("2021-03-01T19:00:00Z")], new Date("2021-03-05T12:00:00Z"), "America/New_York")
 * // ["March 1, 7:45 p.m. EST", "2:00 p.m. EST"]
 */
export function updateTimes(dates: readonly Date[], now: Date, timeZone: string): string[] {
  return dates.map((date, i) => {
    const previous = i === 0 ? now : dates[i - 1];
    return previous && isSameDay(date, previous, timeZone)
      ? formatTime(date, timeZone)
      : newsDateTime(date, now, timeZone);
  });
}

/**
 * The year of the footer's copyright: the build's year in the newsroom's
 * zone. Like every "today" of the site (the masthead's date, times of day
 * for today's stories), it changes at the zone's midnight: `nextDayStart`.
 *
 * @example copyrightYear(new Date("2021-01-01T03:00:00Z"), "America/New_York") // "2020"
 */
export function copyrightYear(now: Date, timeZone: string): string {
  return datePath(now, timeZone)[0];
}

/**
 * The next midnight in the zone after `now`: when everything that depends
 * on "today" (today's times, the masthead's date, the copyright year) next
 * changes its answer.
 *
 * @example nextDayStart(new Date("2021-03-02T04:30:00Z"), "America/New_York").toISOString() // "2021-03-02T05:00:00.000Z"
 */
export function nextDayStart(now: Date, timeZone: string): Date {
  return dayBounds(now, timeZone)[1];
}
