import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { unified, type MarkdownRenderer } from "@astrojs/markdown-remark";
import { leanWhereSafe } from "../../src/markdown/lean-renderer.ts";
import { markdownOptionsFor } from "../../src/markdown/plugins.ts";
import { siteMarkdown } from "../../src/markdown/site-markdown.ts";
import { site } from "../../src/site.config.ts";
import { writeCorpus } from "../../scripts/corpus.ts";
import { ROOT } from "../support/build.ts";
import { storiesIn } from "../support/stories.ts";

const made = { base: "/news/", timeZone: site.timeZone, shortName: site.shortName };
const shared = { syntaxHighlight: false, image: { domains: [], remotePatterns: [] } } as never;
const corpus = mkdtempSync(join(tmpdir(), "dateline-lean-"));
afterAll(() => rmSync(corpus, { recursive: true, force: true }));

/** Markdown a newsroom writes, each construct on its own, without raw HTML or images. */
const CONSTRUCTS = [
  "# Heading one\n\nText *em* **strong** `code` and a [link](/2020/05/26/politics/x/ 'title').",
  "Setext heading\n---\n\n> A quote\n> on two lines\n\n- one\n- two\n  - nested\n\n1. first\n2. second",
  "Hard  \nbreak and back\\\nslash; entities &amp; &copy; &#8212; and \"quotes\" -- 'single' ... dashes",
  "```js\nconst x = 1 < 2;\n```\n\n    indented code\n\n***\n\n[ref link][r]\n\n[r]: https://example.com/a",
  "## 2021-03-01 19:45 — Council votes\n\nUpdate text.\n\n## Key points\n\n- a\n- b\n\n## 2021-03-01 18:00 — Earlier\n\nEarlier text.",
  "Text with a bare URL https://example.com and an email-looking a@b.c, and a trailing \\* star.",
];

/** A renderer that counts the stories it is asked for. */
function counting(renderer: MarkdownRenderer): MarkdownRenderer & { calls: number } {
  const counted = {
    calls: 0,
    render: (content: string, options?: Parameters<MarkdownRenderer["render"]>[1]) => {
      counted.calls++;
      return renderer.render(content, options);
    },
  };
  return counted;
}

test("stories render byte for byte as Astro's own renderer renders them, most without its last two steps", async () => {
  writeCorpus(150, corpus, 7);
  const stories = [
    ...storiesIn(join(ROOT, "tests/fixtures/site")),
    ...storiesIn(join(ROOT, "tests/fixtures/hostile-text")),
    ...storiesIn(corpus),
    ...CONSTRUCTS.map((body, index) => ({
      name: `construct ${index}`,
      body,
      frontmatter: { dateline: "Sydney", source: "CNN" },
      fileURL: `file:///site/content/construct-${index}.md`,
    })),
  ];
  expect(stories.length).toBeGreaterThan(160);
  const astro = await unified(markdownOptionsFor(made)).createRenderer(shared);
  const astroCalls = counting(astro);
  const lean = leanWhereSafe(astroCalls, siteMarkdown(made).options, shared);
  let leanRendered = 0;
  for (const story of stories) {
    const options = { frontmatter: story.frontmatter, fileURL: new URL(story.fileURL) };
    const before = astroCalls.calls;
    const mine = await lean.render(story.body, options);
    if (astroCalls.calls === before) leanRendered++;
    const theirs = await astro.render(story.body, options);
    expect(mine.code, story.name).toBe(theirs.code);
    expect(mine.metadata, story.name).toEqual(theirs.metadata);
  }
  // Most stories took the lean way; those with images or raw HTML took Astro's.
  expect(leanRendered).toBeGreaterThan(stories.length * 0.8);
  expect(leanRendered).toBeLessThan(stories.length);
});

test("a story with raw HTML or an image, or whose rendering fails, is Astro's to render", async () => {
  const astro = await unified(markdownOptionsFor(made)).createRenderer(shared);
  const astroCalls = counting(astro);
  const lean = leanWhereSafe(astroCalls, siteMarkdown(made).options, shared);
  const options = { frontmatter: {}, fileURL: new URL("file:///site/content/a.md") };
  await lean.render("Plain text.", options);
  expect(astroCalls.calls).toBe(0);
  await lean.render('Text <abbr title="x">X</abbr>.', options);
  await lean.render("![A photo](./photo.jpg)", options);
  expect(astroCalls.calls).toBe(2);
  // Another pipeline (GFM on) is not the one copied: Astro renders everything.
  const other = leanWhereSafe(astroCalls, { ...siteMarkdown(made).options, gfm: true }, shared);
  await other.render("Plain text.", options);
  expect(astroCalls.calls).toBe(3);
  // Nor is one that leaves GFM to Astro's default, which is on.
  const unsaidOptions = { ...siteMarkdown(made).options };
  delete unsaidOptions.gfm;
  const unsaid = leanWhereSafe(astroCalls, unsaidOptions, shared);
  await unsaid.render("Plain text.", options);
  expect(astroCalls.calls).toBe(4);
});

test("the site's processor renders with the lean renderer", async () => {
  const renderer = await siteMarkdown(made).createRenderer(shared);
  const astro = await unified(markdownOptionsFor(made)).createRenderer(shared);
  expect(renderer.render).not.toBe(astro.render);
  const options = { frontmatter: { dateline: "Sydney" }, fileURL: new URL("file:///site/a.md") };
  expect((await renderer.render("Plain *text*.", options)).code).toBe(
    (await astro.render("Plain *text*.", options)).code,
  );
});
