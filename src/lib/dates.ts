import { tz } from "@date-fns/tz";
// The subpath, not the package index: the index loads all of date-fns, a second of
// module loading for the command-line tools that run without a bundler.
import { format } from "date-fns/format";

/**
 * The zone's short name at that instant ("EDT", "EST"), from the runtime's
 * time-zone data; zones without a common abbreviation come out as "GMT+1".
 *
 * @example zoneAbbreviation(new Date("2020-05-26T04:00:00Z"), "America/New_York") // "EDT"
 */
export function zoneAbbreviation(date: Date, timeZone: string): string {
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    zoneFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(date);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/** Building an Intl formatter costs far more than using one: one per zone. */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formatting results by format, zone and instant. A story's dates are shown
 * on its page and on every listing it appears in (a dozen pages or more), and
 * time-zone arithmetic is the costliest part of a listing page; the cache is
 * bounded by the number of distinct instants in the archive.
 */
const formatted = new Map<string, string>();

function cached(kind: string, date: Date, timeZone: string, compute: () => string): string {
  const key = `${kind}|${timeZone}|${date.getTime()}`;
  let value = formatted.get(key);
  if (value === undefined) {
    value = compute();
    formatted.set(key, value);
  }
  return value;
}

/**
 * A date and time as a reader sees it, in the site's zone whatever zone the
 * build machine is in.
 *
 * @example formatDateTime(new Date("2020-05-26T22:39:00Z"), "America/New_York")
 * // "May 26, 2020, 6:39 p.m. EDT"
 */
export function formatDateTime(date: Date, timeZone: string): string {
  return cached("datetime", date, timeZone, () => {
    const local = format(date, "MMMM d, yyyy, h:mm aaaa", { in: tz(timeZone) });
    return `${local} ${zoneAbbreviation(date, timeZone)}`;
  });
}

/**
 * A date alone, for listings.
 *
 * @example formatDate(new Date("2020-05-26T22:39:00Z"), "America/New_York") // "May 26, 2020"
 */
export function formatDate(date: Date, timeZone: string): string {
  return cached("date", date, timeZone, () => format(date, "MMMM d, yyyy", { in: tz(timeZone) }));
}

/**
 * ISO 8601 with the zone's offset, for `<time datetime>` and structured data.
 *
 * @example isoDateTime(new Date("2020-05-26T04:00:00Z"), "America/New_York")
 * // "2020-05-26T00:00:00-04:00"
 */
export function isoDateTime(date: Date, timeZone: string): string {
  return cached("iso", date, timeZone, () =>
    format(date, "yyyy-MM-dd'T'HH:mm:ssXXX", { in: tz(timeZone) }),
  );
}

/**
 * The calendar day in the site's zone as URL segments.
 *
 * @example datePath(new Date("2020-05-26T03:00:00Z"), "America/New_York") // ["2020", "05", "25"]
 */
export function datePath(date: Date, timeZone: string): [string, string, string] {
  const [year = "", month = "", day = ""] = cached("day", date, timeZone, () =>
    format(date, "yyyy/MM/dd", { in: tz(timeZone) }),
  ).split("/");
  return [year, month, day];
}
