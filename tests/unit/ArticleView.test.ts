import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { beforeAll, describe, expect, test } from "vitest";
import ArticleView from "../../src/components/article/ArticleView.astro";
import type { ArticleData } from "../../src/schemas/article.ts";

const base: ArticleData = {
  headline: "Headline",
  published: new Date("2020-05-26T04:00:00Z"),
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
const render = async (data: Partial<ArticleData>, source = "CNN") =>
  (
    await container.renderToString(ArticleView, {
      props: {
        data: { ...base, ...data },
        dek: data.summary,
        updated: data.updated,
        source,
        sectionName: "Politics",
        readingMinutes: 3,
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

  test("publication time in the site's zone, and Updated only when later", async () => {
    const html = await render({});
    expect(html).toContain('datetime="2020-05-26T00:00:00-04:00"');
    expect(html).toContain("May 26, 2020, 12:00 a.m. EDT");
    expect(html).not.toContain("Updated");
    const updated = await render({ updated: new Date("2020-05-26T22:39:00Z") });
    expect(updated).toMatch(
      /Updated <time datetime="2020-05-26T18:39:00-04:00">May 26, 2020, 6:39 p.m. EDT<\/time>/,
    );
    expect(await render({ updated: base.published })).not.toContain("Updated");
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
      'By <span class="byline-names">Kaitlan Collins and Maegan Vazquez</span>, CNN',
    );
    expect(html).toContain('<a href="/people/maegan-vazquez/">Maegan Vazquez</a>');
    expect(await render({})).not.toContain('class="byline"');
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

  test("developing and draft marks", async () => {
    const html = await render({ developing: true, draft: true });
    expect(html).toContain('<span class="developing-mark">Developing</span>');
    expect(html).toContain('<span class="draft-mark">Draft</span>');
  });
});
