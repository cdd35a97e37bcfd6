import { TZDate } from "@date-fns/tz";
import { isoDateTime } from "../lib/dates.ts";

/**
 * How editors write a live update, in the article's own Markdown: a level-2
 * heading that starts with the update's time in the site's time zone,
 * optionally followed by a dash and a title.
 *
 *     ## 2021-03-01 19:45 — Evacuation order lifted
 *
 * A `## Key points` (or `## Latest`) section, when present, is the summary
 * shown above the updates.
 */
export const UPDATE_EXAMPLE = "2021-03-01 19:45";

/** Headings that start like a date are meant as updates, valid or not. */
const LOOKS_LIKE_UPDATE = /^\d{4}-\d{1,2}-\d{1,2}/;
const UPDATE_HEADING =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|[+-]\d{2}:?\d{2})?(?:\s*[—–:-]+\s*(.*))?$/;
const KEY_POINTS = /^(key points|latest)$/i;

/** A parsed update heading. */
export interface UpdateHeading {
  kind: "update";
  time: Date;
  /** The title after the time, if any. */
  title: string;
  /** Anchor id, from the time in the site's zone: `update-2021-03-01-1945`. */
  id: string;
}

/**
 * Reads a level-2 heading's text: an update (with its time), the key points,
 * `undefined` for an ordinary heading, or `invalid` with a message for a
 * heading that starts like a date but is not a valid time.
 *
 * @example parseHeading("2021-03-01 19:45 — Order lifted", "America/New_York")
 * // { kind: "update", time: 2021-03-02T00:45:00Z, title: "Order lifted", id: "update-2021-03-01-1945" }
 */
export function parseHeading(
  text: string,
  timeZone: string,
): UpdateHeading | { kind: "key-points" } | { kind: "invalid"; message: string } | undefined {
  const trimmed = text.trim();
  if (KEY_POINTS.test(trimmed)) return { kind: "key-points" };
  if (!LOOKS_LIKE_UPDATE.test(trimmed)) return undefined;
  const match = UPDATE_HEADING.exec(trimmed);
  const expected = `expected an update heading such as "## ${UPDATE_EXAMPLE}" or "## ${UPDATE_EXAMPLE} — Title" (24-hour time, the site's time zone unless an offset follows)`;
  if (!match) return { kind: "invalid", message: `${expected}; found "## ${trimmed}"` };
  const [, y, mo, d, h, mi, s, offset, title] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s ?? "0"].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return {
      kind: "invalid",
      message: `${expected}; found "## ${trimmed}", which is not a valid time`,
    };
  }
  const time = offset
    ? new Date(
        Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes(offset) * 60_000,
      )
    : new Date(new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime());
  const local = isoDateTime(time, timeZone);
  return {
    kind: "update",
    time,
    title: (title ?? "").trim(),
    id: `update-${local.slice(0, 10)}-${local.slice(11, 13)}${local.slice(14, 16)}`,
  };
}

/**
 * Minutes east of UTC of an ISO offset.
 *
 * @example offsetMinutes("-05:00") // -300
 */
function offsetMinutes(offset: string): number {
  if (offset === "Z") return 0;
  const [, sign, hours, minutes] = /([+-])(\d{2}):?(\d{2})/.exec(offset) ?? [];
  return (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** An update as the rest of the site needs it: when, and where on the page. */
export interface LiveUpdate {
  time: Date;
  title: string;
  id: string;
}

/**
 * Finds the updates in an article's Markdown without rendering it, checking
 * each: a heading that starts like a date must be a valid time, and no update
 * may come before the story was published. Returns the updates newest first,
 * and every problem found, each naming the update.
 */
export function extractUpdates(
  markdown: string,
  options: { published: Date; timeZone: string },
): { updates: LiveUpdate[]; problems: string[] } {
  const updates: LiveUpdate[] = [];
  const problems: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.split("\n")) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? "";
      if (!fence) fence = marker;
      else if (marker.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence) continue;
    const heading = /^ {0,3}##(?!#)\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const parsed = parseHeading(heading[1] ?? "", options.timeZone);
    if (parsed?.kind === "invalid") problems.push(`update "## ${heading[1]}": ${parsed.message}`);
    if (parsed?.kind !== "update") continue;
    if (parsed.time < options.published) {
      problems.push(
        `update "## ${heading[1]}": expected a time no earlier than published (${isoDateTime(options.published, options.timeZone)}); found ${isoDateTime(parsed.time, options.timeZone)}`,
      );
      continue;
    }
    updates.push({ time: parsed.time, title: parsed.title, id: parsed.id });
  }
  return {
    updates: uniqueIds(updates.sort((a, b) => b.time.getTime() - a.time.getTime())),
    problems,
  };
}

/**
 * Updates newest first, with unique anchors. Of two updates at the same time
 * the one written later in the file counts as newer. The page and everything
 * that links to an update order them this one way.
 */
export function newestFirst<T extends { time: Date; id: string }>(updates: readonly T[]): T[] {
  return uniqueIds(
    updates
      .map((update, order) => ({ update, order }))
      .sort((a, b) => b.update.time.getTime() - a.update.time.getTime() || b.order - a.order)
      .map(({ update }) => update),
  );
}

/** Two updates in the same minute get `-2`, `-3`… so every anchor is unique. */
export function uniqueIds<T extends { id: string }>(updates: T[]): T[] {
  const seen = new Map<string, number>();
  return updates.map((update) => {
    const count = (seen.get(update.id) ?? 0) + 1;
    seen.set(update.id, count);
    return count === 1 ? update : { ...update, id: `${update.id}-${count}` };
  });
}
