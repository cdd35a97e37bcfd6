import { describe, expect, test } from "vitest";
import { readArticle } from "../../src/editor/check-article.ts";

const where = { file: "content/a.md", path: "/site/content/a.md", id: "a" };
const shown = (text: string) =>
  readArticle(text, where).problems.map((p) => `${p.line}  ${p.field}  ${p.message}`);

const VALID = "---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\n---\n\nText.\n";

test("a valid article comes back with its data, body and body line", () => {
  const { article, problems } = readArticle(VALID, where);
  expect(problems).toEqual([]);
  expect(article?.data).toMatchObject({ headline: "H", section: "news", draft: false });
  expect(article?.data.published.toISOString()).toBe("2020-05-26T16:00:00.000Z");
  expect(article?.checked).toMatchObject({ ...where, body: "\nText.\n", bodyLine: 5 });
});

describe.each([
  [
    "no frontmatter",
    "Just text.\n",
    [
      '1  frontmatter  expected the file to start with a line "---", the YAML frontmatter and another "---"; found "Just text."',
    ],
  ],
  [
    "an empty file",
    "",
    [
      '1  frontmatter  expected the file to start with a line "---", the YAML frontmatter and another "---"; found an empty file',
    ],
  ],
  [
    "no fields at all",
    "---\n---\n\nText.\n",
    [
      "1  headline  expected a headline; found nothing",
      "1  published  expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found nothing",
    ],
  ],
  [
    "only a comment",
    "---\n# only a comment\n---\n\nText.\n",
    [
      "1  headline  expected a headline; found nothing",
      "1  published  expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found nothing",
    ],
  ],
  [
    "broken YAML, at its line",
    "---\nheadline: H\npublished: [2020\n---\n",
    [
      "3  frontmatter  expected valid YAML; found unexpected end of the stream within a flow collection",
    ],
  ],
  [
    "frontmatter that is not fields",
    "---\njust words\n---\n",
    ['2  frontmatter  expected fields such as "headline: …"; found string'],
  ],
  [
    "an image without alt text, at the image",
    "---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\nimage:\n  src: ./a.jpg\n---\n",
    ["4  image.alt  expected alt text describing the image; found nothing"],
  ],
  [
    "updated before published",
    "---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\nupdated: 2020-05-25T12:00:00-04:00\n---\n",
    [
      "4  updated  expected a time no earlier than published (2020-05-26T16:00:00.000Z); found 2020-05-25T16:00:00.000Z",
    ],
  ],
  [
    // The build's YAML reader would take this as UTC; the check asks for the offset.
    "a time without an offset",
    "---\nheadline: H\npublished: 2020-05-26T12:00:00\n---\n",
    [
      '3  published  expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found "2020-05-26T12:00:00"',
    ],
  ],
])("readArticle: %s", (_name, text, expected) => {
  test("is reported as file:line  field  message", () => {
    expect(shown(text)).toEqual(expected);
    expect(readArticle(text, where).article).toBeUndefined();
  });
});
