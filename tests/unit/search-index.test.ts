import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { articlePagesOf, indexSite } from "../../src/distribution/search-index.ts";

const root = mkdtempSync(join(tmpdir(), "search-index-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const html = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;
const story = (headline: string, text: string) =>
  html(
    `<nav>Sections</nav><article data-pagefind-body><h1>${headline}</h1><p>${text}</p></article>`,
  );

/** Writes a built site's pages and returns their digests, as scripts/build.ts hands them over. */
function site(folder: string, pages: Record<string, string>): Map<string, string> {
  const digests = new Map<string, string>();
  for (const [path, text] of Object.entries(pages)) {
    const file = join(folder, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    digests.set(path, createHash("sha1").update(text).digest("base64url"));
  }
  return digests;
}

const VOTE = "2020/05/26/politics/vote/index.html";
const STORM = "2019/01/02/world/storm/index.html";

test("indexes the article pages of a built site, one index per year, and nothing else", async () => {
  const folder = join(root, "first");
  const digests = site(folder, {
    [VOTE]: story("Senate votes", "The budget passed."),
    [STORM]: story("Storm", "Winds rose."),
    "politics/index.html": html("<main><h1>Politics</h1><p>Senate votes</p></main>"),
    "index.html": html("<main><h1>Front</h1></main>"),
  });
  const result = await indexSite(folder, digests, join(root, "first-cache"));
  expect(result).toMatchObject({ pages: 2, indexed: 2, reused: [] });
  expect(Object.keys(result.keys).sort()).toEqual(["2019", "2020"]);
  for (const year of ["2019", "2020"]) {
    expect(existsSync(join(folder, "pagefind", year, "pagefind.js")), year).toBe(true);
    // Pagefind's ready-made interfaces are not used by the search page.
    expect(existsSync(join(folder, "pagefind", year, "pagefind-ui.js")), year).toBe(false);
  }
}, 60_000);

test("each build's site gets every year: unchanged years copied from the cache, changed ones indexed", async () => {
  const cache = join(root, "cache");
  const first = join(root, "build-1");
  const firstDigests = site(first, {
    [VOTE]: story("Senate votes", "The budget passed."),
    [STORM]: story("Storm", "Winds rose."),
  });
  const one = await indexSite(first, firstDigests, cache);
  expect(one).toMatchObject({ indexed: 2, reused: [] });

  // The next build starts from an empty folder: 2020's story changed, 2019's did not.
  const second = join(root, "build-2");
  const secondDigests = site(second, {
    [VOTE]: story("Senate votes", "A recount."),
    [STORM]: story("Storm", "Winds rose."),
  });
  const two = await indexSite(second, secondDigests, cache);
  expect(two).toMatchObject({ pages: 2, indexed: 1, reused: ["2019"] });
  expect(two.keys["2019"]).toBe(one.keys["2019"]);
  expect(two.keys["2020"]).not.toBe(one.keys["2020"]);
  const entry = (folder: string, year: string) =>
    readFileSync(join(folder, "pagefind", year, "pagefind-entry.json"), "utf8");
  expect(entry(second, "2019")).toBe(entry(first, "2019"));
  // The cache's own bookkeeping stays out of the site.
  expect(existsSync(join(second, "pagefind", "2019", ".dateline-key"))).toBe(false);

  // A story moved to another day of 2019 changes that year's key too; a year
  // with no story left leaves the cache.
  const third = join(root, "build-3");
  const three = await indexSite(
    third,
    site(third, { "2019/03/04/world/storm/index.html": story("Storm", "Winds rose.") }),
    cache,
  );
  expect(three).toMatchObject({ pages: 1, indexed: 1, reused: [] });
  expect(existsSync(join(cache, "dateline-search", "2020"))).toBe(false);
}, 60_000);

test("the article pages of a list of files come newest year first, folder by folder", () => {
  const files = [
    "2020/05/26/news-world/b/index.html",
    "2020/05/26/news/a/index.html",
    "2020/05/26/news/a-b/index.html",
    "2019/12/31/world/z/index.html",
    "2020/01/02/world/y/index.html",
  ];
  const listed = articlePagesOf([...files, "politics/index.html", "2020/index.html", "feed.xml"]);
  // "news" before "news-world", though "news-" sorts before "news/".
  expect([...listed]).toEqual([
    [
      "2020",
      [
        "2020/01/02/world/y/index.html",
        "2020/05/26/news/a/index.html",
        "2020/05/26/news/a-b/index.html",
        "2020/05/26/news-world/b/index.html",
      ],
    ],
    ["2019", ["2019/12/31/world/z/index.html"]],
  ]);
});
