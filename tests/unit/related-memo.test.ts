import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, expect, test } from "vitest";
import { relatedStories } from "../../src/news/related.ts";
import {
  forgetRelated,
  lastRelated,
  recalledRelated,
  rememberedRelated,
  relatedRuns,
} from "../../src/news/related-memo.ts";

const dir = mkdtempSync(join(tmpdir(), "dateline-related-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  forgetRelated();
  relatedRuns.count = 0;
});

const items = [
  { section: "politics", tags: ["courts"], text: "Supreme court hears election appeal" },
  { section: "politics", tags: ["courts"], text: "Election appeal reaches supreme court" },
  { section: "world", tags: [], text: "Harbour reopens after storm" },
];

test("the same stories are related once, then remembered in memory and by the next process", () => {
  const file = join(dir, "a", "related.json");
  const first = rememberedRelated(items, { version: "v1", file });
  expect(first).toEqual(relatedStories(items));
  expect(rememberedRelated(items, { version: "v1", file })).toEqual(first);
  expect(relatedRuns.count).toBe(1);
  forgetRelated();
  expect(rememberedRelated(items, { version: "v1", file })).toEqual(first);
  expect(relatedRuns.count).toBe(1);
});

test("a changed headline, a new story or other code relates them again", () => {
  const file = join(dir, "b.json");
  rememberedRelated(items, { version: "v1", file });
  const changed = items.map((item, i) =>
    i === 2 ? { ...item, text: "Storm closes harbour" } : item,
  );
  expect(rememberedRelated(changed, { version: "v1", file })).toEqual(relatedStories(changed));
  const added = [...changed, { section: "world", tags: [], text: "Ferries run again" }];
  expect(rememberedRelated(added, { version: "v1", file })).toEqual(relatedStories(added));
  rememberedRelated(added, { version: "v2", file });
  expect(relatedRuns.count).toBe(4);
});

test("without a file, or with one that cannot be read, it still answers", () => {
  expect(rememberedRelated(items, { version: "v1" })).toEqual(relatedStories(items));
  forgetRelated();
  expect(rememberedRelated(items, { version: "v1", file: dir })).toEqual(relatedStories(items));
  expect(relatedRuns.count).toBe(2);
});

test("recalling works nothing out: the last picks stay at hand for other stories", () => {
  const options = { version: "v1", file: join(dir, "recall", "related.json") };
  expect(recalledRelated(items, options)).toBeUndefined();
  expect(lastRelated()).toBeUndefined();
  const first = rememberedRelated(items, options);
  const edited = items.map((item, i) => (i === 2 ? { ...item, text: "Harbour stays shut" } : item));
  expect(recalledRelated(edited, options)).toBeUndefined();
  expect(lastRelated()).toEqual(first);
  expect(relatedRuns.count).toBe(1);
});
