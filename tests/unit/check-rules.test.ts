import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import {
  articleImages,
  articleLinks,
  brokenArticleLinks,
  formatProblems,
  futureProblems,
  imageProblems,
  permalinks,
  updateProblems,
  warnings,
  type ValidArticle,
} from "../../src/editor/check-rules.ts";

// The content folder: a real photo, a text file named like one, and a photo
// reached through a symlink that leaves the folder.
const outside = mkdtempSync(join(tmpdir(), "check-outside-"));
const dir = join(outside, "content");
mkdirSync(dir);
copyFileSync(
  new URL("../fixtures/site/world/harbour.jpg", import.meta.url),
  join(dir, "photo.jpg"),
);
copyFileSync(join(dir, "photo.jpg"), join(outside, "elsewhere.jpg"));
writeFileSync(join(dir, "notes.jpg"), "not a photo\n");
symlinkSync(join(outside, "elsewhere.jpg"), join(dir, "linked.jpg"));
// Drawings: a plain one, one that runs script (hidden behind a character
// reference), and a PNG whose header claims 60,000 × 60,000 pixels.
const DRAWING =
  '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30"><rect width="60" height="30"/></svg>';
writeFileSync(join(dir, "chart.svg"), DRAWING);
writeFileSync(join(dir, "script.svg"), DRAWING.replace("<rect", "<script>alert(1)</script><rect"));
writeFileSync(join(dir, "handler.svg"), DRAWING.replace("<rect", '<rect onload="alert(1)"'));
writeFileSync(
  join(dir, "link.svg"),
  DRAWING.replace("<rect", '<a href="&#106;avascript:alert(1)"><rect').replace(
    "</svg>",
    "</a></svg>",
  ),
);
const HUGE = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
writeFileSync(
  join(dir, "huge.png"),
  Buffer.concat([
    HUGE,
    Buffer.from([0, 0, 0xea, 0x60, 0, 0, 0xea, 0x60, 8, 2, 0, 0, 0, 0, 0, 0, 0]),
  ]),
);

/** File lines of the frontmatter fields every test article has. */
const LINES: Record<string, number> = {
  headline: 2,
  published: 3,
  section: 4,
  image: 5,
  "image.src": 6,
  "image.alt": 7,
};

const article = (
  id: string,
  data: Partial<ValidArticle["data"]> = {},
  body = "Text.",
): ValidArticle => ({
  checked: {
    file: `content/${id}.md`,
    path: join(dir, `${id}.md`),
    id,
    line: (field) => LINES[field] ?? 1,
    lines: {},
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

describe("warnings", () => {
  const options = {
    now: new Date("2021-01-01T00:00:00Z"),
    sections: ["politics", "world"],
    timeZone: "America/New_York",
  };
  test("none for a complete story", () => expect(warnings(article("a"), options)).toEqual([]));
  test.each([
    ["no summary", { summary: undefined }, "summary", "expected a one- or two-sentence summary"],
    [
      "a long headline",
      { headline: "x".repeat(111) },
      "headline",
      "expected at most 110 characters (Google's limit for article headlines); found 111",
    ],
    ["an unknown section", { section: "sport" }, "section", 'found "sport"'],
  ])("for %s", (_name, data, field, message) => {
    const [warning] = warnings(article("a", data), options);
    expect(warning).toMatchObject({ field, severity: "warning" });
    expect(warning?.message).toContain(message);
  });
  test("a story scheduled after the build time gets a note saying when it goes out", () => {
    const [note] = warnings(article("a", { published: new Date("2022-01-01T14:00:00Z") }), options);
    expect(note).toMatchObject({ field: "published", line: 3, severity: "note" });
    expect(note?.message).toBe(
      "scheduled: held back until January 1, 2022, 9:00 a.m. EST (2022-01-01T14:00:00.000Z); the first build at or after then publishes it",
    );
  });
  test("a body over 1 MB, with its size and what carries it", () => {
    const [warning] = warnings(article("a", {}, "word ".repeat(300_000)), options);
    expect(warning).toMatchObject({ field: "body", line: 9, severity: "warning" });
    expect(warning?.message).toBe(
      "expected a story under 1 MB; found 1.4 MB of text, which its page, every feed that lists it and the search index will each carry in full (split it, or check that nothing was pasted twice)",
    );
  });
  test("a bidirectional override in a headline or a name, which can disguise it", () => {
    const spoof = { headline: "Pay \u202egpj.exe", authors: ["Ann", "Bob \u2066x\u2069"] };
    expect(
      warnings(article("a", spoof), options).map((p) => `${p.line} ${p.field} ${p.message}`),
    ).toEqual([
      "2 headline expected text without bidirectional controls; found U+202E right-to-left override, which shows the text in another order than it was written (a way to disguise a name or a link): delete it unless the text needs it",
      "1 authors item 2: expected text without bidirectional controls; found U+2066 left-to-right isolate, which shows the text in another order than it was written (a way to disguise a name or a link): delete it unless the text needs it",
    ]);
  });
  test("a future date is not scheduling on a draft", () => {
    expect(
      warnings(article("a", { published: new Date("2022-01-01T00:00:00Z"), draft: true }), options),
    ).toEqual([]);
  });
});

test("images must be image files inside the content folder, lead and body, with their lines", () => {
  const problems = imageProblems(
    article(
      "a",
      { image: { src: "./x.jpg" } },
      [
        "Text.",
        "![photo](./photo.jpg)",
        "![gone](./gone.png)",
        "![notes](./notes.jpg)",
        "![up](../elsewhere.jpg)",
        "![linked](./linked.jpg)",
        "![by reference][ref]",
        "[ref]: ./notes.jpg",
        "![web](https://example.com/a.png) ![site](/logo.png)",
      ].join("\n"),
    ),
    dir,
  );
  expect(problems.map((p) => `${p.line} ${p.field} ${p.message}`)).toEqual([
    "6 image.src expected an image file beside the article; found no file ./x.jpg",
    "11 body expected an image file beside the article; found no file ./gone.png",
    "12 body expected an image file beside the article; found ./notes.jpg, which is not an image file (expected JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG)",
    "13 body expected an image file beside the article; found ../elsewhere.jpg, which is outside the content folder (put the image beside the article)",
    "14 body expected an image file beside the article; found ./linked.jpg, which is outside the content folder (put the image beside the article)",
    "16 body expected an image file beside the article; found ./notes.jpg, which is not an image file (expected JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG)",
  ]);
});

test("a lead image is a raster file: no drawing, no address, no absurd size, no absolute path", () => {
  const lead = (src: string) =>
    imageProblems(article("a", { image: { src } }), dir).map(
      (p) => `${p.line} ${p.field} ${p.message}`,
    );
  expect(lead("./chart.svg")).toEqual([
    "6 image.src expected an image file beside the article; found ./chart.svg, an SVG drawing; a lead image must be a JPEG, PNG, WebP, AVIF, GIF or TIFF (it is resized for every screen and shared as a JPEG: export the drawing as PNG)",
  ]);
  expect(lead("./huge.png")).toEqual([
    "6 image.src expected an image file beside the article; found ./huge.png, whose header says 60,000×60,000 pixels, more than the 100 megapixels an image may have (resize it; a damaged file can say this too)",
  ]);
  expect(lead(join(outside, "elsewhere.jpg"))).toEqual([
    `6 image.src expected an image file beside the article; found ${join(outside, "elsewhere.jpg")}, which is outside the content folder (put the image beside the article)`,
  ]);
  expect(lead(join(dir, "photo.jpg"))).toEqual([
    `6 image.src expected an image file beside the article; found ${join(dir, "photo.jpg")}, an absolute path (write it from the article's folder, e.g. ./photo.jpg)`,
  ]);
  expect(
    lead("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4"),
  ).toEqual([
    "6 image.src expected an image file beside the article; found a data: URL (data:image/png;base64,iVBORw0KGgoAAAANSU…), a picture written into the text, which the site would drop (save it as a file beside the article and name that)",
  ]);
  expect(lead("./photo.jpg")).toEqual([]);
});

test("in the body: a drawing without script is published, one with script or a data: image is refused", () => {
  const { problems, files } = articleImages(
    article(
      "a",
      {},
      [
        "![chart](./chart.svg)",
        "![s](./script.svg)",
        "![h](./handler.svg)",
        "![l](./link.svg)",
        "![dot](data:image/gif;base64,R0lGODlhAQABAAAAACw=)",
        'Raw: <img alt="x" src="data:image/png;base64,AAAA">',
      ].join("\n"),
    ),
    dir,
  );
  expect(problems.map((p) => `${p.line} ${p.message}`)).toEqual([
    "10 expected an image file beside the article; found ./script.svg, an SVG with a <script> element, which would run on the site's own address when the image is opened (remove it, or export the drawing as PNG)",
    "11 expected an image file beside the article; found ./handler.svg, an SVG with an event handler attribute (on…=), which would run on the site's own address when the image is opened (remove it, or export the drawing as PNG)",
    "12 expected an image file beside the article; found ./link.svg, an SVG with a javascript: URL, which would run on the site's own address when the image is opened (remove it, or export the drawing as PNG)",
    "13 expected an image file beside the article; found a data: URL (data:image/gif;base64,R0lGODlhAQABAAAAACw=), a picture written into the text, which the site would drop (save it as a file beside the article and name that)",
    "14 expected an image file beside the article; found a data: URL (data:image/png;base64,AAAA), a picture written into the text, which the site would drop (save it as a file beside the article and name that)",
  ]);
  // The plain drawing is an image to publish (and to decode, which skips drawings).
  expect(files.map((file) => [file.src, file.type])).toEqual([["./chart.svg", "svg"]]);
});

describe("futureProblems: a date after the build's time", () => {
  const now = new Date("2024-03-01T12:00:00-05:00");
  const zone = "America/New_York";
  const published = new Date("2024-03-01T09:00:00-05:00");
  const live =
    "Text.\n\n## 2042-03-01 19:45 — Typo in the year\n\nA.\n\n## 2024-03-01 12:10 — Written for the minute it goes out\n\nB.";
  test("updated, a live update and a correction in 2042 are refused, each at its line", () => {
    const problems = futureProblems(
      article(
        "a",
        {
          published,
          updated: new Date("2042-03-01T10:00:00-05:00"),
          corrections: [{ date: new Date("2042-01-01T00:00:00Z") }],
        },
        live,
      ),
      now,
      zone,
    );
    expect(problems.map((p) => `${p.line} ${p.field} ${p.message}`)).toEqual([
      "1 updated expected a time no later than the build's (2024-03-01T12:00:00-05:00, with 15 minutes' grace); found 2042-03-01T10:00:00-05:00, in the future (a typo in the date? It would date the story March 1, 2042, 10:00 a.m. EST everywhere it is shown)",
      "1 corrections item 1: expected a time no later than the build's (2024-03-01T12:00:00-05:00, with 15 minutes' grace); found 2041-12-31T19:00:00-05:00, in the future (a typo in the date? It would date the story December 31, 2041, 7:00 p.m. EST everywhere it is shown)",
      "11 updates update \"## 2042-03-01 19:45 — Typo in the year\": expected a time no later than the build's (2024-03-01T12:00:00-05:00, with 15 minutes' grace); found 2042-03-01T19:45:00-05:00, in the future (a typo in the date? It would date the story March 1, 2042, 7:45 p.m. EST everywhere it is shown)",
    ]);
  });
  test("nothing for a draft, a scheduled story, or dates within the grace", () => {
    const typo = { published, updated: new Date("2042-03-01T10:00:00-05:00") };
    expect(futureProblems(article("a", { ...typo, draft: true }, live), now, zone)).toEqual([]);
    const scheduled = { published: new Date("2042-01-01T00:00:00Z"), updated: typo.updated };
    expect(futureProblems(article("a", scheduled, live), now, zone)).toEqual([]);
    const soon = { published, updated: new Date("2024-03-01T12:14:00-05:00") };
    expect(futureProblems(article("a", soon, "Text."), now, zone)).toEqual([]);
  });
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
    published: new Map([
      ["/2020/05/26/politics/a/", new Date("2020-05-26T12:00:00Z")],
      ["/2020/06/01/politics/embargoed/", new Date("2020-06-01T13:00:00Z")],
    ]),
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

  test("a link to a story scheduled after the linking one is an error", () => {
    const link = "Ahead: [report](/2020/06/01/politics/embargoed/).";
    expect(shown(brokenArticleLinks(article("b", {}, link), known, ORIGIN))).toEqual([
      "9 expected a link to a published article; found /2020/06/01/politics/embargoed/, which is scheduled for 2020-06-01T13:00:00.000Z, after this story (2020-05-26T16:00:00.000Z)",
    ]);
    const later = article("c", { published: new Date("2020-06-02T00:00:00Z") }, link);
    expect(brokenArticleLinks(later, known, ORIGIN)).toEqual([]);
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
  expect([...known.published.keys()]).toEqual(["/2020/05/26/politics/story/"]);
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
  expect([...known.published.keys()]).toEqual(["/2020/05/26/politics/story/"]);
  expect(known.drafts).toEqual(new Set(["/2020/05/26/politics/other/"]));
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
