import type { CmsConfig, EntryCollection, Field } from "@sveltia/cms";
import { z } from "astro/zod";
import { DESK_FIELDS, type DeskField } from "./desk-fields.ts";
import { LIVE_UPDATE_COMPONENT, SOURCE_KEY, STORY_FORMAT } from "./desk-names.ts";

/**
 * The editors' desk's configuration (Sveltia CMS, Decap-compatible), made
 * from the article schema and the site's settings, never written by hand:
 * every frontmatter field with its label (desk-fields.ts), its hint (the
 * schema's comment), whether the schema requires it, the patterns it
 * enforces and its default; the sections from the site's list; dates in the
 * newsroom's zone, saved with their offset. A schema field without a desk
 * field, or a desk field the schema lacks, stops it with an error.
 */

/** What the desk is made from. */
export interface DeskConfigInput {
  /** The article schema as the tools use it (src/editor/validate-article.ts). */
  schema: z.ZodType;
  /** The schema's comments by field name (schema-comments.ts). */
  comments: ReadonlyMap<string, string>;
  /** The newsroom's settings. */
  site: {
    name: string;
    timeZone: string;
    sections: readonly { slug: string; name: string }[];
  };
  /** The content folder, relative to the repository's root: `content`. */
  contentFolder: string;
  /** The folders at the top of the content folder, each with a desk of its own. */
  folders: readonly string[];
  /** The section slugs the site keeps for its own pages (src/site/routes.ts). */
  reservedSegments: ReadonlySet<string>;
  /** The GitHub repository editors sign in to: `owner/name`. */
  repo: string;
  /** Its branch; the repository's default when undefined. */
  branch?: string | undefined;
  /** The origin of the OAuth worker (sveltia-cms-auth) for GitHub sign-in. */
  authUrl?: string | undefined;
  /** The site's address for "view on site" links: the dev server in `npm run dev`. */
  siteUrl?: string | undefined;
  /** The logo and favicon shown by the desk: an absolute path on the site. */
  logo: string;
}

/** The schema's node types the desk looks through to reach a field's value type. */
interface ZodDef {
  type: string;
  innerType?: z.ZodType;
  out?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
}
const def = (schema: z.ZodType): ZodDef =>
  (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** The object shape under a field's optional, default, list and preprocessing wrappers. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  const node = def(schema);
  if (node.shape) return node.shape;
  const inner = node.innerType ?? node.element ?? (node.type === "pipe" ? node.out : undefined);
  if (!inner) throw new Error(`expected an object in the article schema; found a ${node.type}`);
  return objectShape(inner);
}

/** What the schema says of one field, learned by asking it. */
function schemaFacts(field: z.ZodType) {
  const missing = field.safeParse(undefined);
  const blank = field.safeParse("   ");
  const words = field.safeParse("Words");
  return {
    required: !missing.success,
    fallback: missing.success ? missing.data : undefined,
    // Text the schema trims and refuses when blank: the desk refuses it too.
    blankMessage:
      words.success && !blank.success ? (blank.error.issues[0]?.message ?? undefined) : undefined,
  };
}

/** The pattern a string field's schema enforces, as JSON Schema writes it. */
function schemaPattern(field: z.ZodType): string | undefined {
  const json = z.toJSONSchema(field, { unrepresentable: "any", io: "input" }) as {
    pattern?: string;
  };
  return json.pattern;
}

/**
 * The section's pattern: the schema's slug pattern, minus the site's own
 * paths and years, which the schema refuses by a rule a pattern cannot name.
 */
function sectionPattern(field: z.ZodType, reserved: ReadonlySet<string>): string {
  const slug = schemaPattern(field);
  if (!slug?.startsWith("^")) throw new Error("expected a slug pattern on the section field");
  const taken = [...reserved].map((segment) => segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return `^(?!(?:${[...taken, "\\d+"].join("|")})$)${slug.slice(1)}`;
}

/** The desk fields of one schema object, in the desk's order, checked against each other. */
function deskFields(
  shape: Record<string, z.ZodType>,
  table: Readonly<Record<string, DeskField>>,
  where: string,
  input: DeskConfigInput,
): Field[] {
  const schemaKeys = Object.keys(shape);
  const deskKeys = Object.keys(table);
  const noDesk = schemaKeys.filter((key) => !deskKeys.includes(key));
  const noSchema = deskKeys.filter((key) => !schemaKeys.includes(key));
  if (noDesk.length > 0 || noSchema.length > 0) {
    throw new Error(
      [
        ...noDesk.map(
          (key) =>
            `The article schema has a field "${where}${key}" the desk does not show: add it to src/editor/desk/desk-fields.ts`,
        ),
        ...noSchema.map(
          (key) =>
            `The desk shows a field "${where}${key}" the article schema does not have: remove it from src/editor/desk/desk-fields.ts`,
        ),
      ].join("\n"),
    );
  }
  return schemaKeys.map((key) => deskField(key, shape[key]!, table[key]!, where, input));
}

/** One field of the desk. */
function deskField(
  name: string,
  schema: z.ZodType,
  desk: DeskField,
  where: string,
  input: DeskConfigInput,
): Field {
  const hint = input.comments.get(name);
  if (hint === undefined) {
    throw new Error(
      `The article schema's field "${where}${name}" has no /** */ comment: the desk shows it as the field's hint`,
    );
  }
  const facts = schemaFacts(schema);
  const common = { name, label: desk.label, hint, required: facts.required };
  const blank =
    facts.blankMessage === undefined
      ? {}
      : { pattern: ["\\S", facts.blankMessage] as [string, string] };
  switch (desk.kind) {
    case "line":
      return { ...common, widget: "string", ...blank };
    case "lines":
      return { ...common, widget: "text", ...blank };
    case "date-time":
      // Shown and typed in the newsroom's zone whatever the editor's computer
      // says, and saved with that zone's offset: 2026-12-07T09:00:00-05:00.
      // (No `format`: with one, Sveltia CMS 0.221.1 hangs the editor when the
      // field also has `input_timezone`; its ISO 8601 output keeps the offset.)
      return {
        ...common,
        widget: "datetime",
        input_timezone: input.site.timeZone,
        output_utc: false,
      };
    case "switch":
      return {
        ...common,
        widget: "boolean",
        ...(typeof facts.fallback === "boolean" ? { default: facts.fallback } : {}),
      };
    case "names": {
      const item = objectlessItem(schema);
      const itemFacts = schemaFacts(item);
      return {
        ...common,
        widget: "list",
        label_singular: desk.label.replace(/s$/, ""),
        field: {
          name: name.replace(/s$/, ""),
          label: desk.label.replace(/s$/, ""),
          widget: "string",
          ...(itemFacts.blankMessage === undefined
            ? {}
            : { pattern: ["\\S", itemFacts.blankMessage] as [string, string] }),
        },
      };
    }
    case "section":
      return {
        ...common,
        widget: "select",
        options: input.site.sections.map(({ slug, name: label }) => ({ label, value: slug })),
        ...(typeof facts.fallback === "string" ? { default: facts.fallback } : {}),
        pattern: [
          sectionPattern(schema, input.reservedSegments),
          "expected a section slug of lower-case letters, digits and hyphens, not one of the site's own paths or a year",
        ],
      };
    case "image-file":
      return { ...common, widget: "image", choose_url: false };
    case "object":
      return {
        ...common,
        widget: "object",
        collapsed: false,
        fields: deskFields(objectShape(schema), desk.fields, `${where}${name}.`, input),
      };
    case "list":
      return {
        ...common,
        widget: "list",
        label_singular: desk.singular,
        fields: deskFields(objectShape(schema), desk.fields, `${where}${name}[].`, input),
      };
  }
}

/** The item schema of a list of names (under its default and preprocessing). */
function objectlessItem(schema: z.ZodType): z.ZodType {
  const node = def(schema);
  if (node.element) return node.element;
  const inner = node.innerType ?? (node.type === "pipe" ? node.out : undefined);
  if (!inner) throw new Error(`expected a list in the article schema; found a ${node.type}`);
  return objectlessItem(inner);
}

/**
 * The stories collection of one desk. The main desk lists the stories at
 * the top of the content folder, where new ones are written (as `npm run new`
 * writes them); each folder of it (a year of the archive, say) has a desk of
 * its own, listing its stories at any depth. Sveltia CMS reads every file of
 * every collection it is given before it shows the list (2.7 s for 1,000
 * stories here, `npm run bench:desk`), so an archive kept in folders is read
 * only when an editor opens its desk.
 */
function storiesCollection(input: DeskConfigInput, folder: string | undefined): EntryCollection {
  const links = input.folders.map((name) => `[${name}](?folder=${encodeURIComponent(name)})`);
  const description =
    folder === undefined
      ? `New stories are saved in ${input.contentFolder}/, named after their headline.${links.length > 0 ? ` Older stories, by folder: ${links.join(" · ")}` : ""}`
      : `The stories in ${input.contentFolder}/${folder}/. [Back to the latest stories](./)`;
  return {
    name: "stories",
    label: folder === undefined ? "Stories" : `Stories in ${folder}`,
    label_singular: "Story",
    description,
    icon: "newspaper",
    folder: folder === undefined ? input.contentFolder : `${input.contentFolder}/${folder}`,
    // No `extension`: the story format registers `md` (desk-app.ts). Sveltia
    // 0.221.1 refuses an `md` extension with any format whose name does not
    // end in "frontmatter", custom formats included.
    format: STORY_FORMAT,
    // A folder's desk: its stories at any depth, as the build reads them;
    // new stories are written at the top of the content folder only.
    ...(folder === undefined ? {} : { nested: { subfolders: false }, create: false }),
    identifier_field: "headline",
    summary: "{{headline}}",
    slug: "{{fields.headline}}",
    sortable_fields: {
      fields: ["published", "headline", "section"],
      default: { field: "published", direction: "descending" },
    },
    view_filters: [
      { label: "Drafts", field: "draft", eq: true },
      { label: "Developing", field: "developing", eq: true },
    ],
    thumbnail: false,
    // Images are uploaded beside the story, and named relative to it.
    media_folder: "",
    public_folder: "",
    fields: [
      ...deskFields(objectShape(input.schema), DESK_FIELDS, "", input),
      {
        name: "body",
        label: "Story",
        widget: "markdown",
        hint: "The story's text in Markdown. A live update is a heading with its time: use Insert → Live update.",
        required: false,
        editor_components: [LIVE_UPDATE_COMPONENT, "image"],
      },
    ],
  };
}

/**
 * The desk's whole configuration: the main desk's, or with `folder` the desk
 * of that folder of the content folder.
 */
export function deskConfig(input: DeskConfigInput, folder?: string): CmsConfig {
  return {
    backend: {
      name: "github",
      repo: input.repo,
      ...(input.branch ? { branch: input.branch } : {}),
      ...(input.authUrl ? { base_url: input.authUrl } : {}),
      commit_messages: {
        create: "Desk: new story {{slug}}",
        update: "Desk: edit {{slug}}",
        delete: "Desk: delete {{slug}}",
        uploadMedia: "Desk: upload {{path}}",
        deleteMedia: "Desk: delete {{path}}",
      },
    },
    publish_mode: "editorial_workflow",
    app_title: `${input.site.name} desk`,
    logo: { src: input.logo },
    ...(input.siteUrl ? { site_url: input.siteUrl } : {}),
    media_folder: input.contentFolder,
    // A newsroom's pictures come with their rights and credits: no stock photos.
    media_libraries: { stock_assets: false },
    slug: { encoding: "ascii", clean_accents: true, maxlength: 80 },
    output: { omit_empty_optional_fields: true },
    collections: [storiesCollection(input, folder)],
  };
}

/**
 * What the desk's story format needs of the schema (see story-format.ts):
 * the fields' order and their defaults, handed to the desk's page as data.
 */
export function storyFormatOptions(schema: z.ZodType): {
  sourceKey: string;
  order: string[];
  defaults: Record<string, unknown>;
} {
  const shape = objectShape(schema);
  const defaults: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape)) {
    const { fallback } = schemaFacts(field);
    if (fallback !== undefined) defaults[key] = fallback;
  }
  return { sourceKey: SOURCE_KEY, order: Object.keys(shape), defaults };
}
