import { execFile, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildEnvironment, buildSite, ROOT, type BuildResult } from "../support/build.ts";
import { filesIn } from "../support/dist.ts";
import { serveStatic } from "../support/static-server.ts";

// Six stories around one night in New York (EST, -05:00), each with a moment
// at which the site changes: an embargoed story out at 9:00 a.m. on March 2,
// 2021; a story filed at 11:50 p.m. the day before, listed as "11:50 p.m."
// until midnight and by its date after (as is one from that morning); a
// developing story last updated at 10:30 p.m., whose banner time turns into a
// date at the same midnight and which stops being live twelve hours after
// that update; a story 47 hours old at 11:55 p.m., which leaves
// the Google News sitemap at 12:55 a.m.; and one dated with an unquoted UTC
// midnight.
const CONTENT = join(ROOT, "tests/fixtures/scheduled");
const EMBARGOED = /embargoed-jobs-report|Embargoed jobs report|Jobs report|hiring surge/i;
const PAGE = "2021/03/02/business/embargoed-jobs-report/index.html";
/** The first build's time, and the moments after it. */
const EVENING = "2021-03-01T23:55:00-05:00";
const MIDNIGHT = "2021-03-02T00:00:00-05:00";
const FERRY_LEAVES = "2021-03-02T00:55:00-05:00";
const EMBARGO = "2021-03-02T09:00:00-05:00";
const NEXT_MIDNIGHT = "2021-03-03T00:00:00-05:00";
/** Twelve hours after the developing story's last update: it is no longer live. */
const LIVE_ENDS = "2021-03-02T10:30:00-05:00";

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

/** What a build published, read before the next build reuses its folders. */
interface Published {
  result: BuildResult;
  files: string[];
  texts: [string, string][];
  text: (file: string) => string;
}

function published(result: BuildResult): Published {
  const texts = everyText(result.outDir);
  const byFile = new Map(texts);
  return {
    result,
    files: filesIn(result.outDir, ""),
    texts,
    text: (file) => byFile.get(file) ?? "",
  };
}

/** `npm run due` with its exit code and output, the clock set to `now`. */
function due(
  args: string[],
  now: string,
  cache: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, "scripts/due.ts"), ...args],
      {
        cwd: ROOT,
        env: { ...buildEnvironment(), DATELINE_BUILD_TIME: now, DATELINE_CACHE: cache },
        encoding: "utf8",
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout: stdout.trim(), stderr }),
    );
  });
}

const articlePages = (site: Published) =>
  site.files.filter((file) => /^\d{4}\/\d\d\/\d\d\/[^/]+\/[^/]+\/index\.html$/.test(file)).sort();
const newsSitemap = (site: Published) =>
  [...site.text("news-sitemap.xml").matchAll(/<loc>[^<]*\/([^/<]+)\/<\/loc>/g)]
    .map((match) => match[1])
    .sort();

describe("stories that go out and change by the build's time", () => {
  let evening: Published;
  let morning: Published;
  let eveningInfo: string;
  let cache: string;
  beforeAll(() => {
    const first = buildSite({ content: CONTENT, env: { DATELINE_BUILD_TIME: EVENING } });
    evening = published(first);
    eveningInfo = join(mkdtempSync(join(tmpdir(), "dateline-due-")), "build.json");
    writeFileSync(eveningInfo, evening.text("build.json"));
    // Again at the embargo, reusing the first build's pages as a deploy does.
    morning = published(
      buildSite({ content: CONTENT, env: { DATELINE_BUILD_TIME: EMBARGO }, reuse: first }),
    );
    // The build's cache folder, where `due` finds the content's state the build kept.
    cache = join(first.outDir, "../cache");
  }, 300_000);

  test("a story is held back from every page, listing, feed, sitemap and the search index", () => {
    expect(evening.result.status, evening.result.output).toBe(0);
    expect(evening.files).not.toContain(PAGE);
    expect(evening.files.some((file) => file.startsWith("business/"))).toBe(false);
    expect(evening.files.some((file) => file.startsWith("tags/jobs-report/"))).toBe(false);
    expect(evening.texts.length).toBeGreaterThan(10);
    expect(evening.texts.some(([, text]) => text.includes("Harbour budget passes"))).toBe(true);
    for (const [file, text] of evening.texts) expect(text, file).not.toMatch(EMBARGOED);
  });

  test("the build prints one line for it, saying when it goes out", () => {
    const held = evening.result.output
      .split("\n")
      .filter((line) => line.includes("held back until"));
    expect(held).toHaveLength(1);
    expect(held[0]).toContain(
      "tests/fixtures/scheduled/embargoed-jobs-report.md:3  published  note: scheduled: held back until March 2, 2021, 9:00 a.m. EST (2021-03-02T14:00:00.000Z)",
    );
    expect(evening.result.output).toContain("6 articles: 1 scheduled for later (not published)");
  });

  test("build.json names the earliest moment the site goes stale, and why", () => {
    expect(JSON.parse(evening.text("build.json"))).toMatchObject({
      dateline: 1,
      builtAt: EVENING,
      next: {
        at: MIDNIGHT,
        rule: "today",
        file: "tests/fixtures/scheduled/council-late-motion.md",
      },
    });
    expect(JSON.parse(morning.text("build.json"))).toMatchObject({
      builtAt: EMBARGO,
      next: {
        at: LIVE_ENDS,
        rule: "live",
        file: "tests/fixtures/scheduled/storm-live.md",
      },
    });
    expect(evening.text("build.json")).not.toContain(ROOT);
  });

  test("the evening's build publishes that evening's site", () => {
    expect(articlePages(evening).map((file) => file.split("/")[4])).toEqual([
      "midnight-utc-filing",
      "weekend-ferry-strike",
      "council-late-motion",
      "harbour-budget-passes",
      "storm-live",
    ]);
    expect(newsSitemap(evening)).toEqual([
      "council-late-motion",
      "harbour-budget-passes",
      "storm-live",
      "weekend-ferry-strike",
    ]);
    const front = evening.text("index.html");
    expect(front).toContain('<time datetime="2021-03-01T23:50:00-05:00">11:50 p.m. EST</time>');
    expect(front).toMatch(
      /Updated <time datetime="2021-03-01T22:30:00-05:00">10:30 p.m. EST<\/time>/,
    );
  });

  test("the morning's build, after the three moments, publishes the morning's site", () => {
    expect(morning.result.status, morning.result.output).toBe(0);
    expect(morning.result.output).toContain("6 articles: 0 scheduled for later (not published)");
    expect(articlePages(morning)).toEqual([...articlePages(evening), PAGE].sort());
    expect(newsSitemap(morning)).toEqual([
      "council-late-motion",
      "embargoed-jobs-report",
      "harbour-budget-passes",
      "storm-live",
    ]);
    const front = morning.text("index.html");
    expect(front).toContain('<time datetime="2021-03-01T23:50:00-05:00">March 1, 2021</time>');
    expect(front).toMatch(
      /Updated <time datetime="2021-03-01T22:30:00-05:00">March 1, 10:30 p.m. EST<\/time>/,
    );
    // Reused pages too: a story's page carries the banner, whose time changed.
    expect(morning.text("2021/03/01/news/council-late-motion/index.html")).toContain(
      "March 1, 10:30 p.m. EST",
    );
    expect(morning.text(PAGE)).toContain("Embargoed jobs report");
    expect(morning.text("feed.xml")).toContain("Embargoed jobs report");
    expect(morning.text("sitemap-pages-1.xml")).toContain("embargoed-jobs-report");
  });

  test("an unquoted …T00:00:00Z is taken as midnight UTC: the evening before in New York", () => {
    expect(morning.files).toContain("2021/01/03/news/midnight-utc-filing/index.html");
  });

  // `due` before and after each moment: against the evening's build.json
  // (its digest must be what `due` works out), then from each moment on.
  describe.each([
    [["--last", "EVENING"], MIDNIGHT, "the newsroom's midnight", "council-late-motion.md"],
    [
      ["--since", MIDNIGHT],
      FERRY_LEAVES,
      "a story leaves the Google News sitemap",
      "weekend-ferry-strike.md",
    ],
    [["--since", FERRY_LEAVES], EMBARGO, "a scheduled story goes out", "embargoed-jobs-report.md"],
  ])("npm run due %j", (args, moment, reason, file) => {
    const run = (now: string) =>
      due([...args.map((arg) => (arg === "EVENING" ? eveningInfo : arg)), CONTENT], now, cache);
    const second = (offset: number) =>
      new Date(new Date(moment).getTime() + offset * 1000).toISOString();
    test("is not due a second before the moment, and says when it comes", async () => {
      const answer = await run(second(-1));
      expect(answer.code, answer.stderr).toBe(1);
      expect(answer.stdout).toMatch(
        new RegExp(`^next: ${moment} ${reason}.*\\(tests/fixtures/scheduled/${file}\\)$`),
      );
    });
    test("is due at the moment, naming the reason and the file", async () => {
      const answer = await run(second(0));
      expect(answer.code, answer.stderr).toBe(0);
      expect(answer.stdout).toMatch(
        new RegExp(`^due: ${moment} ${reason}.*\\(tests/fixtures/scheduled/${file}\\)$`),
      );
    });
  });

  describe("npm run due against the live site's build.json", () => {
    let site: Awaited<ReturnType<typeof serveStatic>>;
    beforeAll(async () => {
      site = await serveStatic(morning.result.outDir);
    });
    afterAll(() => site.close());

    test("is not due before the live mark ends, and due at it; then at the next midnight", async () => {
      const url = `${site.url}build.json`;
      const before = await due(["--last", url, CONTENT], "2021-03-02T10:29:59-05:00", cache);
      expect([before.code, before.stdout], before.stderr).toEqual([
        1,
        expect.stringMatching(
          /^next: 2021-03-02T10:30:00-05:00 a developing story stops being live .*storm-live\.md\)$/,
        ),
      ]);
      expect((await due(["--last", url, CONTENT], LIVE_ENDS, cache)).code).toBe(0);
      const evening = await due(
        ["--since", LIVE_ENDS, CONTENT],
        "2021-03-02T23:59:59-05:00",
        cache,
      );
      expect([evening.code, evening.stdout], evening.stderr).toEqual([
        1,
        expect.stringMatching(/^next: 2021-03-03T00:00:00-05:00 the newsroom's midnight/),
      ]);
      expect((await due(["--since", LIVE_ENDS, CONTENT], NEXT_MIDNIGHT, cache)).code).toBe(0);
    });

    test("says which address failed, with exit code 2", async () => {
      const missing = await due(["--last", `${site.url}nothing.json`, CONTENT], EMBARGO, cache);
      expect([missing.code, missing.stderr.trim()]).toEqual([
        2,
        `due: ${site.url}nothing.json: the server answered 404 Not Found; a build writes build.json: deploy one first, or check the address`,
      ]);
      const page = await due(["--last", site.url, CONTENT], EMBARGO, cache);
      expect([page.code, page.stderr]).toEqual([
        2,
        expect.stringContaining(`due: ${site.url}: expected JSON; found "<!DOCTYPE html>`),
      ]);
    });
  });

  test("an edit since the last build is due at once, naming the file, in a copy of the content anywhere", async () => {
    const copy = join(mkdtempSync(join(tmpdir(), "dateline-due-copy-")), "content");
    cpSync(CONTENT, copy, { recursive: true });
    const elsewhere = join(copy, "../cache");
    // The same content in another folder: the evening build's digest still holds.
    const same = await due(["--last", eveningInfo, copy], EVENING, elsewhere);
    expect([same.code, same.stdout]).toEqual([
      1,
      expect.stringMatching(/^next: 2021-03-02T00:00:00-05:00/),
    ]);
    const story = join(copy, "harbour-budget-passes.md");
    writeFileSync(story, readFileSync(story, "utf8").replace("on Monday", "on Monday night"));
    const edited = await due(["--last", eveningInfo, copy], EVENING, elsewhere);
    expect([edited.code, edited.stdout]).toEqual([
      0,
      "due: the content changed since the last build (harbour-budget-passes.md)",
    ]);
  });

  test("bad input is refused with exit code 2 and a clear message", async () => {
    const cases: [string[], string][] = [
      [
        ["--since", "yesterday"],
        'due: --since: expected the last build\'s time, ISO 8601 with its offset such as 2021-03-02T09:00:00-05:00; found "yesterday"',
      ],
      [["--since", "2021-03-02T09:00:00"], 'found "2021-03-02T09:00:00"'],
      [
        ["--last", "http://127.0.0.1:4359/build.json"],
        "due: http://127.0.0.1:4359/build.json: could not be fetched (fetch failed: connect ECONNREFUSED 127.0.0.1:4359)",
      ],
      [["--last", join(CONTENT, "storm-live.md")], 'storm-live.md: expected JSON; found "---'],
      [["--last", join(CONTENT, "nothing.json")], "nothing.json: no such file; a build writes it"],
      [[], "due: expected one of --since <time> and --last <build.json>; found neither"],
    ];
    for (const [args, message] of cases) {
      const answer = await due([...args, CONTENT], EVENING, cache);
      expect([answer.code, answer.stderr], args.join(" ")).toEqual([
        2,
        expect.stringContaining(message),
      ]);
    }
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
