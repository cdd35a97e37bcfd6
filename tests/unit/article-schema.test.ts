import { z } from "astro/zod";
import { describe, expect, test } from "vitest";
import { articleSchema } from "../../src/schemas/article.ts";

// In a build `image()` is Astro's image helper; here any path will do.
const schema = articleSchema({ image: (() => z.string()) as never });

const valid = {
  headline: "Jeff Sessions says his recusal from Russia probe was an attempt to help Trump",
  published: "2020-05-26T00:00:00-04:00",
};

/** The problems an editor would be told about, as `field: message`. */
function problems(data: Record<string, unknown>): string[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

test("the seed's frontmatter is valid and gains its defaults", () => {
  const data = schema.parse({
    ...valid,
    dateline: "Washington",
    source: "CNN",
    contributors: ["Kaitlan Collins", "Maegan Vazquez"],
    section: "politics",
  });
  expect(data).toMatchObject({
    authors: [],
    tags: [],
    corrections: [],
    developing: false,
    draft: false,
    section: "politics",
  });
});

test("section defaults to the site's default section", () => {
  expect(schema.parse(valid).section).toBe("news");
});

test("midnight UTC written out is a real time, not a bare day", () => {
  const data = schema.parse({ ...valid, published: "2021-01-04T00:00:00Z" });
  expect(data.published.toISOString()).toBe("2021-01-04T00:00:00.000Z");
});

test("published may be written as a quoted string with offset", () => {
  const data = schema.parse({ ...valid, published: "2020-05-26T18:39:00-04:00" });
  expect(data.published.toISOString()).toBe("2020-05-26T22:39:00.000Z");
});

test("a single name needs no list", () => {
  expect(schema.parse({ ...valid, authors: "Kaitlan Collins" }).authors).toEqual([
    "Kaitlan Collins",
  ]);
});

describe.each([
  ["no headline", { headline: undefined }, "headline: expected a headline; found nothing"],
  ["a blank headline", { headline: "  " }, "headline: expected a headline; found an empty text"],
  [
    "an unparseable published",
    { published: "last Tuesday" },
    'published: expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found "last Tuesday"',
  ],
  [
    "a published day without time",
    { published: "2020-05-26" },
    'published: expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found a day without a time ("2020-05-26"; add the time and its offset, e.g. 2020-05-26T09:00:00-05:00)',
  ],
  [
    "a published time without offset",
    { published: "2020-05-26T18:39:00" },
    'published: expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found a time without an offset ("2020-05-26T18:39:00"; add the offset, e.g. 2020-05-26T18:39:00-05:00, or Z for UTC)',
  ],
  [
    // A YAML 1.1 reader's Date could have been a bare day or a real time: refused, not guessed.
    "a Date object instead of the text",
    { published: new Date("2020-05-26T00:00:00Z") },
    "published: expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found 2020-05-26T00:00:00.000Z",
  ],
  [
    "an empty author among others: the item is named",
    { authors: ["Ann Author", null] },
    "authors.1: expected author names; found nothing",
  ],
  [
    "updated before published",
    { updated: "2020-05-25T08:00:00-04:00" },
    "updated: expected a time no earlier than published (2020-05-26T04:00:00.000Z); found 2020-05-25T12:00:00.000Z",
  ],
  [
    "an image without alt text",
    { image: { src: "./a.jpg" } },
    "image.alt: expected alt text describing the image; found nothing",
  ],
  [
    "a section with capitals",
    { section: "Politics" },
    'section: expected a section slug of lower-case letters, digits and hyphens, such as politics; found "Politics"',
  ],
  ["developing as text", { developing: "yes" }, 'developing: expected true or false; found "yes"'],
  [
    "a correction without date",
    { corrections: [{ text: "An earlier version misspelled a name." }] },
    "corrections.0.date: expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found nothing",
  ],
  [
    "authors as a number",
    { authors: 3 },
    "authors: expected a list of author names; found number 3",
  ],
])("%s", (_name, change, message) => {
  test("is refused with the field, what was expected and what was found", () => {
    expect(problems({ ...valid, ...change })).toContain(message);
  });
});

test("every problem is reported at once", () => {
  expect(problems({ published: "soon", image: { src: "./a.jpg" } })).toHaveLength(3);
});

test.each(["tags", "people", "search", "2020"])(
  "section %s is refused: its URL belongs to the site",
  (section) => {
    expect(problems({ ...valid, section }).join()).toContain(
      `found "${section}", which is taken by the site's own pages`,
    );
  },
);
