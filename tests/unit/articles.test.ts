import type { CollectionEntry } from "astro:content";
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { entry } from "../support/articles.ts";

// The collection the modules under test read: replaced per test.
let collection: CollectionEntry<"articles">[] = [];
const getCollection = vi.fn(async () => collection);
vi.mock("astro:content", () => ({ getCollection }));

// `astro dev`'s content store file: its modification time, per test.
let storeMtime: number | undefined;
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const statSync = ((path: string, ...rest: never[]) => {
    if (String(path).endsWith(".astro/data-store.json")) {
      if (storeMtime === undefined) throw Object.assign(new Error("ENOENT"), { code: "ENOENT" });
      return { mtimeMs: storeMtime };
    }
    return (fs.statSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.statSync;
  return { ...fs, default: { ...fs, statSync }, statSync };
});

/**
 * Fresh modules (their per-build memos) over the given entries, as in a
 * build at `now`: by default the evening of the storm's day, while it is live.
 */
async function load(entries: CollectionEntry<"articles">[], now = "2021-03-01T20:00:00-05:00") {
  collection = entries;
  getCollection.mockClear();
  vi.resetModules();
  vi.stubEnv("DEV", false);
  vi.stubEnv("DATELINE_BUILD_TIME", now);
  return {
    articles: await import("../../src/news/articles.ts"),
    chrome: await import("../../src/news/site-chrome.ts"),
  };
}

const day = (iso: string) => new Date(iso);
const storm = (headline: string, updates: string) =>
  entry(
    "world/storm",
    { headline, published: day("2021-03-01T10:00:00-05:00"), developing: true, section: "world" },
    `The storm.\n\n${updates}`,
  );

// The first load transforms the modules, which can take seconds on a busy machine.
beforeAll(() => load([]), 60_000);

beforeEach(() => {
  vi.unstubAllEnvs();
});

describe("getArticles in astro dev", () => {
  const loadDev = async () => {
    const modules = await load([
      entry("politics/one", { published: day("2020-05-25T12:00:00-04:00") }),
    ]);
    vi.stubEnv("DEV", true);
    return modules.articles;
  };

  test("reuses what it computed while the content store is the same version", async () => {
    storeMtime = 1;
    const articles = await loadDev();
    await articles.getListings();
    await articles.getArticles();
    await articles.getRelated();
    expect(getCollection).toHaveBeenCalledTimes(1);
    // An edit: Astro writes the store again, and the next page sees it.
    storeMtime = 2;
    await articles.getArticles();
    await articles.getListings();
    expect(getCollection).toHaveBeenCalledTimes(2);
  });

  test("computes afresh for every call without a store version to go by", async () => {
    storeMtime = undefined;
    const articles = await loadDev();
    await articles.getArticles();
    await articles.getArticles();
    expect(getCollection).toHaveBeenCalledTimes(2);
  });
});

describe("getArticles", () => {
  test("reads the collection once per build, places and enriches every published story", async () => {
    const { articles } = await load([
      entry("politics/older", { published: day("2020-05-25T12:00:00-04:00") }),
      entry("politics/newer", {
        published: day("2020-05-26T23:30:00-04:00"),
        summary: 'A "quoted" summary',
      }),
      entry("politics/draft", { published: day("2020-05-27T12:00:00-04:00"), draft: true }),
    ]);
    const all = await articles.getArticles();
    await articles.getArticles();
    expect(getCollection).toHaveBeenCalledTimes(1);
    expect(all.map((article) => article.path)).toEqual([
      "/2020/05/26/politics/newer/",
      "/2020/05/25/politics/older/",
    ]);
    expect(all[0]?.summary).toBe("A \u201cquoted\u201d summary");
    expect(all[1]?.summary).toBe("Text of the story.");
    expect(all[0]?.sectionName).toBe("Politics");
    expect(all[0]?.readingMinutes).toBe(1);
  });

  test("takes the updates from the body, newest first, and the last change from them", async () => {
    const { articles } = await load([
      storm("Storm", "## 2021-03-01 14:00\n\nA.\n\n## 2021-03-01 19:45 — Lifted\n\nB."),
    ]);
    const [story] = await articles.getArticles();
    expect(story?.updates.map((update) => update.id)).toEqual([
      "update-2021-03-01-1945",
      "update-2021-03-01-1400",
    ]);
    expect(story && articles.lastChange(story).toISOString()).toBe("2021-03-02T00:45:00.000Z");
  });

  test("refuses a story with an invalid update, naming the file and the heading", async () => {
    const { articles } = await load([storm("Storm", "## 2021-02-30 10:00\n\nA.")]);
    await expect(articles.getArticles()).rejects.toThrow(
      /content\/world\/storm\.md: update "## 2021-02-30 10:00": expected an update heading/,
    );
  });

  test("credits the site's short name when a story names no source", async () => {
    const { articles } = await load([]);
    const base = entry("a", { published: day("2020-05-26T12:00:00-04:00") }).data;
    expect(articles.sourceOf(base)).toBe("Dateline");
    expect(articles.sourceOf({ ...base, source: "CNN" })).toBe("CNN");
  });
});

describe("the site key", () => {
  const quiet = entry("politics/quiet", { published: day("2020-05-26T12:00:00-04:00") });

  test("is the banner's and the navigation's content: what they show changes it", async () => {
    const key = async (entries: CollectionEntry<"articles">[]) =>
      (await load(entries)).chrome.getSiteKey();
    const before = await key([quiet, storm("Storm", "## 2021-03-01 14:00\n\nA.")]);
    // A new headline, a new update and a new section each show on every page.
    expect(await key([quiet, storm("Storm grows", "## 2021-03-01 14:00\n\nA.")])).not.toBe(before);
    expect(
      await key([quiet, storm("Storm", "## 2021-03-01 14:00\n\nA.\n\n## 2021-03-01 15:00")]),
    ).not.toBe(before);
    const elsewhere = entry("science/quiet", {
      published: day("2020-05-26T12:00:00-04:00"),
      section: "science",
    });
    expect(await key([quiet, elsewhere, storm("Storm", "## 2021-03-01 14:00\n\nA.")])).not.toBe(
      before,
    );
    // A change that no banner or menu shows keeps it.
    const edited = { ...quiet, body: "Edited text.", digest: "other" };
    expect(await key([edited, storm("Storm", "## 2021-03-01 14:00\n\nA.")])).toBe(before);
  });

  test("the banner names the latest developing story at its latest update", async () => {
    const { chrome } = await load([quiet, storm("Storm", "## 2021-03-01 14:00\n\nA.")]);
    expect(await chrome.getBanner()).toEqual({
      text: "Stay Updated on Developing Stories",
      path: "/developing/",
      newsletter: undefined,
      developing: [
        {
          path: "/2021/03/01/world/storm/",
          headline: "Storm",
          link: "/2021/03/01/world/storm/#update-2021-03-01-1400",
          time: day("2021-03-01T14:00:00-05:00"),
          today: true,
        },
      ],
    });
    expect(await chrome.getNavigation()).toEqual([
      { path: "/politics/", name: "Politics" },
      { path: "/world/", name: "World" },
    ]);
  });

  test("a developing story twelve hours without an update is no longer live anywhere", async () => {
    const stories = [quiet, storm("Storm", "## 2021-03-01 14:00\n\nA.")];
    const live = await load(stories, "2021-03-02T01:59:00-05:00");
    const liveKey = await live.chrome.getSiteKey();
    expect((await live.articles.getArticles()).find((a) => a.data.developing)?.live).toBe(true);
    const stale = await load(stories, "2021-03-02T02:00:00-05:00");
    expect((await stale.articles.getArticles()).find((a) => a.data.developing)?.live).toBe(false);
    expect(await stale.articles.getDeveloping()).toEqual([]);
    expect((await stale.chrome.getBanner()).developing).toEqual([]);
    // Every page shows it (a Live mark, the banner): every page's key changes.
    expect(await stale.chrome.getSiteKey()).not.toBe(liveKey);
  });

  test("the menu has the section listings' sections in their order, without listing the archive", async () => {
    const at = day("2021-03-01T10:00:00-05:00");
    const { articles, chrome } = await load([
      entry("zebra-desk/a", { published: at, section: "zebra-desk" }),
      entry("world/b", { published: at, section: "world" }),
      entry("aardvark-desk/c", { published: at, section: "aardvark-desk" }),
      entry("news/d", { published: at, section: "news" }),
      entry("world/e", { published: at, section: "world" }),
    ]);
    storeMtime = 1;
    vi.stubEnv("DEV", true);
    vi.stubEnv("DATELINE_TRACE", "1");
    const said = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const menu = await chrome.getNavigation();
    expect(said.mock.calls.flat()).toEqual(["dateline: working out the articles"]);
    // Configured sections as configured, then the others by slug.
    expect(menu).toEqual([
      { path: "/news/", name: "News" },
      { path: "/world/", name: "World" },
      { path: "/aardvark-desk/", name: "Aardvark Desk" },
      { path: "/zebra-desk/", name: "Zebra Desk" },
    ]);
    // Every page's header asks: the same menu until the stories change.
    expect(await chrome.getNavigation()).toBe(menu);
    storeMtime = 2;
    const again = await chrome.getNavigation();
    expect(again).not.toBe(menu);
    expect(again).toEqual(menu);
    const { sections } = await articles.getListings();
    expect(menu).toEqual(
      sections.map((section) => ({ path: `/${section.key}/`, name: section.name })),
    );
    said.mockRestore();
  });
});
