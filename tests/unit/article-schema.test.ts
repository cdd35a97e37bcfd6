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

test("timeUnknown is false unless the editor says so, and must be true or false", () => {
  expect(schema.parse(valid).timeUnknown).toBe(false);
  expect(schema.parse({ ...valid, timeUnknown: true }).timeUnknown).toBe(true);
  const result = schema.safeParse({ ...valid, timeUnknown: "yes" });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0]?.path).toEqual(["timeUnknown"]);
  expect(result.error?.issues[0]?.message).toBe('expected true or false; found "yes"');
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
  // JavaScript's Date would roll each of these over into another day in silence.
  [
    "February 30",
    { published: "2024-02-30T09:00:00-05:00" },
    'published: expected a real date and time; found "2024-02-30T09:00:00-05:00" (February 2024 has 29 days)',
  ],
  [
    "February 29 of a common year",
    { updated: "2023-02-29T09:00:00Z" },
    'updated: expected a real date and time; found "2023-02-29T09:00:00Z" (February 2023 has 28 days)',
  ],
  [
    "April 31",
    { corrections: [{ date: "2021-04-31T10:00:00-04:00", text: "T" }] },
    'corrections.0.date: expected a real date and time; found "2021-04-31T10:00:00-04:00" (April 2021 has 30 days)',
  ],
  [
    "month 13",
    { published: "2021-13-01T10:00:00Z" },
    'published: expected a real date and time; found "2021-13-01T10:00:00Z" (there is no month 13)',
  ],
  [
    "hour 24",
    { published: "2021-03-01T24:00:00Z" },
    'published: expected a real date and time; found "2021-03-01T24:00:00Z" (not a time of day: hours run 00 to 23, minutes and seconds 00 to 59)',
  ],
  [
    "an offset of 25 hours",
    { published: "2021-03-01T10:00:00+25:00" },
    'published: expected a real date and time; found "2021-03-01T10:00:00+25:00" (not a UTC offset: offsets run from -12:00 to +14:00)',
  ],
  [
    "a headline of zero-width spaces",
    { headline: "\u200b\u200b" },
    "headline: expected a headline; found only characters that show nothing (U+200B zero-width space (2 times))",
  ],
  [
    "a tag of a word joiner",
    { tags: ["Storms", "\u2060"] },
    "tags.1: expected tags; found only characters that show nothing (U+2060 word joiner)",
  ],
])("%s", (_name, change, message) => {
  test("is refused with the field, what was expected and what was found", () => {
    expect(problems({ ...valid, ...change })).toContain(message);
  });
});

test("February 29 of a leap year is a real day", () => {
  expect(problems({ ...valid, published: "2024-02-29T09:00:00-05:00" })).toEqual([]);
});

test("a field the schema does not know is refused, not dropped", () => {
  // The editor's tools name the key and the nearest known one (validate-article.test.ts).
  expect(problems({ ...valid, darft: true })).toEqual([': Unrecognized key: "darft"']);
  expect(problems({ ...valid, image: { src: "./a.jpg", alt: "A", credt: "C" } })).toEqual([
    'image: Unrecognized key: "credt"',
  ]);
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
