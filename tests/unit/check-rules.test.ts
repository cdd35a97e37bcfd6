import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  brokenArticleLinks,
  fieldLine,
  formatProblems,
  missingImages,
  permalinks,
  updateProblems,
  warnings,
  type ValidArticle,
} from "../../src/lib/check-rules.ts";

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

test("links to article permalinks that no article has are errors", () => {
  const known = new Set(["/2020/05/26/politics/a/"]);
  const body =
    'See [this](/2020/05/26/politics/a/) and [that](/2020/05/26/politics/missing) and [section](/politics/).\n<a href="/2019/01/01/world/gone/">x</a>';
  expect(
    brokenArticleLinks(article("b", {}, body), known).map((p) => `${p.line} ${p.message}`),
  ).toEqual([
    "9 expected a link to an existing article; found /2020/05/26/politics/missing, which no article has",
    "10 expected a link to an existing article; found /2019/01/01/world/gone/, which no article has",
  ]);
});

test("two articles with one permalink: the second is an error naming the first", () => {
  const { problems, paths } = permalinks(
    [article("2020/story"), article("archive/story")],
    "America/New_York",
  );
  expect(paths).toEqual(new Set(["/2020/05/26/politics/story/"]));
  expect(problems).toHaveLength(1);
  expect(problems[0]?.message).toBe(
    "expected a URL of its own; found /2020/05/26/politics/story/, which content/2020/story.md has too (rename one file or change its section)",
  );
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
