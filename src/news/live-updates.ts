import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { toString } from "mdast-util-to-string";
import { instantsAt, isoDateTime, offsetText, zoneAbbreviation } from "../lib/dates.ts";

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
  let time: Date;
  if (offset) {
    time = new Date(
      Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes(offset) * 60_000,
    );
  } else {
    // In the site's zone: a time the clocks skipped, or showed twice, names no one moment.
    const local = { year, month, day, hour, minute, second };
    const [first, later] = instantsAt(local, timeZone);
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    if (!first) {
      // What a clock that did not go forward would show then: the time after the change.
      const shown = isoDateTime(new Date(wall - offsetBefore(wall, timeZone) * 60_000), timeZone);
      return {
        kind: "invalid",
        message: `expected a time the clocks of ${timeZone} showed; found "## ${trimmed}", a time they skipped when they went forward that night (write the time the clock showed, ${shown.slice(11, 16)}, or the time with its offset)`,
      };
    }
    if (later) {
      // The same wall time once in summer time, once in winter time: either, with its offset.
      const written = `${y}-${mo}-${d} ${h}:${mi}${s === undefined ? "" : `:${s}`}`;
      const options = [first, later]
        .map(
          (instant, index) =>
            `"## ${written} ${offsetText((wall - instant.getTime()) / 60_000)}" for the ${index === 0 ? "first" : "second"} (${zoneAbbreviation(instant, timeZone)})`,
        )
        .join(" or ");
      return {
        kind: "invalid",
        message: `expected a time that names one moment; found "## ${trimmed}", which the clocks of ${timeZone} showed twice when they went back that night: write it with its offset, ${options}`,
      };
    }
    time = first;
  }
  const local = isoDateTime(time, timeZone);
  return {
    kind: "update",
    time,
    title: (title ?? "").trim(),
    id: `update-${local.slice(0, 10)}-${local.slice(11, 13)}${local.slice(14, 16)}`,
  };
}

/** A zone's offset (minutes east of UTC) a day before a wall time: before any change that night. */
function offsetBefore(wall: number, timeZone: string): number {
  const before = new Date(wall - 86_400_000);
  return (Date.parse(isoDateTime(before, timeZone).slice(0, 19) + "Z") - before.getTime()) / 60_000;
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

/** An update heading at the story's top level: what it says and where it is. */
export interface FoundUpdate extends LiveUpdate {
  /** The heading's index among the tree's top-level nodes. */
  index: number;
  /** The heading's line in the Markdown (1-based), when the tree has positions. */
  line: number | undefined;
}

/** A heading that is meant as an update but cannot be one. */
export interface UpdateProblem {
  /** The heading's line in the Markdown (1-based), when the tree has positions. */
  line: number | undefined;
  /** `update "## …": expected …; found …`. */
  message: string;
}

/** What a story's Markdown says about its live updates. */
export interface ScannedUpdates {
  /** The updates, newest first, with unique anchors. */
  updates: FoundUpdate[];
  /** Indexes of the "Key points" headings among the top-level nodes. */
  keyPoints: number[];
  problems: UpdateProblem[];
}

/**
 * The one reader of live updates: finds the update and key-points headings
 * among a parsed story's top-level nodes (a heading inside a list, a quote
 * or code is not one), and checks each update: a heading that starts like a
 * date must be a valid time, and, when `published` is given, no update may
 * come before the story was published. The page (remark-live-updates), the
 * build (`extractUpdates`, for the banner, the structured data and the feeds)
 * and `npm run check` all read updates through it, so they agree on which
 * headings are updates, their order and their anchors.
 */
export function scanUpdates(
  tree: Root,
  options: { timeZone: string; published?: Date | undefined },
): ScannedUpdates {
  const found: FoundUpdate[] = [];
  const keyPoints: number[] = [];
  const problems: UpdateProblem[] = [];
  tree.children.forEach((node, index) => {
    if (node.type !== "heading" || node.depth !== 2) return;
    const text = toString(node).trim();
    const parsed = parseHeading(text, options.timeZone);
    const line = node.position?.start.line;
    if (parsed?.kind === "key-points") keyPoints.push(index);
    if (parsed?.kind === "invalid")
      problems.push({ line, message: `update "## ${text}": ${parsed.message}` });
    if (parsed?.kind !== "update") return;
    const { published, timeZone } = options;
    if (published && parsed.time < published) {
      problems.push({
        line,
        message: `update "## ${text}": expected a time no earlier than published (${isoDateTime(published, timeZone)}); found ${isoDateTime(parsed.time, timeZone)}`,
      });
      return;
    }
    found.push({ time: parsed.time, title: parsed.title, id: parsed.id, index, line });
  });
  return { updates: newestFirst(found), keyPoints, problems };
}

/**
 * An update heading's text starts with a date, so Markdown without one has
 * no updates and need not be parsed: most stories are not live.
 */
const MAY_HAVE_UPDATES = /\d{4}-\d{1,2}-\d{1,2}/;

/**
 * The updates of an article's Markdown without rendering it (for the build
 * and the check): the story parsed as the site parses it, then read by
 * `scanUpdates`. Returns the updates newest first, and every problem found,
 * each naming the update and its line.
 */
export function extractUpdates(
  markdown: string,
  options: { published: Date; timeZone: string },
): { updates: LiveUpdate[]; problems: UpdateProblem[] } {
  const { updates, problems } = readUpdates(markdown, options);
  return { updates: updates.map(({ time, title, id }) => ({ time, title, id })), problems };
}

/** `extractUpdates` with each update's heading and line, for the rules' messages. */
export function readUpdates(
  markdown: string,
  options: { published: Date; timeZone: string },
): { updates: FoundUpdate[]; problems: UpdateProblem[] } {
  if (!MAY_HAVE_UPDATES.test(markdown)) return { updates: [], problems: [] };
  const { updates, problems } = scanUpdates(fromMarkdown(markdown), options);
  return { updates, problems };
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
