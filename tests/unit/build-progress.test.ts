import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, expect, test } from "vitest";
import {
  announceArticlePages,
  PROGRESS_VARIABLE,
  ProgressReader,
  reportProgress,
} from "../../src/site/build-progress.ts";

const root = mkdtempSync(join(tmpdir(), "build-progress-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  delete process.env[PROGRESS_VARIABLE];
});

test("the article route's pages and the files written reach the reader as they are appended", () => {
  const file = join(root, "progress.txt");
  process.env[PROGRESS_VARIABLE] = file;
  const reader = new ProgressReader(file);
  expect(reader.read()).toEqual([]);
  reportProgress(["wrote 404.html"]);
  announceArticlePages(["/2020/05/26/politics/vote/", "/2019/01/02/world/storm/"]);
  // A line cut in two by a read in the middle of a write counts once, when whole.
  appendFileSync(file, "wrote 2020/05/26/poli");
  expect(reader.read()).toEqual(["404.html"]);
  expect(reader.progress.expected).toEqual([
    "2020/05/26/politics/vote/index.html",
    "2019/01/02/world/storm/index.html",
  ]);
  appendFileSync(file, "tics/vote/index.html\n");
  reportProgress(["wrote 404.html"]);
  expect(reader.read()).toEqual(["2020/05/26/politics/vote/index.html", "404.html"]);
  expect(reader.progress.written.get("404.html")).toBe(2);
});

test("a list of pages is taken only once it is whole", () => {
  const file = join(root, "partial.txt");
  appendFileSync(file, "expect 2020/05/26/politics/vote/index.html\nexpected 2\n");
  const reader = new ProgressReader(file);
  reader.read();
  expect(reader.progress.expected).toBeUndefined();
});

test("without the build script's variable nothing is written", () => {
  const file = join(root, "none.txt");
  reportProgress(["wrote index.html"]);
  announceArticlePages(["/2020/05/26/politics/vote/"]);
  const reader = new ProgressReader(file);
  expect(reader.read()).toEqual([]);
});
