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

// Bad input (each a fixture under tests/fixtures/bad/) is covered by
// rules-parity.test.ts: one build and `npm run check` over all of them.
