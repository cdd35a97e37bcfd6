import { describe, expect, test } from "vitest";
import {
  fieldsAt,
  nearest,
  toolSchema,
  validateFrontmatter,
} from "../../src/editor/validate-article.ts";

const valid = { headline: "H", published: "2020-05-26T12:00:00-04:00" };

test("valid frontmatter gets the schema's defaults, and image paths stay paths", () => {
  const { data, issues } = validateFrontmatter({ ...valid, image: { src: "./a.jpg", alt: "A" } });
  expect(issues).toBeUndefined();
  expect(data).toMatchObject({ section: "news", draft: false, contributors: [] });
  expect(data?.image).toEqual({ src: "./a.jpg", alt: "A" });
});

describe.each([
  [undefined, ["headline", "published"]],
  [{ ...valid, section: "tags" }, ["section"]],
  [{ ...valid, image: { src: 42, alt: "A" } }, ["image.src"]],
])("validateFrontmatter(%j)", (frontmatter, fields) => {
  test("names every field in error", () => {
    expect(validateFrontmatter(frontmatter).issues?.map((issue) => issue.field)).toEqual(fields);
  });
});

test("an image path that is not text says what it found", () => {
  expect(validateFrontmatter({ ...valid, image: { src: 42, alt: "A" } }).issues).toEqual([
    {
      field: "image.src",
      message:
        "expected the path of an image file beside the article, such as ./photo.jpg; found number 42",
    },
  ]);
});

test("a field the schema does not know is named, with the nearest it does", () => {
  expect(validateFrontmatter({ ...valid, darft: true, sumary: "S" }).issues).toEqual([
    {
      field: "darft",
      message: 'expected a field the site knows; found "darft" (did you mean "draft"?)',
    },
    {
      field: "sumary",
      message: 'expected a field the site knows; found "sumary" (did you mean "summary"?)',
    },
  ]);
});

test("the known fields are the schema's own, at every level", () => {
  expect(fieldsAt(toolSchema, [])).toContain("draft");
  expect(fieldsAt(toolSchema, ["image"])).toEqual(["src", "alt", "caption", "credit"]);
  expect(fieldsAt(toolSchema, ["corrections", 0])).toEqual(["date", "text"]);
});

const FIELDS = fieldsAt(toolSchema, []);

test.each([
  ["darft", "draft"],
  ["sumary", "summary"],
  ["Headline", "headline"],
  ["tag", "tags"],
  ["author", "authors"],
  ["publised", "published"],
  ["develop", "developing"],
  ["imgae", "image"],
  ["photo", undefined],
  ["x", undefined],
])("the nearest known field to %j is %j", (typed, near) => {
  expect(nearest(typed, FIELDS)).toBe(near);
});
