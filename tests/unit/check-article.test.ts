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

const head = "---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\n";

describe.each([
  [
    "an escape typed into the body, by line, column and name",
    `${head}---\n\nFirst.\n\nStorm\u001b warning.\n`,
    [
      '8  body  expected text without control characters; found U+001B escape at column 6 (after "Storm"), which no page or feed may carry (delete it; it is invisible in most editors)',
    ],
  ],
  [
    "a backspace in a list item of the frontmatter, by item",
    `${head}authors: [Ann, "B\\bob"]\n---\n\nText.\n`,
    [
      '4  authors  item 2: expected text without control characters; found U+0008 backspace (after "B"), which no page or feed may carry (delete it; it is invisible in most editors)',
    ],
  ],
  [
    "a YAML escape that makes one, in the headline",
    '---\nheadline: "Storm \\e warning"\npublished: 2020-05-26T12:00:00-04:00\n---\n\nText.\n',
    [
      '2  headline  expected text without control characters; found U+001B escape (after "Storm "), which no page or feed may carry (delete it; it is invisible in most editors)',
    ],
  ],
  [
    "a character reference to one in the body (Markdown keeps a form feed's)",
    `${head}---\n\nA page &#12; break and an &#x1B; escape.\n`,
    [
      "6  body  expected text without control characters; found the character reference &#12; (U+000C form feed) at column 8, which no page or feed may carry (delete it)",
    ],
  ],
  [
    "a C1 control and a noncharacter",
    `${head}summary: "A\\x85B"\n---\n\nOne \uFFFE two.\n`,
    [
      '4  summary  expected text without control characters; found U+0085 next line (after "A"), which no page or feed may carry (delete it; it is invisible in most editors)',
      '7  body  expected text without control characters; found U+FFFE, a noncharacter at column 5 (after "One "), which no page or feed may carry (delete it; it is invisible in most editors)',
    ],
  ],
  [
    "an unclosed HTML comment that would swallow the story",
    `${head}---\n\n<!-- a note to the desk\n\nThe whole story.\n\nAnd more.\n`,
    [
      '6  body  expected "-->" to close an HTML comment "<!--" opened on this line; found none, so the 5 lines after it would not be published as text (close it, or delete it)',
    ],
  ],
  [
    "an unclosed <script> in a quote",
    `${head}---\n\nText.\n\n> <script>\n> quoted words\n`,
    [
      '8  body  expected "</script>" to close a raw HTML <script> element opened on this line; found none, so the 1 line after it would not be published as text (close it, or delete it)',
    ],
  ],
  [
    "frontmatter that is never closed",
    `${head}\nText.\n`,
    [
      '1  frontmatter  expected a line "---" closing the frontmatter that opens on line 1; found none (the file ends inside the frontmatter: add a line "---" after the last field)',
    ],
  ],
  [
    "an alias bomb, at its first alias",
    `---\nheadline: H\npublished: 2020-05-26T12:00:00-04:00\nx: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\ny: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nz: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nw: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n\nText.\n`,
    [
      "5  frontmatter  expected YAML whose aliases (*name) repeat at most 100 values; found aliases that expand it far beyond that (an alias bomb: write the values out instead)",
    ],
  ],
  [
    "a headline of zero-width spaces",
    `---\nheadline: "\u200b\u200b\u200b"\npublished: 2020-05-26T12:00:00-04:00\n---\n\nText.\n`,
    [
      "2  headline  expected a headline; found only characters that show nothing (U+200B zero-width space (3 times))",
    ],
  ],
  [
    "a body of invisible characters",
    `${head}---\n\n\u200b \u2060\n`,
    [
      "5  body  expected the story's text after the frontmatter; found nothing (a published story needs a body; set draft: true to keep it unpublished)",
    ],
  ],
  [
    "a day that does not exist",
    "---\nheadline: H\npublished: 2024-02-30T09:00:00-05:00\n---\n\nText.\n",
    [
      '3  published  expected a real date and time; found "2024-02-30T09:00:00-05:00" (February 2024 has 29 days)',
    ],
  ],
  [
    "fields the schema does not know, each with the nearest it does",
    `${head}darft: true\nsumary: S.\nphoto: x\nimage:\n  src: ./a.jpg\n  alt: A\n  captoin: C\n---\n\nText.\n`,
    [
      '4  darft  expected a field the site knows; found "darft" (did you mean "draft"?)',
      '5  sumary  expected a field the site knows; found "sumary" (did you mean "summary"?)',
      '6  photo  expected a field the site knows (headline, published, updated, timeUnknown, dateline, source, authors, contributors, section, tags, summary, developing, featured, draft, image, corrections); found "photo"',
      '10  image.captoin  expected a field the site knows; found "captoin" (did you mean "caption"?)',
    ],
  ],
])("readArticle refuses %s", (_name, text, expected) => {
  test("naming file line, field, what was expected and what was found", () => {
    expect(shown(text).sort()).toEqual([...expected].sort());
    expect(readArticle(text, where).article).toBeUndefined();
  });
});

test("Word's line break (a vertical tab) and a form feed are published as spaces, lines kept", () => {
  const text = `---\nheadline: "Storm\u000bwarning"\nsummary: "One\\vtwo"\npublished: 2020-05-26T12:00:00-04:00\n---\n\nLine one\u000bline two\u000cthree.\n\n[a](/2099/01/01/x/y/)\n`;
  const { article, raw, problems } = readArticle(text, where);
  expect(problems).toEqual([]);
  expect(article?.data.headline).toBe("Storm warning");
  expect(article?.data.summary).toBe("One two");
  // What the build renders and stores is the same text.
  expect(raw).toMatchObject({ headline: "Storm warning", summary: "One two" });
  expect(article?.checked.body).toBe("\nLine one line two three.\n\n[a](/2099/01/01/x/y/)\n");
  expect(article?.checked.bodyLine).toBe(6);
});

test("a closed HTML comment is a note that is not published, as written", () => {
  const text = `${head}---\n\n<!-- note -->\n\nText with <pre> inline.\n`;
  expect(shown(text)).toEqual([]);
});
