import type { EditorComponentDefinition } from "@sveltia/cms";
import { isoDateTime } from "../../lib/dates.ts";

/**
 * The desk's "Live update" editor component: it starts an update of a
 * developing story with the heading the site reads as one (see
 * src/news/live-updates.ts and the README's "Live updates"), its time now in
 * the newsroom's zone, so that no editor types the format by hand.
 *
 *     ## 2026-12-07 14:05 — Evacuation order lifted
 */

/** An update heading as the desk writes it: the wall-clock time in the site's zone, then the title. */
const HEADING = /^## (?<time>\d{4}-\d{2}-\d{2} \d{2}:\d{2})(?: — (?<title>.*\S))?$/m;

/**
 * The heading of an update at `time`, in the site's zone and 24-hour clock.
 *
 * @example updateHeading(new Date("2026-12-07T19:05:00Z"), "America/New_York", "Order lifted")
 * // "## 2026-12-07 14:05 — Order lifted"
 */
export function updateHeading(time: Date, timeZone: string, title: string): string {
  return headingText(wallTime(time, timeZone), title);
}

/** `2026-12-07 14:05`: an instant on the newsroom's clock. */
export function wallTime(time: Date, timeZone: string): string {
  const iso = isoDateTime(time, timeZone);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function headingText(time: string, title: string): string {
  const words = title.trim();
  return `## ${time}${words === "" ? "" : ` — ${words}`}`;
}

/**
 * The component's definition for `CMS.registerEditorComponent`. `now` gives
 * the time at which the editor inserts it (passed in, for tests).
 */
export function liveUpdateComponent(
  timeZone: string,
  now: () => Date = () => new Date(),
): EditorComponentDefinition {
  return {
    id: "live-update",
    label: "Live update",
    icon: "update",
    summary: "{{time}} — {{title}}",
    fields: [
      {
        name: "time",
        label: `Time (${timeZone}, 24-hour clock)`,
        widget: "string",
        hint: "The update's time on the newsroom's clock, filled in when you insert it.",
        pattern: [
          "^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$",
          "expected a time such as 2026-12-07 14:05",
        ],
        // Read when the component is inserted, not when the desk opened.
        get default() {
          return wallTime(now(), timeZone);
        },
      },
      { name: "title", label: "Title", widget: "string", required: false },
    ],
    pattern: HEADING,
    fromBlock: (match) => ({
      time: match.groups?.["time"] ?? "",
      title: match.groups?.["title"] ?? "",
    }),
    toBlock: ({ time, title }) =>
      headingText(typeof time === "string" ? time : "", typeof title === "string" ? title : ""),
    toPreview: ({ time, title }) =>
      `<h2>${escapeHtml(headingText(String(time ?? ""), String(title ?? "")).slice(3))}</h2>`,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
