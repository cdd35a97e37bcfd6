import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { beforeAll, describe, expect, test } from "vitest";
import ArticleView from "../../src/components/article/ArticleView.astro";
import type { ArticleData } from "../../src/schemas/article.ts";

const base: ArticleData = {
  headline: "Headline",
  published: new Date("2020-05-26T04:00:00Z"),
  timeUnknown: false,
  authors: [],
  contributors: [],
  section: "politics",
  tags: [],
  developing: false,
  featured: false,
  draft: false,
  corrections: [],
};

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** The component's HTML, without the source annotations Astro adds outside builds. */
const render = async (
  data: Partial<ArticleData>,
  source = "CNN",
  live?: { time: Date; id: string },
) =>
  (
    await container.renderToString(ArticleView, {
      props: {
        data: { ...base, ...data },
        dek: data.summary,
        updated: data.updated,
        latest: live,
        live: live !== undefined,
        source,
        sectionName: "Politics",
        readingMinutes: 3,
        url: "https://dateline.example.com/2020/05/26/politics/headline/",
      },
      slots: { default: "<p>Body.</p>" },
    })
  ).replace(/ data-astro-[a-z-]+="[^"]*"/g, "");

describe("ArticleView", () => {
  test("one article, the headline as its only h1, and the body", async () => {
    const html = await render({});
    expect(html.match(/<article/g)).toHaveLength(1);
    expect(html.match(/<h1/g)).toHaveLength(1);
    expect(html).toContain("<h1>Headline</h1>");
    expect(html).toContain("<p>Body.</p>");
  });

  test("frontmatter text is escaped", async () => {
    const html = await render({
      headline: "</h1><script>alert(1)</script>",
      summary: "<b>bold</b>",
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;/h1&gt;&lt;script&gt;");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
  });

  /** The meta line's text, tags dropped and spaces collapsed. */
  const metaText = (html: string) =>
    (html.match(/<div class="article-meta">([\s\S]*?)<\/div>/)?.[1] ?? "")
      .replace(/<[^>]+>/g, "|")
      .replace(/\|+/g, "")
      .replace(/\s+/g, " ")
      .trim();

  test("publication time in the site's zone, and Updated only when later", async () => {
    const html = await render({});
    expect(html).toContain('datetime="2020-05-26T00:00:00-04:00"');
    expect(metaText(html)).toBe("By CNN Published May 26, 2020, 12:00 a.m. EDT 3 min read");
    expect(html).not.toContain("Updated");
    // Later the same day: the time alone.
    const sameDay = await render({ updated: new Date("2020-05-26T22:39:00Z") });
    expect(sameDay).toMatch(
      /Updated <time datetime="2020-05-26T18:39:00-04:00">6:39 p.m. EDT<\/time>/,
    );
    // Another day: date and time.
    const nextDay = await render({ updated: new Date("2020-05-27T13:05:00Z") });
    expect(nextDay).toMatch(
      /Updated <time datetime="2020-05-27T09:05:00-04:00">May 27, 9:05 a.m. EDT<\/time>/,
    );
    expect(await render({ updated: base.published })).not.toContain("Updated");
  });

  test("timeUnknown: the date alone, with a date-only datetime", async () => {
    const html = await render({ timeUnknown: true });
    expect(html).toContain('<time datetime="2020-05-26">');
    expect(metaText(html)).toBe("By CNN Published May 26, 2020 3 min read");
    expect(html).not.toMatch(/a\.m\.|p\.m\.|EDT/);
    // A later update still has a known time.
    const updated = await render({ timeUnknown: true, updated: new Date("2020-05-26T22:39:00Z") });
    expect(metaText(updated)).toContain("Updated 6:39 p.m. EDT");
  });

  test("the date links to its day archive", async () => {
    const html = await render({ published: new Date("2021-03-02T03:30:00Z") });
    // 10:30 p.m. on March 1 in New York, though March 2 in UTC.
    expect(html).toMatch(/<a href="\/2021\/03\/01\/"[^>]*>March 1, 2021<\/a>/);
  });

  test("one meta line: byline, times and reading time together, bylines as links", async () => {
    const html = await render({ authors: ["Ada Reporter"] });
    expect(html.match(/class="article-meta"/g)).toHaveLength(1);
    expect(metaText(html)).toBe(
      "By Ada Reporter, CNN Published May 26, 2020, 12:00 a.m. EDT 3 min read",
    );
    expect(html).not.toContain("byline-names");
  });

  test("tags are listed and linked to their pages, once each", async () => {
    const html = await render({ tags: ["Jeff Sessions", "Alabama", "jeff sessions"] });
    expect(html).toContain('<nav class="article-tags" aria-labelledby="topics-title"');
    expect(html.match(/href="\/tags\/[^"]+"/g)).toEqual([
      'href="/tags/jeff-sessions/"',
      'href="/tags/alabama/"',
    ]);
    expect(await render({})).not.toContain("article-tags");
  });

  test("the printout names the publication and the story's address", async () => {
    const html = await render({});
    expect(html).toContain(
      '<p class="print-source" data-pagefind-ignore>Dateline · https://dateline.example.com/2020/05/26/politics/headline/</p>',
    );
  });

  test.each([
    [
      ["Kaitlan Collins", "Maegan Vazquez"],
      "CNN's Kaitlan Collins and Maegan Vazquez contributed to this report.",
    ],
    [["A", "B", "C"], "CNN's A, B and C contributed to this report."],
  ])("contributor line for %j", async (contributors, line) => {
    const html = await render({ contributors });
    const credit = html.match(/<p class="contributors">([\s\S]*?)<\/p>/)?.[1] ?? "";
    expect(
      credit
        .replace(/<[^>]+>/g, "")
        .replace(/\s+/g, " ")
        .replace("&#39;", "'"),
    ).toBe(line);
    expect(credit).toContain(
      '<a href="/people/kaitlan-collins/">Kaitlan Collins</a>'.replace(
        'kaitlan-collins/">Kaitlan Collins',
        contributors[0] === "A" ? 'a/">A' : 'kaitlan-collins/">Kaitlan Collins',
      ),
    );
  });

  test("byline with authors and source", async () => {
    const html = await render({ authors: ["Kaitlan Collins", "Maegan Vazquez"] });
    expect(html.replace(/<(?!\/?span)[^>]+>/g, "").replace(/\s+/g, " ")).toContain(
      '<span class="byline" data-pagefind-ignore>By Kaitlan Collins and Maegan Vazquez, CNN</span>',
    );
    expect(html).toContain('<a href="/people/maegan-vazquez/">Maegan Vazquez</a>');
  });

  test.each([
    ["CNN", "By CNN"],
    ["Dateline", "By Dateline staff"],
  ])("without authors, a story from %s is credited to it", async (source, credit) => {
    const html = await render({}, source);
    expect(html.match(/<span class="byline"[^>]*>([^<]*)<\/span>/)?.[1]?.trim()).toBe(credit);
  });

  test("a live story's meta line leads to its latest update", async () => {
    const html = await render({ developing: true }, "CNN", {
      time: new Date("2020-05-26T22:39:00Z"),
      id: "update-2020-05-26-1839",
    });
    expect(metaText(html)).toMatch(/Latest May 26, 2020, 6:39 p\.m\. EDT · Jump to latest/);
    expect(html).toContain('<a href="#update-2020-05-26-1839">Jump to latest</a>');
    expect(metaText(html)).not.toContain("Updated");
  });

  test("corrections are listed with their dates", async () => {
    const html = await render({
      corrections: [
        {
          date: new Date("2020-05-27T14:00:00Z"),
          text: "An earlier version misspelled Tuberville.",
        },
      ],
    });
    expect(html).toContain('<h2 id="corrections-title">Correction</h2>');
    expect(html).toContain("May 27, 2020");
    expect(html).toContain("An earlier version misspelled Tuberville.");
  });

  test("one mark for a live story, Live, and the draft mark", async () => {
    const live = { time: new Date("2020-05-26T22:39:00Z"), id: "update-1" };
    const html = await render({ developing: true, draft: true }, "CNN", live);
    expect(html).toContain('<span class="live-mark">Live</span>');
    expect(html).not.toContain("Developing");
    expect(html).toContain('<span class="draft-mark">Draft</span>');
    // Marked developing but no longer live: no mark.
    expect(await render({ developing: true })).not.toContain("live-mark");
  });
});
