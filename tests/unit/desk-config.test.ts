import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { z } from "astro/zod";
import { describe, expect, test } from "vitest";
import schemaSource from "../../src/schemas/article.ts?raw";
import { deskConfig, storyFormatOptions } from "../../src/editor/desk/desk-config.ts";
import { DESK_FIELDS } from "../../src/editor/desk/desk-fields.ts";
import { schemaComments } from "../../src/editor/desk/schema-comments.ts";
import { toolSchema } from "../../src/editor/validate-article.ts";
import { RESERVED_SEGMENTS } from "../../src/site/routes.ts";
import { site } from "../../src/site/site.ts";

const input = {
  schema: toolSchema,
  comments: schemaComments(schemaSource),
  site: { name: site.name, timeZone: site.timeZone, sections: site.sections },
  reservedSegments: RESERVED_SEGMENTS,
  contentFolder: "content",
  folders: ["2020", "2019"],
  repo: "newsroom/dateline",
  branch: undefined,
  authUrl: "https://auth.example.workers.dev",
  logo: "/favicon.svg",
};

type Field = Record<string, unknown> & { name: string; fields?: Field[]; field?: Field };
const config = deskConfig(input);
const collection = config.collections![0] as unknown as { fields: Field[] } & Record<
  string,
  unknown
>;
const fields = collection.fields;
const field = (name: string) => fields.find((f) => f.name === name)!;
const shape = (toolSchema as unknown as { shape: Record<string, z.ZodType> }).shape;

test("the generated config is valid by the JSON Schema Sveltia CMS ships", () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(
    JSON.parse(
      readFileSync(
        new URL("../../node_modules/@sveltia/cms/schema/sveltia-cms.json", import.meta.url),
        "utf8",
      ),
    ),
  );
  for (const folder of [undefined, "2020"]) {
    const valid = validate(JSON.parse(JSON.stringify(deskConfig(input, folder))));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  }
});

test("every field of the schema is a field of the desk, in the schema's order, then the body", () => {
  expect(fields.map((f) => f.name)).toEqual([...Object.keys(shape), "body"]);
  expect(Object.keys(DESK_FIELDS)).toEqual(Object.keys(shape));
});

test("a schema field without a desk field, or a desk field the schema lacks, stops the config", () => {
  const extra = (toolSchema as unknown as z.ZodObject).extend({ byline: z.string().optional() });
  expect(() => deskConfig({ ...input, schema: extra })).toThrow(
    /schema has a field "byline" the desk does not show/,
  );
  const fewer = z.object(
    Object.fromEntries(Object.entries(shape).filter(([name]) => name !== "dateline")),
  );
  expect(() => deskConfig({ ...input, schema: fewer })).toThrow(
    /desk shows a field "dateline" the article schema does not have/,
  );
});

test("each hint is the schema's comment on the field", () => {
  expect(field("headline")["hint"]).toBe(
    "The headline: the page's only h1, the title in listings, feeds and search results. Required.",
  );
  const image = field("image").fields!;
  expect(image.find((f) => f.name === "alt")!["hint"]).toMatch(/^Alternative text describing/);
  for (const f of fields.filter((f) => f.name !== "body")) {
    expect(f["hint"], f.name).toBe(input.comments.get(f.name));
  }
});

describe.each(Object.keys(shape))("field %s", (name) => {
  test("is required in the desk exactly when the schema requires it", () => {
    expect(field(name)["required"]).toBe(!shape[name]!.safeParse(undefined).success);
  });
});

test("required fields: headline, published; the image's file and alt text; a correction's date and text", () => {
  expect(fields.filter((f) => f["required"]).map((f) => f.name)).toEqual(["headline", "published"]);
  const image = field("image").fields!;
  expect(image.filter((f) => f["required"]).map((f) => f.name)).toEqual(["src", "alt"]);
  const corrections = field("corrections").fields!;
  expect(corrections.filter((f) => f["required"]).map((f) => f.name)).toEqual(["date", "text"]);
});

test("text the schema refuses when blank is refused by the desk's pattern, with the schema's words", () => {
  const [pattern, message] = field("headline")["pattern"] as [string, string];
  const regex = new RegExp(pattern);
  for (const text of ["", "   ", "\t\n"]) {
    expect(regex.test(text)).toBe(false);
    expect(shape["headline"]!.safeParse(text).success).toBe(false);
  }
  expect(regex.test(" A headline ")).toBe(true);
  expect(message).toBe("expected a headline; found an empty text");
  const alt = field("image").fields!.find((f) => f.name === "alt")!;
  expect(alt["pattern"]).toEqual([
    "\\S",
    "expected alt text describing the image; found an empty text",
  ]);
  expect((field("authors").field as Field)["pattern"]).toEqual([
    "\\S",
    "expected author names; found an empty text",
  ]);
});

test("sections are the site's, and the section pattern refuses what the schema refuses", () => {
  const section = field("section");
  expect(section["widget"]).toBe("select");
  expect(section["options"]).toEqual(
    site.sections.map(({ slug, name }) => ({ label: name, value: slug })),
  );
  expect(section["default"]).toBe(site.defaultSection);
  const regex = new RegExp((section["pattern"] as [string, string])[0]);
  const samples = [
    "politics",
    "news",
    "world-cup",
    "Politics",
    "2020",
    "tags",
    "search",
    "a--b",
    "-a",
    "",
  ];
  for (const slug of samples) {
    expect(regex.test(slug), slug).toBe(shape["section"]!.safeParse(slug).success);
  }
  for (const { slug } of site.sections) expect(regex.test(slug)).toBe(true);
});

test("dates are typed in the newsroom's zone and saved with its offset, in a form the schema accepts", () => {
  for (const name of ["published", "updated"]) {
    // ISO 8601 output in the input's zone keeps its offset (the end-to-end
    // test reads `published: '2021-03-03T09:15:00-05:00'` from a new story).
    expect(field(name)).toMatchObject({
      widget: "datetime",
      input_timezone: "America/New_York",
      output_utc: false,
    });
    expect(field(name)["format"]).toBeUndefined();
  }
  expect(field("corrections").fields!.find((f) => f.name === "date")).toMatchObject({
    widget: "datetime",
    input_timezone: "America/New_York",
  });
  // What the desk writes is accepted; a bare day or a time without offset is not.
  expect(shape["published"]!.safeParse("2026-12-07T09:00:00-05:00").success).toBe(true);
  expect(shape["published"]!.safeParse("2026-12-07").success).toBe(false);
  expect(shape["published"]!.safeParse("2026-12-07T09:00:00").success).toBe(false);
});

test("names are lists; switches default as the schema does; the image is uploaded beside the story", () => {
  for (const name of ["authors", "contributors", "tags"])
    expect(field(name)["widget"]).toBe("list");
  for (const name of ["draft", "developing", "featured", "timeUnknown"]) {
    expect(field(name)).toMatchObject({ widget: "boolean", default: false });
  }
  expect(field("image").fields!.find((f) => f.name === "src")).toMatchObject({ widget: "image" });
  expect(collection).toMatchObject({ media_folder: "", public_folder: "" });
});

test("the main desk lists the top of the content folder and links each folder's desk", () => {
  expect(collection["folder"]).toBe("content");
  expect(collection["nested"]).toBeUndefined();
  expect(collection["description"]).toContain("[2020](?folder=2020) · [2019](?folder=2019)");
  const archive = deskConfig(input, "2019").collections![0] as unknown as Record<string, unknown>;
  expect(archive).toMatchObject({
    folder: "content/2019",
    nested: { subfolders: false },
    create: false,
  });
});

test("the story format knows the schema's order and defaults", () => {
  const options = storyFormatOptions(toolSchema);
  expect(options.order).toEqual(Object.keys(shape));
  expect(options.defaults).toMatchObject({
    draft: false,
    section: site.defaultSection,
    authors: [],
  });
});
