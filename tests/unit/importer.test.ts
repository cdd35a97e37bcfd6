import { describe, expect, test } from "vitest";
import { markdownFromParagraphs } from "../../src/editor/article-file.ts";
import {
  decodeText,
  ImportError,
  parseByline,
  parseContributorLine,
  parseRawArticle,
  publishedFromPrinted,
  readPrintedDate,
  splitDateline,
} from "../../src/editor/importer.ts";
import { renderMarkdown } from "../support/markdown.ts";

describe.each([
  [
    "Washington(CNN) Former Attorney General",
    { place: "Washington", source: "CNN", rest: "Former Attorney General" },
  ],
  [
    "Washington (CNN) — Former Attorney General",
    { place: "Washington", source: "CNN", rest: "Former Attorney General" },
  ],
  [
    "WASHINGTON (AP) -- The Senate voted",
    { place: "WASHINGTON", source: "AP", rest: "The Senate voted" },
  ],
  [
    "São Paulo, Brazil (Reuters) – Markets fell",
    { place: "São Paulo, Brazil", source: "Reuters", rest: "Markets fell" },
  ],
  [
    "(CNN) — The storm moved north",
    { place: undefined, source: "CNN", rest: "The storm moved north" },
  ],
  [
    "(CNN)The storm moved north",
    { place: undefined, source: "CNN", rest: "The storm moved north" },
  ],
])("splitDateline(%j)", (paragraph, expected) => {
  test("finds place, source and the rest", () =>
    expect(splitDateline(paragraph)).toEqual(expected));
});

test.each([
  "The President (who spoke Friday) said no.",
  "A plain first paragraph.",
  "(parenthetical aside) in lower case",
])("%j has no dateline", (paragraph) => {
  expect(splitDateline(paragraph)).toBeUndefined();
});

describe.each([
  [
    "CNN's Kaitlan Collins contributed to this report.",
    { source: "CNN", names: ["Kaitlan Collins"] },
  ],
  [
    "CNN's Kaitlan Collins and Maegan Vazquez contributed to this report.",
    { source: "CNN", names: ["Kaitlan Collins", "Maegan Vazquez"] },
  ],
  ["CNN’s A, B and C contributed to this report.", { source: "CNN", names: ["A", "B", "C"] }],
  ["CNN's A, B, and C contributed to this report", { source: "CNN", names: ["A", "B", "C"] }],
  [
    "The Associated Press' Ann Author contributed to this report.",
    { source: "The Associated Press", names: ["Ann Author"] },
  ],
])("parseContributorLine(%j)", (line, expected) => {
  test("reads source and names", () => expect(parseContributorLine(line)).toEqual(expected));
});

test("an ordinary last paragraph is not a contributor line", () => {
  expect(parseContributorLine("He said he contributed to the campaign.")).toBeUndefined();
});

describe("parseRawArticle", () => {
  const raw = [
    "Stay Updated on Developing Stories",
    "",
    "A headline with *stars* and _underscores_",
    "",
    'Washington(CNN) "Quoted," he said -- with a # and <b>tag</b> and [brackets](x).',
    "",
    "Second paragraph with ‘curly’ and 'straight' quotes.",
    "",
    "CNN's A, B and C contributed to this report.",
    "Outbrain",
  ].join("\n");

  test("drops page chrome and widget text, and says so", () => {
    const article = parseRawArticle(raw, "raw.txt");
    expect(article.dropped).toEqual(["Stay Updated on Developing Stories", "Outbrain"]);
    expect(article.headline).toBe("A headline with *stars* and _underscores_");
    expect(article.dateline).toBe("Washington");
    expect(article.source).toBe("CNN");
    expect(article.contributors).toEqual(["A", "B", "C"]);
    expect(article.paragraphs).toHaveLength(2);
  });

  test("Markdown-significant characters are escaped and render as the same text", async () => {
    const article = parseRawArticle(raw, "raw.txt");
    const markdown = markdownFromParagraphs(article.paragraphs);
    const html = await renderMarkdown(markdown);
    expect(html).not.toMatch(/<(b|em|strong|a|h1)\b/);
    expect(html).toContain("&#x3C;b>tag&#x3C;/b>");
    expect(html).toContain("[brackets](x)");
    expect(html).toContain("with a # and");
    expect(html).toContain("‘curly’ and ‘straight’ quotes");
  });

  test.each([
    ["", "raw.txt: expected article text; found an empty file"],
    ["  \n\n ", "raw.txt: expected article text; found an empty file"],
    [
      "Stay Updated on Developing Stories\n",
      "raw.txt: expected a headline as the first line; found only page chrome",
    ],
    [
      "Stay Updated on Developing Stories\n\nOutbrain\n",
      "raw.txt: expected a headline as the first line; found only page chrome",
    ],
    ["Just a headline", "raw.txt: expected the story's text after the headline; found none"],
    ["bin\u0000ary", "raw.txt: expected plain text (UTF-8); found binary data"],
    [
      "Headline\n\nCaf\ufffd text.",
      "raw.txt: expected plain text; found the replacement character �, left by an earlier conversion that lost characters",
    ],
    [
      "Headline\n\nCNN's A and B contributed to this report.",
      "raw.txt: expected the story's text after the headline; found none",
    ],
  ])("refuses %j", (text, message) => {
    expect(() => parseRawArticle(text, "raw.txt")).toThrow(ImportError);
    expect(() => parseRawArticle(text, "raw.txt")).toThrow(message);
  });
});

test.each([
  ["Updated 6:39 PM ET, Tue May 26, 2020", { year: 2020, month: 5, day: 26, hour: 18, minute: 39 }],
  ["Published 12:05 a.m. EDT, June 1, 2020", { year: 2020, month: 6, day: 1, hour: 0, minute: 5 }],
  ["Updated March 3, 2021", { year: 2021, month: 3, day: 3, hour: 0, minute: 0 }],
  ["Updated recently", undefined],
])("readPrintedDate(%j)", (text, expected) => {
  expect(readPrintedDate(text)).toEqual(expected);
});

describe.each([
  [
    "By Kaitlan Collins and Maegan Vazquez, CNN",
    { names: ["Kaitlan Collins", "Maegan Vazquez"], source: "CNN" },
  ],
  ["By Ann Author", { names: ["Ann Author"] }],
  ["By: Ben Writer", { names: ["Ben Writer"] }],
  [
    "By Ann Author, Ben Writer and Cy Reporter",
    { names: ["Ann Author", "Ben Writer", "Cy Reporter"] },
  ],
  ["By Jean de la Fontaine, AP", { names: ["Jean de la Fontaine"], source: "AP" }],
  ["By Ann Author, CNN Business", { names: ["Ann Author"], source: "CNN Business" }],
  ["By the time the polls closed, it was over", undefined],
  ["By Tuesday, the count was done.", undefined],
  ["Ann Author", undefined],
])("parseByline(%j)", (line, expected) => {
  test("reads names and source, or nothing", () => expect(parseByline(line)).toEqual(expected));
});

test("a byline and a printed time under the headline become authors and the date", () => {
  const article = parseRawArticle(
    [
      "Harbour reopens after storm",
      "By Ann Author and Ben Writer, CNN",
      "",
      "Updated 6:39 PM ET, Tue May 26, 2020",
      "",
      "Boston (CNN) — The harbour reopened on Tuesday.",
      "",
      "Ships returned by evening.",
    ].join("\n"),
    "raw.txt",
  );
  expect(article).toMatchObject({
    headline: "Harbour reopens after storm",
    authors: ["Ann Author", "Ben Writer"],
    dateline: "Boston",
    source: "CNN",
    printedDate: { text: "Updated 6:39 PM ET, Tue May 26, 2020" },
    dropped: ["Updated 6:39 PM ET, Tue May 26, 2020"],
    paragraphs: ["The harbour reopened on Tuesday.", "Ships returned by evening."],
  });
  const spaced = parseRawArticle(
    [
      "Harbour reopens after storm",
      "",
      "By Ann Author and Ben Writer, CNN",
      "",
      "Tue May 26, 2020",
      "",
      "Boston (CNN) — The harbour reopened on Tuesday.",
      "",
      "Ships returned by evening.",
    ].join("\n"),
    "raw.txt",
  );
  expect(spaced).toMatchObject({
    headline: "Harbour reopens after storm",
    authors: ["Ann Author", "Ben Writer"],
    dateline: "Boston",
    source: "CNN",
    printedDate: { text: "Tue May 26, 2020" },
    dropped: ["Tue May 26, 2020"],
    paragraphs: ["The harbour reopened on Tuesday.", "Ships returned by evening."],
  });
});

describe("decodeText", () => {
  test("reads UTF-8 and leaves the byte-order mark out", () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x43, 0x61, 0x66, 0xc3, 0xa9]), "a")).toBe(
      "Café",
    );
  });
  test.each([
    [[0x89, 0x50, 0x4e, 0x47, 0x00, 0x01], "a: expected plain text (UTF-8); found binary data"],
    [
      [0x43, 0x61, 0x66, 0xe9],
      "a: expected plain text (UTF-8); found bytes that are not UTF-8 (save the text as UTF-8 and import it again)",
    ],
  ])("refuses %j", (bytes, message) => {
    expect(() => decodeText(new Uint8Array(bytes), "a")).toThrow(message);
  });
});

test.each([
  ["Updated 6:39 PM ET, Tue May 26, 2020", "2020-05-26T18:39:00-04:00"],
  ["Published 9:05 a.m. ET, January 5, 2021", "2021-01-05T09:05:00-05:00"],
  ["Updated Feb 30, 2021", undefined],
  ["Updated recently", undefined],
])("publishedFromPrinted(%j) in New York", (text, iso) => {
  expect(publishedFromPrinted(text, "America/New_York")).toBe(iso);
});
