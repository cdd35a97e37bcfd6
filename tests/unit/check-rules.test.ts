import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  articleLinks,
  brokenArticleLinks,
  fieldLine,
  formatProblems,
  missingImages,
  permalinks,
  updateProblems,
  warnings,
  type ValidArticle,
} from "../../src/editor/check-rules.ts";

const dir = mkdtempSync(join(tmpdir(), "check-"));
writeFileSync(join(dir, "photo.jpg"), "");

const article = (
  id: string,
  data: Partial<ValidArticle["data"]> = {},
  body = "Text.",
): ValidArticle => ({
  checked: {
    file: `content/${id}.md`,
    path: join(dir, `${id}.md`),
    id,
    frontmatterLines: [
      "headline: H",
      "published: 2020-05-26T12:00:00-04:00",
      "section: politics",
      "image:",
      "  src: ./x.jpg",
      "  alt: A",
    ],
    body,
    bodyLine: 9,
  },
  data: {
    headline: "H",
    published: new Date("2020-05-26T16:00:00Z"),
    section: "politics",
    draft: false,
    summary: "S",
    ...data,
  },
});

test.each([
  ["headline", 2],
  ["published", 3],
  ["image.alt", 7],
  ["image.src", 6],
  ["corrections.0.date", 1],
])("fieldLine(%s) is %i", (field, line) => {
  expect(fieldLine(article("a").checked.frontmatterLines, field)).toBe(line);
});

describe("warnings", () => {
  const options = { now: new Date("2021-01-01T00:00:00Z"), sections: ["politics", "world"] };
  test("none for a complete story", () => expect(warnings(article("a"), options)).toEqual([]));
  test.each([
    ["no summary", { summary: undefined }, "summary", "expected a one- or two-sentence summary"],
    [
      "a long headline",
      { headline: "x".repeat(111) },
      "headline",
      "expected at most 110 characters (Google's limit for article headlines); found 111",
    ],
    [
      "a future date",
      { published: new Date("2022-01-01T00:00:00Z") },
      "published",
      "in the future",
    ],
    ["an unknown section", { section: "sport" }, "section", 'found "sport"'],
  ])("for %s", (_name, data, field, message) => {
    const [warning] = warnings(article("a", data), options);
    expect(warning).toMatchObject({ field, severity: "warning" });
    expect(warning?.message).toContain(message);
  });
  test("a future date is fine on a draft", () => {
    expect(
      warnings(article("a", { published: new Date("2022-01-01T00:00:00Z"), draft: true }), options),
    ).toEqual([]);
  });
});

test("missing lead image and body images are errors with their lines", () => {
  const problems = missingImages(
    article(
      "a",
      { image: { src: "./x.jpg" } },
      "Text.\n\n![photo](./photo.jpg)\n\n![gone](./gone.png)\n\n![web](https://example.com/a.png)",
    ),
  );
  expect(problems.map((p) => `${p.line} ${p.field} ${p.message}`)).toEqual([
    "6 image.src expected an image file beside the article; found no file ./x.jpg",
    "13 body expected an image file beside the article; found no file ./gone.png",
  ]);
});

const ORIGIN = "https://dateline.example.com";

describe.each([
  ["an inline link", "See [this](/2020/05/26/politics/a/).", ["/2020/05/26/politics/a/"]],
  ["no trailing slash, a fragment", "[x](/2020/05/26/politics/a#top)", ["/2020/05/26/politics/a"]],
  ["the site's own origin", `[x](${ORIGIN}/2020/05/26/politics/a/)`, ["/2020/05/26/politics/a/"]],
  ["a reference definition", "[x]: /2020/05/26/politics/a/", ["/2020/05/26/politics/a/"]],
  ["an autolink", `<${ORIGIN}/2020/05/26/politics/a/>`, ["/2020/05/26/politics/a/"]],
  ["raw HTML", '<a href="/2019/01/01/world/gone/">x</a>', ["/2019/01/01/world/gone/"]],
  ["another site", "[x](https://www.cnn.com/2020/05/26/politics/a/index.html)", []],
  ["a section listing", "[x](/politics/) and [y](/2020/05/26/politics/)", []],
  ["a deeper path", "[x](/2020/05/26/politics/a/b/)", []],
  ["inline code", "Write `[x](/2020/05/26/politics/a/)` like this.", []],
  ["a fenced example", "```md\n[x](/2020/05/26/politics/a/)\n```", []],
])("articleLinks: %s", (_name, body, targets) => {
  test("finds the article addresses", () => {
    expect(articleLinks(body, ORIGIN).map((link) => link.target)).toEqual(targets);
  });
});

describe("brokenArticleLinks", () => {
  const known = {
    published: new Set(["/2020/05/26/politics/a/"]),
    drafts: new Set(["/2020/05/27/politics/draft/"]),
  };
  const body = [
    "See [this](/2020/05/26/politics/a/) and [that](/2020/05/26/politics/missing).",
    "",
    "Soon: [next](/2020/05/27/politics/draft/).",
  ].join("\n");
  const shown = (problems: { line: number; message: string }[]) =>
    problems.map((p) => `${p.line} ${p.message}`);

  test("a link to no article, and one from a published story to a draft, are errors", () => {
    expect(shown(brokenArticleLinks(article("b", {}, body), known, ORIGIN))).toEqual([
      "9 expected a link to an existing article; found /2020/05/26/politics/missing, which no article has",
      "11 expected a link to a published article; found /2020/05/27/politics/draft/, which is a draft and is left out of the built site",
    ]);
  });

  test("a draft may link to another draft", () => {
    expect(shown(brokenArticleLinks(article("b", { draft: true }, body), known, ORIGIN))).toEqual([
      "9 expected a link to an existing article; found /2020/05/26/politics/missing, which no article has",
    ]);
  });
});

test("two articles with one permalink: the second is an error naming the first", () => {
  const { problems, known } = permalinks(
    [article("2020/story"), article("archive/story")],
    "America/New_York",
  );
  expect(known.published).toEqual(new Set(["/2020/05/26/politics/story/"]));
  expect(problems).toHaveLength(1);
  expect(problems[0]?.message).toBe(
    "expected a URL of its own; found /2020/05/26/politics/story/, which content/2020/story.md has too (rename one file or change its section)",
  );
});

test("a draft with a published story's permalink is a warning on the draft", () => {
  const { problems, known } = permalinks(
    [article("a/story", { draft: true }), article("b/story"), article("other", { draft: true })],
    "America/New_York",
  );
  expect(known).toEqual({
    published: new Set(["/2020/05/26/politics/story/"]),
    drafts: new Set(["/2020/05/26/politics/other/"]),
  });
  expect(problems.map((p) => [p.file, p.severity, p.message])).toEqual([
    [
      "content/a/story.md",
      "warning",
      "expected a URL of its own; found /2020/05/26/politics/story/, which content/b/story.md has too (rename one file or change its section; this draft clashes once it is published)",
    ],
  ]);
});

test("live update problems point at the update's line", () => {
  const problems = updateProblems(
    article("a", {}, "Intro.\n\n## 2020-05-26 09:00 — Too early\n\nText."),
    "America/New_York",
  );
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ line: 11, field: "updates" });
  expect(problems[0]?.message).toContain("expected a time no earlier than published");
});

test("formatProblems lists file:line  field  message in order", () => {
  expect(
    formatProblems([
      { file: "b.md", line: 3, field: "x", message: "m2", severity: "error" },
      { file: "a.md", line: 9, field: "y", message: "m1", severity: "warning" },
    ]),
  ).toBe("a.md:9  y  warning: m1\nb.md:3  x  m2");
});
