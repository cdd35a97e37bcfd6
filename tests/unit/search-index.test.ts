import {
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, expect, test } from "vitest";
import {
  articlePagesByYear,
  articlePagesOf,
  indexSite,
  indexYearEarly,
} from "../../src/distribution/search-index.ts";

const root = mkdtempSync(join(tmpdir(), "search-index-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const page = (site: string, path: string, body: string) => {
  const file = join(site, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`,
  );
};
const story = (headline: string, text: string) =>
  `<nav>Sections</nav><article data-pagefind-body><h1>${headline}</h1><p>${text}</p></article>`;

/** A staging folder as scripts/build.ts makes one: every published page hard-linked. */
function stage(published: string, staging: string): void {
  for (const entry of readdirSync(published, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const from = join(entry.parentPath, entry.name);
    const to = join(staging, relative(published, from));
    mkdirSync(dirname(to), { recursive: true });
    linkSync(from, to);
  }
}

test("indexes the article pages of a built site, one index per year, and nothing else", async () => {
  const site = join(root, "first");
  page(site, "2020/05/26/politics/vote/index.html", story("Senate votes", "The budget passed."));
  page(site, "2019/01/02/world/storm/index.html", story("Storm", "Winds rose."));
  page(site, "politics/index.html", "<main><h1>Politics</h1><p>Senate votes</p></main>");
  page(site, "index.html", "<main><h1>Front</h1></main>");
  expect([...articlePagesByYear(site).keys()]).toEqual(["2020", "2019"]);
  const result = await indexSite(site);
  expect(result).toMatchObject({ pages: 2, indexed: 2, reused: [] });
  expect(Object.keys(result.keys).sort()).toEqual(["2019", "2020"]);
  for (const year of ["2019", "2020"]) {
    expect(existsSync(join(site, "pagefind", year, "pagefind.js")), year).toBe(true);
    // Pagefind's ready-made interfaces are not used by the search page.
    expect(existsSync(join(site, "pagefind", year, "pagefind-ui.js")), year).toBe(false);
  }
}, 60_000);

/** A published site of two stories (2020, 2019) with its search index, and what the index recorded. */
async function publishedSite(name: string) {
  const built = join(root, `${name}-built`);
  page(built, "2020/05/26/politics/vote/index.html", story("Senate votes", "The budget passed."));
  page(built, "2019/01/02/world/storm/index.html", story("Storm", "Winds rose."));
  const first = await indexSite(built);
  const published = join(root, name);
  renameSync(built, published);
  return { first, published };
}

test("a build takes over the index of every year whose stories did not change", async () => {
  const { first, published } = await publishedSite("dist");

  // The next build: every page linked, one story of 2020 changed, and one of
  // 2019 rendered again with the same bytes (a new file, as Astro writes it).
  const staging = join(root, "dist.staging");
  stage(published, staging);
  unlinkSync(join(staging, "2020/05/26/politics/vote/index.html"));
  page(staging, "2020/05/26/politics/vote/index.html", story("Senate votes", "A recount."));
  unlinkSync(join(staging, "2019/01/02/world/storm/index.html"));
  page(staging, "2019/01/02/world/storm/index.html", story("Storm", "Winds rose."));
  const previous = { site: published, keys: first.keys, digests: first.digests };
  const next = await indexSite(staging, previous);

  expect(next).toMatchObject({ pages: 2, indexed: 1, reused: ["2019"] });
  expect(next.keys["2019"]).toBe(first.keys["2019"]);
  expect(next.keys["2020"]).not.toBe(first.keys["2020"]);
  // 2019's files are the published ones (linked, not written again); 2020's are new.
  const entry = (site: string, year: string) =>
    statSync(join(site, "pagefind", year, "pagefind-entry.json"));
  expect(entry(staging, "2019").ino).toBe(entry(published, "2019").ino);
  expect(entry(staging, "2020").ino).not.toBe(entry(published, "2020").ino);

  // A story removed from a year changes that year's key too.
  unlinkSync(join(staging, "2019/01/02/world/storm/index.html"));
  page(staging, "2019/03/04/world/flood/index.html", story("Flood", "Rivers rose."));
  const third = await indexSite(staging, previous);
  expect(third.reused).toEqual([]);
}, 60_000);

test("the article pages of a list of files come in the order the folders give them", () => {
  const site = join(root, "listed");
  const files = [
    "2020/05/26/news-world/b/index.html",
    "2020/05/26/news/a/index.html",
    "2020/05/26/news/a-b/index.html",
    "2019/12/31/world/z/index.html",
    "2020/01/02/world/y/index.html",
  ];
  for (const file of files) page(site, file, story("x", "y"));
  page(site, "politics/index.html", "<main></main>");
  page(site, "2020/index.html", "<main></main>");
  const listed = articlePagesOf([...files, "politics/index.html", "2020/index.html", "feed.xml"]);
  expect([...listed]).toEqual([...articlePagesByYear(site)]);
  // Folder by folder: "news" before "news-world", though "news-" sorts before "news/".
  expect(listed.get("2020")).toEqual([
    "2020/01/02/world/y/index.html",
    "2020/05/26/news/a/index.html",
    "2020/05/26/news/a-b/index.html",
    "2020/05/26/news-world/b/index.html",
  ]);
});

test("told what the build wrote, the index reads only those pages", async () => {
  const { first, published } = await publishedSite("told-dist");
  const previous = { site: published, keys: first.keys, digests: first.digests };
  const pages = ["2020/05/26/politics/vote/index.html", "2019/01/02/world/storm/index.html"];

  const staging = join(root, "told-staging");
  stage(published, staging);
  unlinkSync(join(staging, pages[0]!));
  page(staging, pages[0]!, story("Senate votes", "A recount."));
  const told = await indexSite(staging, previous, { pages, written: new Set([pages[0]!]) });
  expect(told).toMatchObject({ pages: 2, indexed: 1, reused: ["2019"] });
  expect(told.keys).toEqual((await indexSite(staging, previous)).keys);

  // A page the build says it did not write is taken as the published one,
  // unread: its year's index is reused although the file here changed.
  const unread = await indexSite(staging, previous, { pages, written: new Set() });
  expect(unread.reused.sort()).toEqual(["2019", "2020"]);
}, 60_000);

test("a year indexed while the build still rendered is kept only while its pages stay as they were read", async () => {
  const site = join(root, "early");
  page(site, "2020/05/26/politics/vote/index.html", story("Senate votes", "The budget passed."));
  page(site, "2020/06/01/world/quake/index.html", story("Quake", "The ground shook."));
  page(site, "2019/01/02/world/storm/index.html", story("Storm", "Winds rose."));
  const files = articlePagesByYear(site).get("2020") ?? [];
  const early = await indexYearEarly(site, "2020", files);
  expect(early?.files).toEqual(files);
  // The index's files, as made: any index made again has other change times.
  const entry = () =>
    String(
      statSync(join(site, "pagefind", "2020", "pagefind-entry.json"), { bigint: true }).ctimeNs,
    );
  const made = entry();

  // Nothing changed since: the index is kept, and only 2019 is indexed now.
  const kept = await indexSite(site, undefined, undefined, new Map([["2020", early!]]));
  expect(kept).toMatchObject({ pages: 3, indexed: 3, early: ["2020"] });
  expect(entry()).toBe(made);

  // A page written again after the year was indexed: the year is indexed again.
  const again = await indexYearEarly(site, "2020", files);
  const remade = entry();
  unlinkSync(join(site, "2020/06/01/world/quake/index.html"));
  page(site, "2020/06/01/world/quake/index.html", story("Quake", "Aftershocks followed."));
  const redone = await indexSite(site, undefined, undefined, new Map([["2020", again!]]));
  expect(redone.early).toEqual([]);
  expect(redone.keys["2020"]).not.toBe(again?.key);
  expect(entry()).not.toBe(remade);
}, 60_000);

test("a year whose pages were written again with the same bytes is not indexed early: the published index is taken over", async () => {
  const { first, published } = await publishedSite("early-same");
  const staging = join(root, "early-same.staging");
  stage(published, staging);
  unlinkSync(join(staging, "2020/05/26/politics/vote/index.html"));
  page(staging, "2020/05/26/politics/vote/index.html", story("Senate votes", "The budget passed."));
  const previous = { site: published, keys: first.keys, digests: first.digests };
  const files = ["2020/05/26/politics/vote/index.html"];
  expect(await indexYearEarly(staging, "2020", files, previous)).toBeUndefined();
  expect(existsSync(join(staging, "pagefind", "2020"))).toBe(false);
  // Changed bytes: indexed.
  unlinkSync(join(staging, "2020/05/26/politics/vote/index.html"));
  page(staging, "2020/05/26/politics/vote/index.html", story("Senate votes", "A recount."));
  expect((await indexYearEarly(staging, "2020", files, previous))?.files).toEqual(files);
}, 60_000);

test("a year is not indexed early while its folder holds other article pages than the build makes", async () => {
  const site = join(root, "early-extra");
  page(site, "2020/05/26/politics/vote/index.html", story("Senate votes", "The budget passed."));
  // A page of the last build, linked into the staging folder, that this build no longer makes.
  page(site, "2020/05/27/politics/gone/index.html", story("Withdrawn", "Removed."));
  expect(
    await indexYearEarly(site, "2020", ["2020/05/26/politics/vote/index.html"]),
  ).toBeUndefined();
  expect(existsSync(join(site, "pagefind", "2020"))).toBe(false);
});
