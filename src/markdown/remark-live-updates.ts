import type { Heading, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { formatDateTime, isoDateTime } from "../lib/dates.ts";
import { newestFirst, parseHeading, type UpdateHeading } from "../news/live-updates.ts";

/**
 * Turns a story's live updates into a timeline. Updates are level-2 headings
 * that start with their time (see src/lib/live-updates.ts); each runs until
 * the next such heading. They are shown newest first, whatever order the
 * editor wrote them in, each in a section with its own anchor and a linked
 * `<time>` in the site's zone. A "Key points" section moves above them; the
 * text before the first update stays where it is. Invalid update headings are
 * left alone here: the build refuses them, naming the file and the heading.
 */
export default function remarkLiveUpdates(options: { timeZone: string }) {
  const { timeZone } = options;
  return (tree: Root): undefined => {
    const intro: RootContent[] = [];
    let keyPoints: RootContent[] | undefined;
    const updates: { update: UpdateHeading; heading: Heading; content: RootContent[] }[] = [];
    let current = intro;
    for (const node of tree.children) {
      const parsed =
        node.type === "heading" && node.depth === 2
          ? parseHeading(toString(node), timeZone)
          : undefined;
      if (node.type === "heading" && parsed?.kind === "key-points") {
        current = keyPoints = [node];
      } else if (node.type === "heading" && parsed?.kind === "update") {
        current = [];
        updates.push({ update: parsed, heading: node, content: current });
      } else {
        current.push(node);
      }
    }
    if (updates.length === 0 && !keyPoints) return;

    const timeline = newestFirst(
      updates.map((entry) => ({ ...entry, time: entry.update.time, id: entry.update.id })),
    ).map(({ update, heading, content, id }) =>
      element("section", { className: ["update"], id }, [
        updateHeading(heading, update, id, timeZone),
        ...content,
      ]),
    );
    tree.children = [
      ...intro,
      ...(keyPoints ? [element("section", { className: ["key-points"] }, keyPoints)] : []),
      ...(timeline.length > 0
        ? [element("section", { className: ["live-updates"] }, timeline)]
        : []),
    ];
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

/** The update's heading: its time in the site's zone, linked to its own anchor, then its title. */
function updateHeading(
  heading: Heading,
  update: UpdateHeading,
  id: string,
  timeZone: string,
): Heading {
  const time = inline(
    "time",
    { dateTime: isoDateTime(update.time, timeZone) },
    formatDateTime(update.time, timeZone),
  );
  return {
    ...heading,
    data: { hProperties: { className: ["update-time"] } },
    children: [
      {
        type: "link",
        url: `#${id}`,
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
