import { describe, expect, test } from "vitest";
import { markdownFromParagraphs } from "../../src/lib/article-file.ts";
import {
  ImportError,
  parseContributorLine,
  parseRawArticle,
  readPrintedDate,
  splitDateline,
} from "../../src/lib/importer.ts";
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
    ["Just a headline", "raw.txt: expected the story's text after the headline; found none"],
    ["bin\u0000ary", "raw.txt: expected plain text (UTF-8); found binary data"],
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
