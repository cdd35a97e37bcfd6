import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { toHtml } from "hast-util-to-html";
import { datePath, formatTime } from "../lib/dates.ts";

/** One update as a live story's page inserts it. */
export interface UpdateEntry {
  /** Its anchor: the id of its section on the page. */
  id: string;
  /** Its time, ISO 8601. */
  time: string;
  /** The time of day as the page's meta line shows the latest: "7:45 p.m. EST". */
  timeText: string;
  /** Its day in the newsroom's zone, "2021-03-01": a new day gets its day line. */
  day: string;
  /** The day line the page shows above the day's newest update. */
  dayHtml: string;
  /** The update's section, exactly as the page has it. */
  html: string;
}

/** The small file a live story's page checks for new updates (src/components/article/LiveCheck.astro). */
export interface LiveUpdatesJson {
  /** The updates, newest first, as the page renders them. */
  updates: UpdateEntry[];
  /**
   * Whether the updates hold pictures, which only a page build can fill in:
   * the page then offers the new updates by reloading itself.
   */
  reload: boolean;
}

/** Whether a node is an element with the class. */
function hasClass(node: RootContent | Root, name: string): node is Element {
  if (node.type !== "element") return false;
  const classes = node.properties["className"];
  return Array.isArray(classes) && classes.includes(name);
}

/**
 * The updates of a live story's rendered HTML, for its updates file: each
 * update's section and day line as the page shows them, found by parsing
 * the HTML (src/markdown/remark-live-updates.ts writes the timeline), so
 * that what the page inserts is exactly what a reload would show.
 */
export function liveUpdatesJson(html: string, timeZone: string): LiveUpdatesJson {
  const tree = fromHtml(html, { fragment: true });
  const box = tree.children.find((node) => hasClass(node, "live-updates")) as Element | undefined;
  const updates: UpdateEntry[] = [];
  let dayHtml = "";
  for (const node of box?.children ?? []) {
    if (hasClass(node, "update-day")) dayHtml = toHtml(node);
    if (!hasClass(node, "update")) continue;
    const time = findTime(node);
    const at = time ? new Date(time) : undefined;
    updates.push({
      id: String(node.properties["id"] ?? ""),
      time: time ?? "",
      timeText: at ? formatTime(at, timeZone) : "",
      day: at ? datePath(at, timeZone).join("-") : "",
      dayHtml,
      html: toHtml(node),
    });
  }
  // Astro fills in a body's pictures when it renders the page; the stored
  // HTML marks them for it instead.
  return { updates, reload: /__ASTRO_IMAGE_/.test(html) };
}

/** The `datetime` of the update heading's time. */
function findTime(node: Element): string | undefined {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    if (child.tagName === "time") {
      const value = child.properties["dateTime"];
      return typeof value === "string" ? value : undefined;
    }
    const found = findTime(child);
    if (found) return found;
  }
  return undefined;
}
