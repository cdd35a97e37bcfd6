import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { beforeAll, expect, test } from "vitest";
import { buildSite, type BuildResult } from "../support/build.ts";
import { filesIn } from "../support/dist.ts";
import { copyFixtureSite, readTree } from "../support/tree.ts";

// A story deleted, made a draft again, or moved to another section or date
// disappears from every page, listing, feed, sitemap and the search index on
// the next build, although the build reuses what it can from the last one.
let content: string;
let site: BuildResult;

beforeAll(() => {
  content = copyFixtureSite();
  site = buildSite({ content });
  expect(site.status, site.output).toBe(0);
});

/** Every text file of the built site and every search fragment, as text. */
function everything(outDir: string): [string, string][] {
  const texts = filesIn(outDir, "")
    .filter((file) => /\.(html|xml|json|txt)$/.test(file))
    .map((file): [string, string] => [file, readFileSync(join(outDir, file), "utf8")]);
  const fragments = filesIn(join(outDir, "pagefind"), ".pf_fragment").map(
    (file): [string, string] => [
      file,
      gunzipSync(readFileSync(join(outDir, "pagefind", file))).toString("utf8"),
    ],
  );
  expect(fragments.length).toBeGreaterThan(0);
  return [...texts, ...fragments];
}

/** Rebuilds with the caches kept; the build must have reused some pages. */
function rebuild(): void {
  const next = buildSite({ content, reuse: site });
  expect(next.status, next.output).toBe(0);
  expect(next.output).toMatch(
    /\[build\] \d+ pages: \d+ rendered, [1-9]\d* unchanged since the last build/,
  );
}

function edit(file: string, from: string | RegExp, to: string): void {
  const path = join(content, file);
  const text = readFileSync(path, "utf8");
  expect(text).toMatch(from);
  writeFileSync(path, text.replace(from, to));
}

function expectGone(oldPath: string, words: RegExp): void {
  expect(existsSync(join(site.outDir, oldPath))).toBe(false);
  for (const [file, text] of everything(site.outDir)) {
    expect(text, file).not.toContain(oldPath);
    expect(text, file).not.toMatch(words);
  }
}

test("a deleted story", () => {
  const path = "2021/01/05/politics/late-night-vote-fixture/";
  expect(readFileSync(join(site.outDir, "index.html"), "utf8")).toContain(path);
  rmSync(join(content, "politics/late-night-vote-fixture.md"));
  rebuild();
  expectGone(path, /late-night vote/i);
});

test("a story made a draft", () => {
  const path = "2020/07/14/politics/senate-runoff-fixture/";
  expect(existsSync(join(site.outDir, path))).toBe(true);
  edit("politics/senate-runoff-fixture.md", /^---\n/, "---\ndraft: true\n");
  rebuild();
  expectGone(path, /senate-runoff-fixture/);
});

test("a story moved to another section", () => {
  const path = "2021/02/26/business/markets-fixture/";
  expect(existsSync(join(site.outDir, path))).toBe(true);
  edit("business/markets-fixture.md", "section: business", "section: world");
  rebuild();
  expectGone(path, /business\/markets-fixture/);
  expect(existsSync(join(site.outDir, "2021/02/26/world/markets-fixture/index.html"))).toBe(true);
  expect(readFileSync(join(site.outDir, "world/index.html"), "utf8")).toContain("Markets close");
});

test("a story moved to another date", () => {
  const path = "2021/03/02/world/harbour-reopens-fixture/";
  expect(existsSync(join(site.outDir, path))).toBe(true);
  edit("world/harbour-reopens-fixture.md", /published: 2021-03-02/, "published: 2021-03-04");
  rebuild();
  expectGone(path, /2021\/03\/02\/world\/harbour/);
  expect(existsSync(join(site.outDir, "2021/03/04/world/harbour-reopens-fixture/index.html"))).toBe(
    true,
  );
});

test("after all that, the site is exactly what a clean build makes", () => {
  const clean = buildSite({ content });
  expect(clean.status, clean.output).toBe(0);
  expect(readTree(site.outDir)).toEqual(readTree(clean.outDir));
});
