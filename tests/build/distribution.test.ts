import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser } from "fast-xml-parser";
import { SyntaxValidator } from "fast-xml-validator";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite, ROOT, type BuildResult } from "../support/build.ts";
import { filesIn } from "../support/dist.ts";
import { checkLinks } from "../support/link-check.ts";

// One build of the fixture site as it would be deployed under a sub-path
// (GitHub Pages project sites), at a fixed build time for the news sitemap.
const BASE = "/news/";
const ORIGIN = "https://dateline.example.com";
const BUILD_TIME = "2021-03-02T12:00:00-05:00";
const SEED = `${ORIGIN}${BASE}2020/05/26/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump/`;

let site: BuildResult;
const read = (path: string) => readFileSync(join(site.outDir, path), "utf8");

beforeAll(() => {
  site = buildSite({
    content: join(ROOT, "tests/fixtures/site"),
    env: { DATELINE_BASE: BASE, DATELINE_BUILD_TIME: BUILD_TIME, DATELINE_SITE_URL: ORIGIN },
  });
  expect(site.status, site.output).toBe(0);
});

test("under a base path every link, asset and fragment resolves", () => {
  expect(checkLinks(site.outDir, BASE)).toEqual([]);
});

describe.each([
  ["feed.xml", "rss"],
  ["atom.xml", "atom"],
])("the %s feed", (file) => {
  test("parses, and its seed entry is complete with absolute URLs under the base", () => {
    const feed = parseFeed(read(file));
    expect(feed.title).toBe("Dateline");
    const seed = feed.items.find((item) => item.url === SEED);
    expect(seed?.title).toBe(
      "Jeff Sessions says his recusal from Russia probe was an attempt to help Trump",
    );
    expect(seed?.published?.toISOString()).toBe("2020-05-26T04:00:00.000Z");
    expect(seed?.updated?.toISOString() ?? seed?.published?.toISOString()).toBe(
      "2020-05-26T04:00:00.000Z",
    );
    expect(seed?.categories.map((c) => c.term ?? c.label)).toContain("Politics");
    expect(seed?.content).toContain("Washington (CNN) —");
    expect(seed?.content).toContain("Kislyak");
    expect(seed?.content).toContain(
      "CNN's Kaitlan Collins and Maegan Vazquez contributed to this report.",
    );
    const harbour = feed.items.find((item) => item.url?.includes("harbour-reopens"));
    expect(harbour?.authors.map((a) => a.name)).toEqual(["Ben Writer"]);
    expect(harbour?.content).toMatch(
      new RegExp(`<img src="${ORIGIN}${BASE}_astro/harbour[^"]+\\.jpg"`),
    );
    for (const item of feed.items) expect(item.url?.startsWith(`${ORIGIN}${BASE}`)).toBe(true);
  });
});

test("the JSON Feed has every required field, and the seed entry", () => {
  const feed = JSON.parse(read("feed.json"));
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(typeof feed.title).toBe("string");
  expect(feed.home_page_url).toBe(`${ORIGIN}${BASE}`);
  expect(feed.feed_url).toBe(`${ORIGIN}${BASE}feed.json`);
  expect(Array.isArray(feed.items)).toBe(true);
  for (const item of feed.items) {
    expect(typeof item.id).toBe("string");
    expect(typeof item.content_html).toBe("string");
    expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  }
  const seed = feed.items.find((item: { url: string }) => item.url === SEED);
  expect(seed.date_published).toBe("2020-05-26T00:00:00-04:00");
  expect(seed.content_html).toContain("Kislyak");
});

test("section and developing feeds exist in all three formats", () => {
  for (const scope of ["politics/", "world/", "business/", "developing/"]) {
    for (const file of ["feed.xml", "atom.xml", "feed.json"])
      expect(read(`${scope}${file}`).length).toBeGreaterThan(100);
  }
  const developing = JSON.parse(read("developing/feed.json"));
  expect(developing.items.map((item: { title: string }) => item.title)).toEqual([
    "Fixture: Storm moves up the coast as officials urge caution",
  ]);
  expect(developing.items[0].date_modified).toBe("2021-03-01T19:45:00-05:00");
});

describe("structured data", () => {
  const articlePages = () =>
    filesIn(site.outDir, ".html").filter((p) =>
      /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/[^/]+\/index\.html$/.test(p),
    );
  const jsonLdOf = (page: string) => {
    const blocks = [
      ...read(page).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g),
    ];
    expect(blocks, page).toHaveLength(1);
    return JSON.parse(blocks[0]?.[1] ?? "");
  };

  test("every article page carries valid JSON-LD with the required fields", () => {
    expect(articlePages().length).toBe(6);
    for (const page of articlePages()) {
      const data = jsonLdOf(page);
      expect(["NewsArticle", "LiveBlogPosting"], page).toContain(data["@type"]);
      for (const field of [
        "headline",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "articleSection",
        "isAccessibleForFree",
      ]) {
        expect(data, `${page} ${field}`).toHaveProperty(field);
      }
      expect(data.publisher["@type"]).toBe("NewsMediaOrganization");
      expect(data.publisher.logo.url).toBe(`${ORIGIN}${BASE}logo.png`);
    }
  });

  test("the seed article's NewsArticle", () => {
    const data = jsonLdOf(
      "2020/05/26/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump/index.html",
    );
    expect(data).toMatchObject({
      "@type": "NewsArticle",
      headline: "Jeff Sessions says his recusal from Russia probe was an attempt to help Trump",
      datePublished: "2020-05-26T00:00:00-04:00",
      dateModified: "2020-05-26T00:00:00-04:00",
      dateline: "Washington",
      articleSection: "Politics",
      isAccessibleForFree: true,
      author: [{ "@type": "Organization", name: "CNN" }],
    });
  });

  test("authors are people with their pages; corrections are CorrectionComments", () => {
    const data = jsonLdOf("2020/07/14/politics/senate-runoff-fixture/index.html");
    expect(data.author).toEqual([
      { "@type": "Person", name: "Ada Reporter", url: `${ORIGIN}${BASE}people/ada-reporter/` },
      { "@type": "Person", name: "Ben Writer", url: `${ORIGIN}${BASE}people/ben-writer/` },
    ]);
    expect(data.keywords).toBe("Jeff Sessions, Alabama, Elections");
    expect(data.correction).toEqual([
      {
        "@type": "CorrectionComment",
        text: "An earlier version of this fictional story misstated the turnout figure.",
        datePublished: "2020-07-15T08:30:00-04:00",
      },
    ]);
    const harbour = jsonLdOf("2021/03/02/world/harbour-reopens-fixture/index.html");
    expect(harbour.image[0].url).toMatch(new RegExp(`^${ORIGIN}${BASE}_astro/harbour.+\\.jpg$`));
  });

  test("a developing story is a LiveBlogPosting with its updates, still open", () => {
    const data = jsonLdOf("2021/03/01/world/storm-developing-fixture/index.html");
    expect(data["@type"]).toBe("LiveBlogPosting");
    expect(data.coverageStartTime).toBe("2021-03-01T14:00:00-05:00");
    expect(data).not.toHaveProperty("coverageEndTime");
    expect(data.liveBlogUpdate.map((u: { datePublished: string }) => u.datePublished)).toEqual([
      "2021-03-01T19:45:00-05:00",
      "2021-03-01T16:30:00-05:00",
      "2021-03-01T14:00:00-05:00",
    ]);
    expect(data.liveBlogUpdate[0].url).toBe(
      `${ORIGIN}${BASE}2021/03/01/world/storm-developing-fixture/#update-2021-03-01-1945`,
    );
  });
});

describe("sitemaps", () => {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ["url", "sitemap"].includes(name),
  });
  const parse = (path: string) => {
    const xml = read(path);
    expect(() => SyntaxValidator.validate(xml), path).not.toThrow();
    return parser.parse(xml);
  };

  test("the index lists the pages' sitemap and the news sitemap", () => {
    const index = parse("sitemap.xml");
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      `${ORIGIN}${BASE}sitemap-pages-1.xml`,
      `${ORIGIN}${BASE}news-sitemap.xml`,
    ]);
  });

  test("every public page is in the sitemap, with lastmod from updated or published", () => {
    const urls = parse("sitemap-pages-1.xml").urlset.url as { loc: string; lastmod?: string }[];
    const locs = urls.map((u) => u.loc);
    const pages = filesIn(site.outDir, ".html")
      .filter((p) => p !== "404.html")
      .map((p) => `${ORIGIN}${BASE}${p.replace(/index\.html$/, "")}`);
    expect([...locs].sort()).toEqual([...pages].sort());
    expect(urls.find((u) => u.loc === SEED)?.lastmod).toBe("2020-05-26T00:00:00-04:00");
    expect(urls.find((u) => u.loc.endsWith("storm-developing-fixture/"))?.lastmod).toBe(
      "2021-03-01T19:45:00-05:00",
    );
  });

  test("the news sitemap lists only the two days before the build time", () => {
    const news = parse("news-sitemap.xml");
    expect(news.urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const entries = news.urlset.url.map(
      (u: { loc: string; "news:news": Record<string, unknown> }) => ({
        loc: u.loc,
        ...u["news:news"],
      }),
    );
    expect(entries).toEqual([
      {
        loc: `${ORIGIN}${BASE}2021/03/02/world/harbour-reopens-fixture/`,
        "news:publication": { "news:name": "Dateline", "news:language": "en" },
        "news:publication_date": "2021-03-02T06:00:00-05:00",
        "news:title": "Fixture: Harbour reopens after storm, with a lead photograph",
      },
      {
        loc: `${ORIGIN}${BASE}2021/03/01/world/storm-developing-fixture/`,
        "news:publication": { "news:name": "Dateline", "news:language": "en" },
        "news:publication_date": "2021-03-01T14:00:00-05:00",
        "news:title": "Fixture: Storm moves up the coast as officials urge caution",
      },
    ]);
  });

  test("robots.txt points at both", () => {
    expect(read("robots.txt")).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}${BASE}sitemap.xml\nSitemap: ${ORIGIN}${BASE}news-sitemap.xml\n`,
    );
  });
});

test("_headers applies a hash-based policy under the base path", () => {
  const headers = read("_headers");
  expect(
    headers.startsWith(
      `${BASE}*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-`,
    ),
  ).toBe(true);
  expect(headers).not.toContain("unsafe-inline");
  expect(headers).toContain("X-Content-Type-Options: nosniff");
});

test("a draft is nowhere in a production build: no page, listing, feed, sitemap or search entry", () => {
  expect(filesIn(site.outDir, "").length).toBeGreaterThan(50);
  for (const file of filesIn(site.outDir, "")) {
    if (/\.(html|xml|json|txt)$/.test(file)) {
      expect(read(file), file).not.toContain("unfinished draft");
      expect(read(file), file).not.toContain("draft-fixture");
    }
  }
});

test("the README's nginx policy is the one the build writes", () => {
  const policy = /Content-Security-Policy: (.+)/.exec(read("_headers"))?.[1];
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  expect(readme).toContain(`add_header Content-Security-Policy "${policy}" always;`);
});
