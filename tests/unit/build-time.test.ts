import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { afterEach, describe, expect, test, vi } from "vitest";
import { buildTime } from "../../src/lib/build-time.ts";
import { buildNow, TIME_RULE_NAMES, type TimeRuleName } from "../../src/site/build-time.ts";

afterEach(() => vi.unstubAllEnvs());

test("buildTime comes from the environment, or is now", () => {
  const now = new Date("2026-01-01T00:00:00Z");
  expect(buildTime(undefined, () => now)).toBe(now);
  expect(buildTime("2021-03-02T12:00:00-05:00", () => now).toISOString()).toBe(
    "2021-03-02T17:00:00.000Z",
  );
  expect(() => buildTime("yesterday", () => now)).toThrow(
    'DATELINE_BUILD_TIME: expected an ISO 8601 date-time such as 2020-05-27T12:00:00-04:00; found "yesterday"',
  );
});

describe("buildNow, the build's one clock", () => {
  test("is DATELINE_BUILD_TIME when set", () => {
    vi.stubEnv("DATELINE_BUILD_TIME", "2021-03-02T09:00:00-05:00");
    expect(buildNow("scheduled").toISOString()).toBe("2021-03-02T14:00:00.000Z");
    vi.stubEnv("DATELINE_BUILD_TIME", "2021-03-03T09:00:00-05:00");
    expect(buildNow("today").toISOString()).toBe("2021-03-03T14:00:00.000Z");
  });

  test("is one moment for the whole process when unset: every rule reads the same time", async () => {
    vi.stubEnv("DATELINE_BUILD_TIME", undefined);
    const first = buildNow("scheduled");
    await new Promise((done) => setTimeout(done, 5));
    expect(buildNow("today").getTime()).toBe(first.getTime());
    expect(buildNow(...TIME_RULE_NAMES).getTime()).toBe(first.getTime());
    // Each reader gets its own copy.
    first.setFullYear(1999);
    expect(buildNow("news-sitemap").getFullYear()).not.toBe(1999);
  });

  test("refuses a rule it does not know, and a malformed time, naming them", () => {
    expect(() => buildNow("tomorrow" as TimeRuleName)).toThrow(
      'buildNow: expected a rule of TIME_RULE_NAMES (src/site/build-time.ts); found "tomorrow"',
    );
    vi.stubEnv("DATELINE_BUILD_TIME", "soon");
    expect(() => buildNow("today")).toThrow("DATELINE_BUILD_TIME: expected an ISO 8601 date-time");
  });
});

const root = resolve(import.meta.dirname, "../..");

/** Every source file of the project that a build or a tool runs: src/ and scripts/. */
function sources(dir = root, under = ["src", "scripts"]): string[] {
  return under.flatMap((folder) =>
    readdirSync(join(dir, folder), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.(ts|astro)$/.test(entry.name))
      .map((entry) => relative(root, join(entry.parentPath, entry.name))),
  );
}

/** A file's code without its comments (block comments, and lines that are comments). */
function code(file: string): string {
  return readFileSync(join(root, file), "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}

/**
 * Who reads the build's time, and for which rules (src/site/build-time.ts).
 * A new reader fails the test below until it is listed here, and a reader
 * may only name a rule whose next change src/news/time-rules.ts works out:
 * add the rule there first (its `answer` and `next`; time-rules.test.ts then
 * holds `next` to the answer), then its reader here.
 */
const READERS: Record<string, string[]> = {
  // The rules' own: which stories are held back. The same time judges dates
  // after it (futureProblems in src/editor/check-rules.ts), an error that stops
  // a build: a site that was built has none, and none appears as time passes.
  "src/editor/article-loader.ts": ["scheduled"],
  "scripts/check.ts": ["scheduled"],
  // Works out every rule's next change: build.json's and `due`'s answer.
  "scripts/due.ts": ["...TIME_RULE_NAMES"],
  "src/distribution/sitemap-data.ts": ["news-sitemap"],
  "src/news/site-chrome.ts": ["today", "masthead"],
  "src/components/listing/StoryTime.astro": ["today"],
  "src/components/listing/LatestUpdates.astro": ["today"],
  "src/components/listing/FrontMore.astro": ["today"],
  "src/components/article/ArticleMeta.astro": ["today"],
  "src/pages/[year]/[month]/[day]/[section]/[slug].astro": ["today"],
  "src/pages/[...listing].astro": ["today", "masthead"],
  // Which developing stories are live (src/news/live-status.ts).
  "src/news/articles.ts": ["live"],
  // The fronts' date under the name; the footer's copyright year.
  "src/components/layout/SiteHeader.astro": ["masthead"],
  "src/components/layout/SiteFooter.astro": ["masthead"],
};

test("every reader of the build's time is counted, with the rules it applies", () => {
  const readers: Record<string, string[]> = {};
  for (const file of sources()) {
    if (file === "src/site/build-time.ts") continue;
    const text = code(file);
    // Imports of values: a type names no time.
    const imports = [
      ...text.matchAll(/import\s+(?!type\s)[^;]*?from\s*["'](\.{1,2}\/[^"']+)["']/g),
    ].map((match) => relative(root, resolve(dirname(join(root, file)), match[1] ?? "")));
    if (!imports.includes("src/site/build-time.ts")) continue;
    readers[file] = [...text.matchAll(/buildNow\(([^)]*)\)/g)].flatMap((match) =>
      (match[1] ?? "").split(",").map((arg) => arg.trim().replace(/^["']|["']$/g, "")),
    );
  }
  expect(readers).toEqual(READERS);
  const named = new Set(Object.values(READERS).flat());
  for (const rule of named) {
    if (rule !== "...TIME_RULE_NAMES") expect(TIME_RULE_NAMES).toContain(rule);
  }
});

/**
 * Where the clock may be read otherwise, and why none of it is a build's
 * output: a tool's own moment, or the reader's browser.
 */
const OTHER_CLOCKS: Record<string, string> = {
  // The one binding, and the parser it uses.
  "src/site/build-time.ts": "the build's time",
  // Runs in the reader's browser: when the banner was dismissed.
  "src/components/banner/DevelopingBanner.astro": "the reader's dismissal",
  // Runs in the reader's browser: when to look again for a live story's new updates.
  "src/components/article/LiveCheck.astro": "the reader's next check for updates",
  // The editors' desk: a new live update's own time; its settings read again after a second.
  "src/editor/desk/live-update.ts": "a new update's heading, at the editor's now",
  "src/editor/desk/desk-input.ts": "how long the desk's settings are kept",
  // The build's own bookkeeping, in no page: a log's duration, a scratch folder's name, a lock.
  "src/integrations/desk-bundle.ts": "the bundling's duration and scratch folder",
  "scripts/publish/output-lock.ts": "when a lock was taken, and a stale lock's age",
  // Tools that write or measure, not build.
  "scripts/bench-desk.ts": "a benchmark's durations",
  "scripts/new.ts": "a new story's own `published`",
  "scripts/demo.ts": "the demo's stories are dated before now, and its build made now",
  "scripts/bench.ts": "a benchmark's edit marker",
  "scripts/publish/atomic-output.ts": "a unique folder name",
};

test("nothing else reads the clock or DATELINE_BUILD_TIME", () => {
  // The clock, reads of the variable, and date-fns helpers that read the clock themselves.
  const clock =
    /\bDate\.now\(|new Date\(\s*\)|Temporal\.Now|\.format\(\s*\)|env\??\.DATELINE_BUILD_TIME|\[\s*["'`]DATELINE_BUILD_TIME["'`]\s*\]|\{[^}\n]*\bDATELINE_BUILD_TIME\b[^}\n]*\}\s*=|\b(isToday|isTomorrow|isYesterday|isThis[A-Z]\w*|isPast|isFuture|formatDistanceToNow\w*|formatRelative|intlFormatDistance|startOfToday|endOfToday|startOfTomorrow|endOfTomorrow|startOfYesterday|endOfYesterday)\s*\(/;
  const readers = sources()
    .filter((file) => clock.test(code(file)))
    .sort();
  expect(readers).toEqual(Object.keys(OTHER_CLOCKS).sort());
  // The parser is reached only through the binding.
  const parsers = sources().filter((file) => /lib\/build-time\.ts["']/.test(code(file)));
  expect(parsers).toEqual(["src/site/build-time.ts"]);
});
