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

const FIXTURE_SITE = join(ROOT, "tests/fixtures/site");

describe("the built site does not depend on the build machine's time zone", () => {
  test("builds under TZ=UTC and TZ=Pacific/Kiritimati (UTC+14) are byte-identical", () => {
    const utc = buildSite({ content: FIXTURE_SITE, env: { TZ: "UTC" } });
    const kiritimati = buildSite({ content: FIXTURE_SITE, env: { TZ: "Pacific/Kiritimati" } });
    expect(utc.status, utc.output).toBe(0);
    expect(kiritimati.status, kiritimati.output).toBe(0);
    const a = readTree(utc.outDir);
    const b = readTree(kiritimati.outDir);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, content] of a) expect(b.get(path), path).toBe(content);
    const seed = [...a.keys()].find((path) => path.includes("jeff-sessions-says"));
    expect(seed).toBe(
      "2020/05/26/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump/index.html",
    );
    // The developing fixture's three updates, newest first, in New York time
    // (the day is named once above them).
    const storm = a.get("2021/03/01/world/storm-developing-fixture/index.html") ?? "";
    const times = [
      ...storm.matchAll(
        /<h2 class="update-time"[^>]*>(?:<span class="latest-mark">Latest<\/span> )?<a href="#([^"]+)"[^>]*><time datetime="([^"]+)">([^<]+)</g,
      ),
    ].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(times).toEqual([
      "update-2021-03-01-1945 2021-03-01T19:45:00-05:00 7:45 p.m. EST",
      "update-2021-03-01-1630 2021-03-01T16:30:00-05:00 4:30 p.m. EST",
      "update-2021-03-01-1400 2021-03-01T14:00:00-05:00 2:00 p.m. EST",
    ]);
    expect(storm).toContain(
      '<p class="update-day"><time datetime="2021-03-01">Monday, March 1, 2021</time></p>',
    );
    // A story filed at 11:30 p.m. in New York keeps New York's day, whatever the machine's zone.
    expect(a.has("2021/01/05/politics/late-night-vote-fixture/index.html")).toBe(true);
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

  // One bad file per fixture: Astro stops at the first invalid entry it
  // reaches, and which one comes first is not fixed.
  test("updated before published names the file and the field", () => {
    const result = buildSite({ content: join(ROOT, "tests/fixtures/bad-updated") });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/bad-updated\/updated-too-early\.md/);
    expect(result.output).toContain(
      "updated: expected a time no earlier than published (2020-05-26T16:00:00.000Z); found 2020-05-25T16:00:00.000Z",
    );
  });

  test("an invalid or premature live update names the file and the update", () => {
    const result = buildSite({ content: join(ROOT, "tests/fixtures/bad-updates") });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(
      /bad-updates\/storm-bad-updates\.md: update "## 2021-03-01 12:00 — Before the story was published": expected a time no earlier than published \(2021-03-01T14:00:00-05:00\); found 2021-03-01T12:00:00-05:00/,
    );
    expect(result.output).toMatch(
      /storm-bad-updates\.md: update "## 2021-02-30 10:00": expected an update heading/,
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
