import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLParser } from "fast-xml-parser";
import { SyntaxValidator } from "fast-xml-validator";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite, ROOT, type BuildResult } from "../support/build.ts";
import { filesIn } from "../support/dist.ts";
import { jsonFeedProblems } from "../support/json-feed.ts";
import { checkLinks } from "../support/link-check.ts";

// One build of the fixture site as it would be deployed under a sub-path
// (GitHub Pages project sites), at a fixed build time for the news sitemap,
// while the storm is live (its last update under twelve hours before).
const BASE = "/news/";
const ORIGIN = "https://dateline.example.com";
const BUILD_TIME = "2021-03-02T07:00:00-05:00";
const SEED = `${ORIGIN}${BASE}2020/05/26/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump/`;
const STORM = `${ORIGIN}${BASE}2021/03/01/world/storm-developing-fixture/`;

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

test("every page is one document: nothing after </html>", () => {
  for (const page of filesIn(site.outDir, ".html")) {
    const html = read(page);
    expect(html.slice(html.lastIndexOf("</html>") + "</html>".length).trim(), page).toBe("");
  }
});

/** Every feed the build wrote, by format: the site's, each section's, the developing stories'. */
const feeds = (name: string) =>
  filesIn(site.outDir, name).filter((p) => p.endsWith(`/${name}`) || p === name);
const FEED_SCOPES = ["", "business/", "developing/", "politics/", "world/"];

test("every RSS and Atom feed parses, each entry complete, every URL absolute under the base", () => {
  const files = [...feeds("feed.xml"), ...feeds("atom.xml")].sort();
  expect(files).toEqual(
    FEED_SCOPES.flatMap((scope) => [`${scope}atom.xml`, `${scope}feed.xml`]).sort(),
  );
  for (const file of files) {
    const feed = parseFeed(read(file));
    expect(feed.title, file).toMatch(/^Dateline/);
    expect(feed.items.length, file).toBeGreaterThan(0);
    for (const item of feed.items) {
      const at = `${file}: ${item.url}`;
      expect(item.url?.startsWith(`${ORIGIN}${BASE}`), at).toBe(true);
      expect(item.title, at).toBeTruthy();
      expect(item.published, at).toBeInstanceOf(Date);
      expect(item.updated, at).toBeInstanceOf(Date);
      expect(item.authors.length, at).toBeGreaterThan(0);
      expect(item.categories.length, at).toBeGreaterThan(0);
      expect(item.content?.length, at).toBeGreaterThan(50);
      // No placeholder of Astro's image pipeline, no URL a feed reader could not
      // resolve: not even a fragment-only link to an update.
      expect(item.content, at).not.toContain("__ASTRO_IMAGE_");
      expect(item.content, at).not.toMatch(/\s(href|src|srcset)="(?!https?:\/\/|mailto:)/);
    }
  }
});

test("every page's canonical URL and announced feeds are files of the build", () => {
  // The 404 page answers for every missing address: it has no URL of its own to point at.
  // The editors' desk (admin/) is not a page of the reader's site.
  for (const page of filesIn(site.outDir, ".html").filter(
    (p) => p !== "404.html" && !p.startsWith("admin/"),
  )) {
    const html = read(page);
    const links = [...html.matchAll(/<link rel="(canonical|alternate)"[^>]*href="([^"]+)"/g)];
    const announced = links.filter(([, rel]) => rel === "alternate").map(([, , href]) => href);
    expect(links.filter(([, rel]) => rel === "canonical").length, page).toBe(1);
    expect(announced, page).toContain(`${ORIGIN}${BASE}feed.xml`);
    for (const [, , href = ""] of links) {
      expect(href.startsWith(`${ORIGIN}${BASE}`), `${page}: ${href}`).toBe(true);
      // Addresses of names in other scripts are percent-encoded; the files are not.
      const path = decodeURIComponent(href.slice(`${ORIGIN}${BASE}`.length));
      expect(
        existsSync(
          join(site.outDir, path.endsWith("/") || path === "" ? `${path}index.html` : path),
        ),
        `${page}: ${href}`,
      ).toBe(true);
    }
  }
  // An article announces its section's feeds too, and a developing story the developing feeds.
  const storm = read("2021/03/01/world/storm-developing-fixture/index.html");
  for (const feed of ["world/atom.xml", "developing/feed.json"])
    expect(storm).toContain(`href="${ORIGIN}${BASE}${feed}"`);
});

describe.each(["feed.xml", "atom.xml"])("the site's %s", (file) => {
  test("carries the seed article in full", () => {
    const feed = parseFeed(read(file));
    expect(feed.title).toBe("Dateline");
    const seed = feed.items.find((item) => item.url === SEED);
    expect(seed?.title).toBe(
      "Jeff Sessions says his recusal from Russia probe was an attempt to help Trump",
    );
    expect(seed?.published?.toISOString()).toBe("2020-05-26T04:00:00.000Z");
    expect(seed?.updated?.toISOString()).toBe("2020-05-26T04:00:00.000Z");
    // No byline: the story is credited to its source, as on the page.
    expect(seed?.authors.map((a) => a.name)).toEqual(["CNN"]);
    expect(seed?.categories.map((c) => c.term ?? c.label)).toEqual(["Politics"]);
    expect(seed?.content).toContain("Washington (CNN) —");
    expect(seed?.content).toContain("Kislyak");
    expect(seed?.content).toContain(
      "CNN's Kaitlan Collins and Maegan Vazquez contributed to this report.",
    );
  });

  test("carries images and the editor's links with absolute URLs under the base", () => {
    const harbour = parseFeed(read(file)).items.find((item) =>
      item.url?.includes("harbour-reopens"),
    );
    // Atom gives an author a page; RSS has only the name.
    expect(harbour?.authors.map((a) => [a.name, a.url])).toEqual([
      ["Ben Writer", file === "atom.xml" ? `${ORIGIN}${BASE}people/ben-writer/` : null],
    ]);
    // The lead image, then the image in the body (rendered through Astro's image pipeline).
    expect(harbour?.content).toMatch(
      new RegExp(`<img src="${ORIGIN}${BASE}_astro/harbour[^"]+\\.jpg"`),
    );
    expect(harbour?.content).toMatch(
      new RegExp(
        `<img alt="The harbour mouth[^"]*"[^>]* src="${ORIGIN}${BASE}_astro/harbour[^"]+"`,
      ),
    );
    expect(harbour?.content).toContain(
      `<a href="${ORIGIN}${BASE}2021/03/01/world/storm-developing-fixture/">the storm</a>`,
    );
  });
});

test("every JSON Feed is valid JSON Feed 1.1, and the site's carries the seed entry", () => {
  expect(feeds("feed.json").sort()).toEqual(FEED_SCOPES.map((scope) => `${scope}feed.json`).sort());
  for (const file of feeds("feed.json")) {
    expect(jsonFeedProblems(JSON.parse(read(file))), file).toEqual([]);
  }
  const feed = JSON.parse(read("feed.json"));
  expect(feed.home_page_url).toBe(`${ORIGIN}${BASE}`);
  expect(feed.feed_url).toBe(`${ORIGIN}${BASE}feed.json`);
  const seed = feed.items.find((item: { url: string }) => item.url === SEED);
  expect(seed).toMatchObject({
    id: SEED,
    title: "Jeff Sessions says his recusal from Russia probe was an attempt to help Trump",
    authors: [{ name: "CNN" }],
    tags: ["Politics"],
  });
  for (const field of ["date_published", "date_modified"])
    expect(new Date(seed[field]), field).toEqual(new Date("2020-05-26T00:00:00-04:00"));
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
  expect(new Date(developing.items[0].date_modified)).toEqual(
    new Date("2021-03-01T19:45:00-05:00"),
  );
  // The timeline's links to each update lead to the story's page, in every feed that carries it.
  for (const file of ["developing/feed.json", "world/feed.json", "feed.json"]) {
    const storm = JSON.parse(read(file)).items.find((item: { url: string }) => item.url === STORM);
    expect(storm.content_html, file).toContain(`href="${STORM}#update-2021-03-01-1945"`);
    expect(storm.content_html, file).not.toContain('href="#');
  }
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
    expect(articlePages().length).toBe(19);
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
      const html = read(page);
      const h1 = /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
      expect(data.headline, page).toBe(h1?.replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
      expect(data.url, page).toBe(`${ORIGIN}${BASE}${page.replace(/index\.html$/, "")}`);
      for (const field of ["datePublished", "dateModified"])
        expect(data[field], `${page} ${field}`).toMatch(/T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      for (const person of [...data.author, ...(data.contributor ?? [])]) {
        if (person["@type"] === "Person")
          expect(person.url, page).toMatch(new RegExp(`^${ORIGIN}${BASE}people/[a-zA-Z0-9%-]+/$`));
        // An organisation credited without a byline carries its home page.
        else
          expect(person, page).toEqual({
            "@type": "Organization",
            name: expect.any(String),
            url: expect.stringMatching(/^https:\/\//),
          });
      }
      expect(data.publisher, page).toEqual({
        "@type": "NewsMediaOrganization",
        name: "Dateline",
        url: `${ORIGIN}${BASE}`,
        logo: { "@type": "ImageObject", url: `${ORIGIN}${BASE}logo.png`, width: 600, height: 60 },
      });
      expect(data.dateline ?? "", page).toBe(
        /<span class="dateline">([^(]*) \(/.exec(html)?.[1] ?? "",
      );
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
      author: [{ "@type": "Organization", name: "CNN", url: "https://www.cnn.com/" }],
      contributor: [
        {
          "@type": "Person",
          name: "Kaitlan Collins",
          url: `${ORIGIN}${BASE}people/kaitlan-collins/`,
        },
        {
          "@type": "Person",
          name: "Maegan Vazquez",
          url: `${ORIGIN}${BASE}people/maegan-vazquez/`,
        },
      ],
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
    expect(data.liveBlogUpdate[0].url).toBe(`${STORM}#update-2021-03-01-1945`);
    expect(data.author).toEqual([
      { "@type": "Organization", name: "Dateline", url: `${ORIGIN}${BASE}` },
    ]);
    // Each update carries its own text; the untitled one is named by its time, not the story's headline.
    expect(
      data.liveBlogUpdate.map((u: { headline: string; articleBody: string }) => [
        u.headline,
        u.articleBody,
      ]),
    ).toEqual([
      ["Evacuation order lifted", "The latest update: officials lifted the evacuation order."],
      [expect.stringMatching(/^Update, .*4:30/), "A middle update without a title."],
      [
        "Storm reaches the coast",
        "The first update, written first: the storm reached the coast in the early afternoon.",
      ],
    ]);
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

  test("the index lists the pages' sitemap and the news sitemap, each with its newest change", () => {
    const index = parse("sitemap.xml");
    expect(
      index.sitemapindex.sitemap.map((s: { loc: string; lastmod: string }) => [
        s.loc,
        new Date(s.lastmod).toISOString(),
      ]),
    ).toEqual([
      [`${ORIGIN}${BASE}sitemap-pages-1.xml`, "2021-03-02T11:00:00.000Z"],
      [`${ORIGIN}${BASE}news-sitemap.xml`, "2021-03-02T11:00:00.000Z"],
    ]);
  });

  test("every public page is in the sitemap, with lastmod from updated or published", () => {
    const urls = parse("sitemap-pages-1.xml").urlset.url as { loc: string; lastmod?: string }[];
    const locs = urls.map((u) => u.loc);
    const pages = filesIn(site.outDir, ".html")
      .filter((p) => p !== "404.html" && !p.startsWith("admin/"))
      .map((p) => new URL(`${BASE}${p.replace(/index\.html$/, "")}`, ORIGIN).href);
    // Encoded as URLs must be (a person's page is /people/jos%C3%A9-p%C3%A9rez/).
    expect(locs.filter((loc) => /[^\x21-\x7e]/.test(loc))).toEqual([]);
    expect([...locs].sort()).toEqual([...pages].sort());
    const lastmod = (loc: string) => new Date(urls.find((u) => u.loc === loc)?.lastmod ?? "");
    expect(lastmod(SEED)).toEqual(new Date("2020-05-26T00:00:00-04:00"));
    expect(lastmod(STORM)).toEqual(new Date("2021-03-01T19:45:00-05:00"));
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
  // Inline styles are the editors' desk's alone, under admin/.
  const [forSite, , forDesk] = headers.trim().split("\n\n");
  expect(forSite).not.toContain("unsafe-inline");
  expect(forSite).toContain("X-Content-Type-Options: nosniff");
  expect(forDesk?.startsWith(`${BASE}admin/*\n`)).toBe(true);
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

test("the README's nginx headers are the ones the build writes", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const headers = [
    ...read("_headers")
      .split("\n\n")[0]!
      .matchAll(/^  ([\w-]+): (.+)$/gm),
  ];
  expect(headers.map(([, name]) => name)).toContain("Content-Security-Policy");
  for (const [, name, value] of headers) {
    expect(readme).toContain(`add_header ${name} "${value}" always;`);
  }
  // The editors' desk's own block: its policy and opener policy, under admin/.
  const desk = read("_headers")
    .split("\n\n")
    .find((block) => block.startsWith(`${BASE}admin/*`))!;
  const deskHeaders = [...desk.matchAll(/^  ([\w-]+): (.+)$/gm)];
  expect(deskHeaders.map(([, name]) => name)).toEqual([
    "Content-Security-Policy",
    "Cross-Origin-Opener-Policy",
  ]);
  for (const [, name, value] of deskHeaders) {
    expect(readme).toContain(`add_header ${name} "${value}" always;`);
  }
});

describe("frontmatter text that would break out of where it is embedded", () => {
  const HEADLINE = 'Fixture: </script><script>alert("headline")</script> & <b>bold</b> ]]> claims';
  let hostile: BuildResult;
  const readHostile = (path: string) => readFileSync(join(hostile.outDir, path), "utf8");

  beforeAll(() => {
    hostile = buildSite({
      content: join(ROOT, "tests/fixtures/hostile-text"),
      // After the hostile story's 9 a.m. publication, on the same day.
      env: { DATELINE_BUILD_TIME: "2021-03-02T12:00:00-05:00" },
    });
    expect(hostile.status, hostile.output).toBe(0);
  });

  test("stays text in the page, its head metadata and its JSON-LD", () => {
    const html = readHostile("2021/03/02/world/hostile-headline/index.html");
    // Markup outside attribute values (where `<` is harmless text): the banner's
    // script and the JSON-LD, and no element the frontmatter opened.
    const markup = html.replace(/="[^"]*"/g, '=""');
    expect(markup.match(/<script\b/g)).toHaveLength(2);
    expect(markup).not.toContain("<b>");
    expect(markup).not.toContain("</span>Somewhere");
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const data = JSON.parse(blocks[0]?.[1] ?? "");
    expect(data).toMatchObject({
      headline: HEADLINE,
      dateline: "</span>Somewhere",
      keywords: "</script>, A & B",
      author: [{ "@type": "Person", name: "Ann </script> Author" }],
    });
  });

  test("stays text in every feed and in the news sitemap", () => {
    for (const file of ["feed.xml", "atom.xml", "world/feed.xml", "world/atom.xml"]) {
      const item = parseFeed(readHostile(file)).items.find((entry) =>
        entry.url?.includes("hostile-headline"),
      );
      expect(item?.title, file).toBe(HEADLINE);
      expect(
        item?.authors.map((a) => a.name),
        file,
      ).toEqual(["Ann </script> Author"]);
    }
    const feed = JSON.parse(readHostile("feed.json"));
    expect(jsonFeedProblems(feed)).toEqual([]);
    expect(feed.items.map((entry: { title: string }) => entry.title)).toContain(HEADLINE);
    const news = readHostile("news-sitemap.xml");
    expect(() => SyntaxValidator.validate(news)).not.toThrow();
    const titles = new XMLParser({ isArray: (name) => name === "url" })
      .parse(news)
      .urlset.url.map(
        (url: Record<string, Record<string, string>>) => url["news:news"]?.["news:title"],
      );
    expect(titles).toContain(HEADLINE);
  });

  // tests/fixtures/hostile-text/names-in-every-script.md: names in other
  // scripts and names told apart by one symbol or accent, a vertical tab and
  // a form feed pasted from Word, markup typed into the summary, a lead image
  // narrower than any width offered, a drawing in the body.
  const NAMES = "2021/03/02/world/names-in-every-script/index.html";
  /** A site path or URL's file in the build: percent-encoding read, index.html added. */
  const fileOf = (url: string) => {
    const path = decodeURIComponent(new URL(url, ORIGIN).pathname);
    return join(hostile.outDir, path.endsWith("/") ? `${path}index.html` : path);
  };
  const linksIn = (html: string, pattern: RegExp) =>
    [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)]
      .filter(([, href]) => pattern.test(href ?? ""))
      .map(([, href, name]) => [name, href] as [string, string]);

  test("tags and people in any script keep one page per name, linked from the story and the indexes", () => {
    const html = readHostile(NAMES);
    const topics = linksIn(html, /\/tags\/./);
    expect(topics.map(([name]) => name)).toEqual(["🔥", "東京", "Москва", "C++", "C#"]);
    const people = linksIn(html, /\/people\/./);
    expect(people.map(([name]) => name)).toEqual([
      "José Pérez",
      "Jose Perez",
      "山田太郎",
      "Иван Петров",
    ]);
    // One page each: C++ and C#, José Pérez and Jose Perez are not merged.
    for (const links of [topics, people]) {
      expect(new Set(links.map(([, href]) => href)).size).toBe(links.length);
      for (const [name, href] of links) {
        expect(existsSync(fileOf(href)), href).toBe(true);
        expect(readFileSync(fileOf(href), "utf8")).toContain(`<h1>${name}</h1>`);
      }
    }
    expect(html).not.toContain("/people//");
    expect(html).not.toContain("/tags//");
    const tagIndex = readHostile("tags/index.html");
    for (const [name, href] of topics) expect(tagIndex).toContain(`<a href="${href}">${name}</a>`);
    const peopleIndex = readHostile("people/index.html");
    for (const [name, href] of people)
      expect(peopleIndex).toContain(`<a href="${href}">${name}</a>`);
  });

  test("the structured data, the feeds and the sitemap carry the same addresses, encoded", () => {
    const html = readHostile(NAMES);
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    const data = JSON.parse(blocks[0]?.[1] ?? "");
    const authors = data.author as { name: string; url: string }[];
    expect(authors.map((a) => a.name)).toEqual(["José Pérez", "Jose Perez", "山田太郎"]);
    for (const { url } of authors) {
      expect(url).toMatch(/^https:\/\/dateline\.example\.com\/people\/[\w%-]+\/$/);
      expect(existsSync(fileOf(url)), url).toBe(true);
    }
    const [entry] = parseFeed(readHostile("atom.xml")).items.filter((item) =>
      item.url?.includes("names-in-every-script"),
    );
    expect(entry?.authors.map((a) => a.url)).toEqual(authors.map((a) => a.url));
    const sitemap = new XMLParser({ isArray: (name) => name === "url" }).parse(
      readHostile("sitemap-pages-1.xml"),
    );
    const locs = sitemap.urlset.url.map((url: { loc: string }) => url.loc) as string[];
    for (const loc of locs) {
      expect(loc, loc).toMatch(/^https:\/\/dateline\.example\.com\/[\x21-\x7e]*$/);
      expect(existsSync(fileOf(loc)), loc).toBe(true);
    }
    expect(locs).toContain(`${ORIGIN}/tags/%E6%9D%B1%E4%BA%AC/`);
    expect(checkLinks(hostile.outDir)).toEqual([]);
  });

  test("no page or feed carries a character XML forbids; every feed is well-formed", () => {
    const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
    const files = [".html", ".xml", ".json"].flatMap((ext) => filesIn(hostile.outDir, ext));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(FORBIDDEN.test(readHostile(file)), file).toBe(false);
    for (const file of filesIn(hostile.outDir, ".xml")) {
      expect(() => SyntaxValidator.validate(readHostile(file)), file).not.toThrow();
    }
    // Word's line break is the space between the words, everywhere.
    const headline = "Fixture: Names in every script and a Word line break";
    expect(readHostile(NAMES)).toContain(`<h1>${headline}</h1>`);
    expect(readHostile(NAMES)).toContain("here and goes on, and a form feed between two words.");
    for (const file of ["feed.xml", "atom.xml", "world/feed.xml", "world/atom.xml"]) {
      expect(parseFeed(readHostile(file)).items.map((item) => item.title)).toContain(headline);
    }
  });

  test("markup typed into a summary reaches RSS readers as text", () => {
    const rss = readHostile("world/feed.xml");
    const descriptions = [...rss.matchAll(/<description>\s*<!\[CDATA\[([\s\S]*?)\]\]>/g)].map(
      ([, text]) => text ?? "",
    );
    expect(descriptions).toContain(
      "&lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt; typed into a summary",
    );
    for (const description of descriptions) expect(description).not.toMatch(/<img|<script/);
  });

  test("a lead image narrower than 400 px gets a srcset of its own width; a plain drawing is published", () => {
    const html = readHostile(NAMES);
    const srcsets = [...html.matchAll(/\ssrcset="([^"]*)"/g)].map(([, value]) => value ?? "");
    expect(srcsets.length).toBeGreaterThan(0);
    for (const srcset of srcsets) expect(srcset).toMatch(/^\S+ 300w$/);
    const drawing = /<img[^>]+alt="Rainfall by day, as bars"[^>]*>/.exec(html)?.[0] ?? "";
    const src = /src="([^"]+\.svg)"/.exec(drawing)?.[1] ?? "";
    expect(readFileSync(fileOf(src), "utf8")).toContain("<title>Rainfall by day</title>");
  });
});

describe("a quiet day: no story under two days old", () => {
  let quiet: BuildResult;
  const readQuiet = (path: string) => readFileSync(join(quiet.outDir, path), "utf8");

  beforeAll(() => {
    quiet = buildSite({
      content: join(ROOT, "tests/fixtures/hostile-text"),
      env: { DATELINE_BUILD_TIME: "2030-01-01T12:00:00Z" },
    });
    expect(quiet.status, quiet.output).toBe(0);
  });

  test("writes no news sitemap, and neither robots.txt nor the index announces one", () => {
    // An empty <urlset> is invalid against the sitemap schema.
    expect(filesIn(quiet.outDir, ".xml").filter((file) => file.includes("news"))).toEqual([]);
    expect(readQuiet("robots.txt")).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\n`,
    );
    const index = new XMLParser({ isArray: (name) => name === "sitemap" }).parse(
      readQuiet("sitemap.xml"),
    );
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      `${ORIGIN}/sitemap-pages-1.xml`,
    ]);
  });
});
