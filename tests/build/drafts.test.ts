import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, expect, test } from "vitest";
import { buildSite, ROOT, type BuildResult } from "../support/build.ts";
import { filesIn } from "../support/dist.ts";

// Two articles, one a developing draft: the smallest site that shows what a
// production build does with drafts. (`astro dev` shows them, marked "Draft":
// see ArticleView.test.ts.)
let site: BuildResult;
const read = (path: string) => readFileSync(join(site.outDir, path), "utf8");
const DRAFT = /secret-merger-talks|Secret merger talks|not-for-readers/;

beforeAll(() => {
  site = buildSite({ content: join(ROOT, "tests/fixtures/drafts") });
  expect(site.status, site.output).toBe(0);
});

test("a draft gets no page; the published story beside it does", () => {
  expect(existsSync(join(site.outDir, "2021/03/01/news/council-approves-budget/index.html"))).toBe(
    true,
  );
  expect(existsSync(join(site.outDir, "2021/03/02/business/secret-merger-talks"))).toBe(false);
  expect(existsSync(join(site.outDir, "business"))).toBe(false);
});

test("the home page lists the published story and not the draft", () => {
  const home = read("index.html");
  expect(home).toContain("Council approves the harbour budget");
  expect(home).not.toMatch(DRAFT);
});

test("no page, feed, sitemap or search fragment mentions the draft", () => {
  const files = filesIn(site.outDir, "").filter((file) => /\.(html|xml|json|txt)$/.test(file));
  expect(files.length).toBeGreaterThan(5);
  for (const file of files) expect(read(file), file).not.toMatch(DRAFT);
  const fragments = filesIn(join(site.outDir, "pagefind"), ".pf_fragment");
  expect(fragments.length).toBeGreaterThan(0);
  for (const file of fragments) {
    // Pagefind's fragments: gzip, the JSON of one indexed page after a marker.
    const text = gunzipSync(readFileSync(join(site.outDir, "pagefind", file))).toString("utf8");
    expect(text, file).toContain("pagefind_dcd");
    expect(text, file).not.toMatch(DRAFT);
  }
});
