import { describe, expect, test } from "vitest";
import { readArticle } from "../../src/editor/check-article.ts";

const where = { file: "content/a.md", path: "/site/content/a.md", id: "a" };
const shown = (text: string) =>
  readArticle(text, where).problems.map((p) => `${p.line}  ${p.field}  ${p.message}`);

const VALID = "---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\n---\n\nText.\n";

test("a draft may have no text yet", () => {
  expect(
    shown("---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\ndraft: true\n---\n"),
  ).toEqual([]);
});

test("bytes that are not UTF-8 are refused with the line of the first bad byte", () => {
  const bytes = new Uint8Array([...new TextEncoder().encode(VALID), 0x43, 0x61, 0x66, 0xe9, 0x0a]);
  expect(readArticle(bytes, where).problems).toEqual([
    {
      file: where.file,
      line: 7,
      field: "file",
      message:
        "expected UTF-8 text; found bytes that are not UTF-8 (0xE9 on line 7; save the file as UTF-8)",
      severity: "error",
    },
  ]);
});

test("a file name with no Latin letters or digits gives no address, and is refused", () => {
  expect(readArticle(VALID, { ...where, id: "東京" }).problems[0]).toMatchObject({
    field: "file",
    message: expect.stringContaining('found "東京.md", which gives an empty one'),
  });
});

test("a valid article comes back with its data, body and body line", () => {
  const { article, problems } = readArticle(VALID, where);
  expect(problems).toEqual([]);
  expect(article?.data).toMatchObject({ headline: "H", section: "news", draft: false });
  expect(article?.data.published.toISOString()).toBe("2020-05-26T16:00:00.000Z");
  expect(article?.checked).toMatchObject({ ...where, body: "\nText.\n", bodyLine: 5 });
  expect(article?.checked.line("published")).toBe(3);
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
      "3  frontmatter  expected valid YAML; found a bracket or list that is not closed or not indented under its field (Flow sequence in block collection must be sufficiently indented and end with a ])",
    ],
  ],
  [
    "frontmatter that is not fields",
    "---\njust words\n---\n",
    ['2  frontmatter  expected fields such as "headline: …"; found the text "just words"'],
  ],
  [
    "an image without alt text, at the image",
    "---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\nimage:\n  src: ./a.jpg\n---\n",
    // A missing field is reported at the field that holds it.
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
    // A YAML 1.1 reader would take this as UTC; build and check ask for the offset.
    "a time without an offset",
    "---\nheadline: H\npublished: 2020-05-26T12:00:00\n---\n",
    [
      '3  published  expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found a time without an offset ("2020-05-26T12:00:00"; add the offset, e.g. 2020-05-26T12:00:00-05:00, or Z for UTC)',
    ],
  ],
  [
    "an unclosed quote, at the line it opens on",
    '---\nheadline: "Senate passes\npublished: 2020-05-26T12:00:00-04:00\nsection: politics\n---\n\nText.\n',
    [
      '2  frontmatter  expected valid YAML; found a value opened with " and never closed (close it with " at the end of the value)',
    ],
  ],
  [
    "an empty list item, by its number and line",
    "---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\ncontributors:\n  - A\n  - B\n  -\n---\n\nText.\n",
    ["7  contributors  item 3: expected contributor names; found nothing"],
  ],
  [
    "a published story with no text",
    "---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\n---\n\n  \n",
    [
      "5  body  expected the story's text after the frontmatter; found nothing (a published story needs a body; set draft: true to keep it unpublished)",
    ],
  ],
  [
    "Markdown nested too deep, before any parser sees it",
    "---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\n---\n\nFine.\n\n" +
      "> ".repeat(30) +
      "deep\n",
    ["8  body  expected quotes and lists nested at most 20 levels deep; found 30 levels"],
  ],
])("readArticle: %s", (_name, text, expected) => {
  test("is reported as file:line  field  message", () => {
    expect(shown(text)).toEqual(expected);
    expect(readArticle(text, where).article).toBeUndefined();
  });
});
