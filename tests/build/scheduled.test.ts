import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { gunzipSync } from "node:zlib";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite, ROOT, type BuildResult } from "../support/build.ts";
import { filesIn } from "../support/dist.ts";

// An embargoed story at 9:00 a.m. New York time on March 2, 2021, a story
// already out, and one dated with an unquoted UTC midnight.
const CONTENT = join(ROOT, "tests/fixtures/scheduled");
const EMBARGOED = /embargoed-jobs-report|Embargoed jobs report|Jobs report|hiring surge/i;
const PAGE = "2021/03/02/business/embargoed-jobs-report/index.html";

/** Every text file of a built site, and the text of its search fragments. */
function everyText(outDir: string): [string, string][] {
  const texts: [string, string][] = filesIn(outDir, "")
    .filter((file) => /\.(html|xml|json|txt)$/.test(file))
    .map((file) => [file, readFileSync(join(outDir, file), "utf8")]);
  for (const file of filesIn(join(outDir, "pagefind"), ".pf_fragment")) {
    const bytes = readFileSync(join(outDir, "pagefind", file));
    texts.push([file, gunzipSync(bytes).toString("utf8")]);
  }
  return texts;
}

describe("a story scheduled after the build time", () => {
  let before: BuildResult;
  let at: BuildResult;
  beforeAll(() => {
    before = buildSite({
      content: CONTENT,
      env: { DATELINE_BUILD_TIME: "2021-03-02T08:59:00-05:00" },
    });
    at = buildSite({ content: CONTENT, env: { DATELINE_BUILD_TIME: "2021-03-02T09:00:00-05:00" } });
  }, 300_000);

  test("is held back from every page, listing, feed, sitemap and the search index", () => {
    expect(before.status, before.output).toBe(0);
    expect(existsSync(join(before.outDir, PAGE))).toBe(false);
    expect(existsSync(join(before.outDir, "business"))).toBe(false);
    expect(existsSync(join(before.outDir, "tags/jobs-report"))).toBe(false);
    const texts = everyText(before.outDir);
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.some(([, text]) => text.includes("Harbour budget passes"))).toBe(true);
    for (const [file, text] of texts) expect(text, file).not.toMatch(EMBARGOED);
  });

  test("the build prints one line for it, saying when it goes out", () => {
    const held = before.output.split("\n").filter((line) => line.includes("held back until"));
    expect(held).toHaveLength(1);
    expect(held[0]).toContain(
      "tests/fixtures/scheduled/embargoed-jobs-report.md:3  published  note: scheduled: held back until March 2, 2021, 9:00 a.m. EST (2021-03-02T14:00:00.000Z)",
    );
    expect(before.output).toContain("3 articles: 1 scheduled for later (not published)");
  });

  test("is published by a build at its time, everywhere", () => {
    expect(at.status, at.output).toBe(0);
    expect(at.output).not.toContain("held back until");
    expect(at.output).toContain("3 articles: 0 scheduled for later (not published)");
    expect(readFileSync(join(at.outDir, PAGE), "utf8")).toContain("Embargoed jobs report");
    expect(readFileSync(join(at.outDir, "index.html"), "utf8")).toContain("Embargoed jobs report");
    expect(readFileSync(join(at.outDir, "feed.xml"), "utf8")).toContain("Embargoed jobs report");
    expect(readFileSync(join(at.outDir, "sitemap-pages-1.xml"), "utf8")).toContain(
      "embargoed-jobs-report",
    );
  });

  test("an unquoted …T00:00:00Z is taken as midnight UTC: the evening before in New York", () => {
    expect(existsSync(join(at.outDir, "2021/01/03/news/midnight-utc-filing/index.html"))).toBe(
      true,
    );
  });

  test("npm run check says when it goes out, with the build's clock", () => {
    const run = spawnSync(process.execPath, [join(ROOT, "scripts/check.ts"), CONTENT], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DATELINE_BUILD_TIME: "2021-03-02T08:59:00-05:00" },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "embargoed-jobs-report.md:3  published  note: scheduled: held back until March 2, 2021, 9:00 a.m. EST",
    );
    expect(run.stdout).toContain("0 errors, 0 warnings, 1 scheduled");
  });
});
