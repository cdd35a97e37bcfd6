import type { Heading, PhrasingContent, Root, RootContent } from "mdast";
import { datePath, formatDay, formatTime, isoDateTime } from "../lib/dates.ts";
import { scanUpdates, type LiveUpdate } from "../news/live-updates.ts";

/**
 * Turns a story's live updates into a timeline. Updates are level-2 headings
 * that start with their time, found by `scanUpdates` (src/news/live-updates.ts); each runs until
 * the next such heading. They are shown newest first, whatever order the
 * editor wrote them in, each in a section with its own anchor and a linked
 * `<time>` in the site's zone. Times are compact: each day is named once, in
 * a line above its newest update, and the updates show their time of day
 * only; the newest is marked "Latest". A "Key points" section moves above them.
 *
 * A story still developing (`developing: true`) reads live-first, as live
 * pages do: the key points, then the newest updates, then the text before
 * the first update as the background, under a heading of its own. A reader
 * who opens a live story came for the latest, not for its twelfth
 * paragraph. Any other story keeps its text first, then the key points and
 * the timeline. Invalid update headings are left alone here: the build
 * refuses them, naming the file and the heading.
 */
export default function remarkLiveUpdates(options: { timeZone: string }) {
  const { timeZone } = options;
  return (
    tree: Root,
    file: { data: { astro?: { frontmatter?: Record<string, unknown> } } },
  ): undefined => {
    const liveFirst = file.data.astro?.frontmatter?.["developing"] === true;
    const { updates, keyPoints } = scanUpdates(tree, { timeZone });
    if (updates.length === 0 && keyPoints.length === 0) return;
    const intro: RootContent[] = [];
    let keyPointsSection: RootContent[] | undefined;
    const contents = new Map<number, RootContent[]>();
    const isUpdate = new Set(updates.map((update) => update.index));
    let current = intro;
    tree.children.forEach((node, index) => {
      if (keyPoints.includes(index)) {
        current = keyPointsSection = [node];
      } else if (isUpdate.has(index)) {
        current = [];
        contents.set(index, current);
      } else {
        current.push(node);
      }
    });

    let day: string | undefined;
    const timeline = updates.flatMap((update, order) => {
      const thisDay = datePath(update.time, timeZone).join("-");
      const dayLine = thisDay === day ? [] : [dayLineOf(update.time, thisDay, timeZone)];
      day = thisDay;
      const latest = order === 0;
      return [
        ...dayLine,
        element(
          "section",
          { className: latest ? ["update", "is-latest"] : ["update"], id: update.id },
          [
            updateHeading(tree.children[update.index] as Heading, update, latest, timeZone),
            ...(contents.get(update.index) ?? []),
          ],
        ),
      ];
    });
    const summary = keyPointsSection
      ? [element("section", { className: ["key-points"] }, keyPointsSection)]
      : [];
    // A plain box, not a section: it has no heading of its own, and each
    // update in it is a section with its heading.
    const updatesBox =
      timeline.length > 0 ? [element("div", { className: ["live-updates"] }, timeline)] : [];
    tree.children =
      liveFirst && intro.length > 0 && updatesBox.length > 0
        ? [
            ...summary,
            ...updatesBox,
            element("section", { className: ["background"] }, [
              {
                type: "heading",
                depth: 2,
                data: { hProperties: { className: ["background-title"] } },
                children: [{ type: "text", value: "Background" }],
              },
              ...intro,
            ]),
          ]
        : [...intro, ...summary, ...updatesBox];
  };
}

/** A block of the tree rendered as the HTML element of our choosing. */
function element(
  tagName: string,
  properties: Record<string, string | string[]>,
  children: RootContent[],
): RootContent {
  return {
    type: "blockquote",
    data: { hName: tagName, hProperties: properties },
    children,
  } as RootContent;
}

/** An inline node rendered as the HTML element of our choosing. */
function inline(
  tagName: string,
  properties: Record<string, string | string[]>,
  text: string,
): PhrasingContent {
  return {
    type: "emphasis",
    data: { hName: tagName, hProperties: properties },
    children: [{ type: "text", value: text }],
  };
}

/** The line naming a day of the timeline, above its newest update. */
function dayLineOf(time: Date, isoDay: string, timeZone: string): RootContent {
  return {
    type: "paragraph",
    data: { hProperties: { className: ["update-day"] } },
    children: [inline("time", { dateTime: isoDay }, formatDay(time, timeZone))],
  };
}

/**
 * The update's heading: "Latest" on the newest, its time of day in the site's
 * zone linked to its own anchor, then its title.
 */
function updateHeading(
  heading: Heading,
  update: LiveUpdate,
  latest: boolean,
  timeZone: string,
): Heading {
  const time = inline(
    "time",
    { dateTime: isoDateTime(update.time, timeZone) },
    formatTime(update.time, timeZone),
  );
  return {
    ...heading,
    data: { hProperties: { className: ["update-time"] } },
    children: [
      ...(latest
        ? [
            inline("span", { className: ["latest-mark"] }, "Latest"),
            { type: "text", value: " " } as const,
          ]
        : []),
      {
        type: "link",
        url: `#${update.id}`,
        data: { hProperties: { className: ["update-link"] } },
        children: [time],
      },
      ...(update.title
        ? [
            { type: "text", value: " " } as const,
            inline("span", { className: ["update-title"] }, update.title),
          ]
        : []),
    ],
  };
}
