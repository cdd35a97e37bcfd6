/**
 * What the desk shows for each frontmatter field of the article schema: its
 * label and the kind of input. Everything else a field says in the desk
 * (its hint, whether it is required, its pattern, its default) is read from
 * the schema itself by desk-config.ts, and a field of the schema missing here
 * (or one here the schema does not have) stops the config from being made.
 */
export type DeskFieldKind =
  /** One line of text. */
  | "line"
  /** A few lines of text. */
  | "lines"
  /** A date-time in the newsroom's zone, saved with its offset. */
  | "date-time"
  /** A yes/no switch. */
  | "switch"
  /** A list of names, one input each. */
  | "names"
  /** One of the site's sections. */
  | "section"
  /** An image file uploaded beside the story. */
  | "image-file";

/** A field of the desk: its label and kind, or sub-fields for an object or a list of objects. */
export type DeskField =
  | { label: string; kind: DeskFieldKind }
  | { label: string; kind: "object"; fields: Readonly<Record<string, DeskField>> }
  | {
      label: string;
      singular: string;
      kind: "list";
      fields: Readonly<Record<string, DeskField>>;
    };

/** The article's frontmatter fields in the order the desk shows them (the schema's order). */
export const DESK_FIELDS: Readonly<Record<string, DeskField>> = {
  headline: { label: "Headline", kind: "line" },
  published: { label: "Published", kind: "date-time" },
  updated: { label: "Updated", kind: "date-time" },
  timeUnknown: { label: "Time of day unknown", kind: "switch" },
  dateline: { label: "Dateline", kind: "line" },
  source: { label: "Source", kind: "line" },
  authors: { label: "Authors", kind: "names" },
  contributors: { label: "Contributors", kind: "names" },
  section: { label: "Section", kind: "section" },
  tags: { label: "Tags", kind: "names" },
  summary: { label: "Summary", kind: "lines" },
  developing: { label: "Developing", kind: "switch" },
  featured: { label: "Featured", kind: "switch" },
  draft: { label: "Draft", kind: "switch" },
  image: {
    label: "Lead image",
    kind: "object",
    fields: {
      src: { label: "Image file", kind: "image-file" },
      alt: { label: "Alt text", kind: "line" },
      caption: { label: "Caption", kind: "line" },
      credit: { label: "Credit", kind: "line" },
    },
  },
  corrections: {
    label: "Corrections",
    singular: "Correction",
    kind: "list",
    fields: {
      date: { label: "Date", kind: "date-time" },
      text: { label: "Correction", kind: "lines" },
    },
  },
};
