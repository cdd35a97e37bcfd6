import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import type { LoaderContext } from "astro/loaders";
import { readArticle } from "../../src/editor/check-article.ts";
import {
  oneByOne,
  renderThreads,
  storeArticles,
  type Rendered,
} from "../../src/editor/article-loader.ts";
import type { CheckedArticle } from "../../src/editor/check-content.ts";
import { shardReads, StoryHtmlWriter, storyHtml } from "../../src/news/story-html.ts";

/** An article as the rules pass it to the loader. */
function checked(id: string, body: string, scheduled = false): CheckedArticle {
  const text = `---\nheadline: ${id}\npublished: 2020-05-26T12:00:00-04:00\n---\n\n${body}\n`;
  const result = readArticle(text, {
    file: `content/${id}.md`,
    path: `/site/content/${id}.md`,
    id,
  });
  if (!result.article || !result.raw) throw new Error(JSON.stringify(result.problems));
  return { ...result.article, raw: result.raw, text, scheduled };
}

/** The parts of Astro's loader context the store step uses, over a Map. */
function fakeContext() {
  const entries = new Map<string, Record<string, unknown>>();
  const store = {
    get: (id: string) => entries.get(id),
    set: (entry: Record<string, unknown> & { id: string }) => {
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => entries.delete(id),
    keys: () => [...entries.keys()],
    addAssetImports: () => {},
  };
  const context = {
    store,
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
    generateDigest: (text: string | Record<string, unknown>) => String(text),
  } as unknown as Pick<LoaderContext, "store" | "parseData" | "generateDigest">;
  return { context, entries };
}

// The renderer the glob loader uses logs a failure and stores the story with
// an empty body; this one must refuse it instead.
const renderOne = async (article: CheckedArticle): Promise<Rendered> => {
  if (article.checked.body.includes("BOOM"))
    throw new RangeError("Maximum call stack size exceeded");
  return { html: `<p>${article.checked.body.trim()}</p>`, metadata: { imagePaths: [] } };
};
const render = oneByOne(renderOne);

test("a story whose rendering fails is not stored, and the failure names file and field", async () => {
  const { context, entries } = fakeContext();
  const problems = await storeArticles(
    context,
    [checked("fine", "Good text."), checked("broken", "Good text. BOOM")],
    render,
    { dev: false, cwd: "/site" },
  );
  expect(problems).toEqual([
    {
      file: "content/broken.md",
      line: 5,
      field: "body",
      message:
        "expected Markdown the site can render; found text the renderer failed on (Maximum call stack size exceeded), so the story is not published",
      severity: "error",
    },
  ]);
  expect([...entries.keys()]).toEqual(["fine"]);
  expect(entries.get("fine")).toMatchObject({
    filePath: "content/fine.md",
    rendered: { html: "<p>Good text.</p>" },
  });
});

test("a scheduled story is not stored in a build, and is in dev; stale entries go", async () => {
  const { context, entries } = fakeContext();
  entries.set("removed", { id: "removed" });
  const articles = [checked("now", "Text."), checked("later", "Text.", true)];
  await storeArticles(context, articles, render, { dev: false, cwd: "/site" });
  expect([...entries.keys()]).toEqual(["now"]);
  await storeArticles(context, articles, render, { dev: true, cwd: "/site" });
  expect([...entries.keys()].sort()).toEqual(["later", "now"]);
});

test("a story is rendered again when the rendering code changes, and only then", async () => {
  const { context } = fakeContext();
  let renders = 0;
  const counting = oneByOne(async (article) => {
    renders++;
    return renderOne(article);
  });
  const articles = [checked("kept", "Text.")];
  const options = { dev: false, cwd: "/site" };
  await storeArticles(context, articles, counting, { ...options, pipeline: "code-1" });
  await storeArticles(context, articles, counting, { ...options, pipeline: "code-1" });
  expect(renders).toBe(1);
  await storeArticles(context, articles, counting, { ...options, pipeline: "code-2" });
  expect(renders).toBe(2);
});

test("stories' HTML is kept beside the store, and reused while the story is unchanged", async () => {
  const folder = join(mkdtempSync(join(tmpdir(), "story-html-")), "html");
  const { context, entries } = fakeContext();
  let renders = 0;
  const counting = oneByOne(async (article) => {
    renders++;
    return renderOne(article);
  });
  const sync = (articles: CheckedArticle[]) =>
    storeArticles(context, articles, counting, {
      dev: false,
      cwd: "/site",
      html: new StoryHtmlWriter(folder),
    });
  type Entry = Parameters<typeof storyHtml>[0];
  const kept = () => entries.get("kept") as Entry;

  await sync([checked("kept", "Text.")]);
  // Out of the data store (which Vite bundles), into the file.
  expect(kept().rendered?.html).toBe("");
  expect(storyHtml(kept())).toBe("<p>Text.</p>");

  // The next build renders nothing again.
  await sync([checked("kept", "Text.")]);
  expect(renders).toBe(1);

  // An edit is rendered and replaces the kept HTML; a page still holding the
  // store of before the edit (astro dev, for a moment) finds its version.
  const before = kept();
  await sync([checked("kept", "Edited.")]);
  expect(renders).toBe(2);
  expect(storyHtml(kept())).toBe("<p>Edited.</p>");
  expect(storyHtml(before)).toBe("<p>Text.</p>");

  // The file lost: the story is rendered again, never shown empty.
  rmSync(new StoryHtmlWriter(folder).fileOf("kept"));
  await sync([checked("kept", "Edited.")]);
  expect(renders).toBe(3);
  expect(storyHtml(kept())).toBe("<p>Edited.</p>");

  // A story removed leaves its file too; only the files of changed stories are written.
  const shardOfKept = new StoryHtmlWriter(folder).fileOf("kept");
  await sync([checked("kept", "Edited."), checked("other", "More.")]);
  const written = () =>
    readdirSync(folder)
      .map((name) => statSync(join(folder, name)).mtimeMs)
      .join();
  const unchanged = written();
  await sync([checked("kept", "Edited."), checked("other", "More.")]);
  expect(written()).toBe(unchanged);
  await sync([checked("other", "More.")]);
  expect(Object.keys(JSON.parse(readFileSync(shardOfKept, "utf8")) as object)).not.toContain(
    "kept",
  );
  expect(readdirSync(folder).filter((name) => /^\d+\.json$/.test(name))).toHaveLength(16);
  // Only the index is read up front: a sync that changes nothing reads no HTML.
  const readsBefore = shardReads.count;
  await sync([checked("other", "More.")]);
  expect(shardReads.count).toBe(readsBefore);
  await sync([checked("other", "Changed.")]);
  expect(shardReads.count).toBe(readsBefore + 1);
});

test("render threads: one per core up to four, or as many as DATELINE_RENDER_THREADS says", () => {
  expect(renderThreads(undefined)).toBe(Math.min(availableParallelism(), 4));
  expect(renderThreads("")).toBe(Math.min(availableParallelism(), 4));
  expect(renderThreads("0")).toBe(0);
  expect(renderThreads("12")).toBe(12);
  expect(() => renderThreads("-1")).toThrow(/DATELINE_RENDER_THREADS: expected a whole number/);
});

test("while it works through many stories, the store step lets the render threads' answers in", async () => {
  // The pool sends a thread more stories only once its answers are read,
  // which needs the event loop: a loop of promise-only work never lets it run.
  const { context } = fakeContext();
  let turns = 0;
  let turnsWhenPrepared = -1;
  const ticker = setInterval(() => turns++, 0);
  const articles = Array.from({ length: 300 }, (_, i) => checked(`story-${i}`, `Text ${i}.`));
  const slowParse = {
    ...context,
    parseData: async ({ data, id }: { data: Record<string, unknown>; id: string }) => {
      const until = performance.now() + 0.1;
      while (performance.now() < until);
      if (id === "story-299") turnsWhenPrepared = turns;
      return data;
    },
  } as typeof context;
  try {
    await storeArticles(slowParse, articles, render, { dev: false, cwd: "/site" });
  } finally {
    clearInterval(ticker);
  }
  // 300 stories at 0.1 ms each: 30 ms of work, with a pause every 5 ms.
  expect(turnsWhenPrepared).toBeGreaterThanOrEqual(3);
});
