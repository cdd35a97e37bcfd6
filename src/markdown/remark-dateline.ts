import type { PhrasingContent, Root } from "mdast";
import type { VFile } from "vfile";

/**
 * The dateline as it leads a story: "Washington (CNN) —", or "(CNN) —" when
 * only the source is given.
 *
 * @example datelineText("Washington", "CNN") // "Washington (CNN) —"
 */
export function datelineText(place: string | undefined, source: string): string {
  return `${place ? `${place} ` : ""}(${source}) \u2014`;
}

/**
 * Leads the first paragraph with the dateline from the frontmatter, as wire
 * copy does, so it reads as part of the story's first sentence and prints
 * with it. Nothing is added when the frontmatter names neither a place
 * (`dateline`) nor a `source`; `shortName` is the site's, the default source.
 */
export default function remarkDateline(options: { shortName: string }) {
  return (tree: Root, file: VFile): undefined => {
    const frontmatter = file.data.astro?.frontmatter ?? {};
    const place = stringField(frontmatter["dateline"]);
    const source = stringField(frontmatter["source"]);
    if (!place && !source) return;
    const paragraph = tree.children.find((node) => node.type === "paragraph");
    if (!paragraph) return;
    const dateline: PhrasingContent = {
      type: "strong",
      data: { hName: "span", hProperties: { className: ["dateline"] } },
      children: [{ type: "text", value: datelineText(place, source ?? options.shortName) }],
    };
    paragraph.children.unshift(dateline, { type: "text", value: " " });
  };
}

function stringField(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
