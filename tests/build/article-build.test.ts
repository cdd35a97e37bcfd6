import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { buildSite, ROOT } from "../support/build.ts";

/** Every file of a built site, by path relative to its root. */
function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), readFileSync(path, "latin1"));
  }
  return files;
}

describe("the built site does not depend on the build machine's time zone", () => {
  test("builds under TZ=UTC and TZ=Pacific/Kiritimati (UTC+14) are byte-identical", () => {
    const utc = buildSite({ env: { TZ: "UTC" } });
    const kiritimati = buildSite({ env: { TZ: "Pacific/Kiritimati" } });
    expect(utc.status, utc.output).toBe(0);
    expect(kiritimati.status, kiritimati.output).toBe(0);
    const a = readTree(utc.outDir);
    const b = readTree(kiritimati.outDir);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, content] of a) expect(b.get(path), path).toBe(content);
    const seed = [...a.keys()].find((path) => path.includes("jeff-sessions"));
    expect(seed).toBe(
      "2020/05/26/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump/index.html",
    );
  });
});

describe("bad input fails the build with a message an editor can act on", () => {
  test("invalid frontmatter names the file, each field, what was expected and what was found", () => {
    const result = buildSite({ content: join(ROOT, "tests/fixtures/bad-frontmatter") });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/bad-frontmatter\/broken-story\.md/);
    expect(result.output).toContain("headline: expected a headline; found nothing");
    expect(result.output).toContain(
      'published: expected an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00; found "last Tuesday"',
    );
    expect(result.output).toContain(
      "image.alt: expected alt text describing the image; found nothing",
    );
  });

  test("two articles with the same permalink name both files", () => {
    const result = buildSite({ content: join(ROOT, "tests/fixtures/duplicate-permalink") });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      "Two articles have the same permalink /2020/05/26/politics/same-story/: ",
    );
    expect(result.output).toMatch(
      /duplicate-permalink\/a\/same-story\.md and .*duplicate-permalink\/b\/same-story\.md/,
    );
  });
});
