import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { buildSite, ROOT, type BuildResult } from "../support/build.ts";

// Every bad input we know of, one folder each under tests/fixtures/bad/. The
// build's loader and `npm run check` run the same rules
// (src/editor/check-content.ts) and both list every problem at once, so one
// build and one check over the whole folder show whether they agree.
const BAD = join(ROOT, "tests/fixtures/bad");
const CASES = readdirSync(BAD).sort();

/** The `file:line  field  message` lines of errors in a tool's output. */
function errorLines(output: string): string[] {
  return output
    .split("\n")
    .map((line) => line.replace(/^\S+ \[[^\]]+\] /, "").trim())
    .filter((line) => /^tests\/fixtures\/bad\/\S+:\d+ {2}\S+ {2}/.test(line))
    .filter((line) => !/ {2}(warning|note): /.test(line))
    .sort();
}

// One build time for both tools: the messages on dates in the future name it.
const BUILD_TIME = "2025-01-01T12:00:00-05:00";

function check(dir: string) {
  const run = spawnSync(process.execPath, [join(ROOT, "scripts/check.ts"), dir], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATELINE_BUILD_TIME: BUILD_TIME },
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

// What each case must be refused for: the file, the field and the words that
// say what was expected and found.
const EXPECTED: Record<string, [file: string, field: string, message: RegExp][]> = {
  "alias-bomb": [
    [
      "laughs.md:6",
      "frontmatter",
      /expected YAML whose aliases \(\*name\) repeat at most 100 values; found aliases that expand it far beyond/,
    ],
  ],
  "blank-headline": [
    [
      "zero-width.md:2",
      "headline",
      /expected a headline; found only characters that show nothing \(U\+200B zero-width space \(3 times\)\)/,
    ],
  ],
  "clock-changes": [
    [
      "clock-changes.md:11",
      "updates",
      /found "## 2021-03-14 02:30 — In the hour the clocks skipped", a time they skipped when they went forward that night \(write the time the clock showed, 03:30/,
    ],
    [
      "clock-changes.md:15",
      "updates",
      /which the clocks of America\/New_York showed twice when they went back that night: write it with its offset, "## 2021-11-07 01:30 -04:00" for the first \(EDT\) or "## 2021-11-07 01:30 -05:00" for the second \(EST\)/,
    ],
  ],
  "control-characters": [
    [
      "invisible-controls.md:3",
      "headline",
      /expected text without control characters; found U\+001B escape \(after "Storm "\)/,
    ],
    [
      "invisible-controls.md:9",
      "body",
      /expected text without control characters; found U\+0008 backspace at column 28/,
    ],
    [
      "invisible-controls.md:11",
      "body",
      /found the character reference &#12; \(U\+000C form feed\) at column 8/,
    ],
  ],
  "damaged-images": [
    [
      "absurd-size.md:7",
      "image.src",
      /found \.\/huge\.png, whose header says 60,000×60,000 pixels, more than the 100 megapixels/,
    ],
    [
      "damaged-photo.md:7",
      "image.src",
      /expected an image that decodes whole; found \.\/damaged\.png, which does not \(.*png.*: the file is damaged/i,
    ],
  ],
  "dangling-symlink": [
    [
      "harbour-story.md:1",
      "file",
      /expected a file or folder inside the content folder; found a symlink to .*no-such-folder\/harbour-story\.md, which does not exist/,
    ],
  ],
  "data-image": [
    [
      "pasted-chart.md:10",
      "body",
      /expected an image file beside the article; found a data: URL \(data:image\/png;base64,/,
    ],
  ],
  "future-dates": [
    [
      "year-typo.md:4",
      "updated",
      /expected a time no later than the build's \(2025-01-01T12:00:00-05:00, with 15 minutes' grace\); found 2204-03-01T10:00:00-05:00, in the future/,
    ],
    [
      "year-typo.md:12",
      "updates",
      /update "## 2204-03-01 19:45 — A year typed wrong": expected a time no later than the build's/,
    ],
  ],
  "impossible-date": [
    [
      "february-30.md:3",
      "published",
      /expected a real date and time; found "2024-02-30T09:00:00-05:00" \(February 2024 has 29 days\)/,
    ],
  ],
  "svg-images": [
    [
      "drawing-lead.md:7",
      "image.src",
      /found \.\/rainfall\.svg, an SVG drawing; a lead image must be a JPEG, PNG, WebP, AVIF, GIF or TIFF/,
    ],
    [
      "drawing-script.md:10",
      "body",
      /found \.\/scripted\.svg, an SVG with a <script> element, which would run on the site's own address/,
    ],
  ],
  "unclosed-frontmatter": [
    [
      "never-closed.md:1",
      "frontmatter",
      /expected a line "---" closing the frontmatter that opens on line 1; found none/,
    ],
  ],
  "unclosed-html": [
    [
      "comment-first.md:8",
      "body",
      /expected "-->" to close an HTML comment "<!--" opened on this line; found none, so the 5 lines after it would not be published/,
    ],
  ],
  "unknown-fields": [
    [
      "field-typos.md:5",
      "darft",
      /expected a field the site knows; found "darft" \(did you mean "draft"\?\)/,
    ],
    [
      "field-typos.md:6",
      "sumary",
      /expected a field the site knows; found "sumary" \(did you mean "summary"\?\)/,
    ],
  ],
  "bad-frontmatter": [
    ["broken-story.md:1", "headline", /expected a headline; found nothing/],
    [
      "broken-story.md:3",
      "published",
      /expected an ISO 8601 date-time with offset.*"last Tuesday"/,
    ],
    ["broken-story.md:4", "image.alt", /expected alt text describing the image; found nothing/],
  ],
  "bad-updated": [["updated-too-early.md:4", "updated", /expected a time no earlier than/]],
  "bad-updates": [
    [
      "storm-bad-updates.md:9",
      "updates",
      /"## 2021-03-01 12:00 — Before the story was published": expected a time no earlier than published/,
    ],
    ["storm-bad-updates.md:13", "updates", /"## 2021-02-30 10:00": expected an update heading/],
  ],
  "bare-day": [["council-meets.md:3", "published", /found a day without a time \("2020-05-26"/]],
  "body-image-not-image": [
    ["body-not-image.md:10", "body", /found \.\/chart\.png, which is not an image file/],
  ],
  "body-image-outside": [
    ["body-outside.md:10", "body", /harbour\.jpg, which is outside the content folder/],
  ],
  "deep-list": [
    [
      "deep-list.md:30",
      "body",
      /expected quotes and lists nested at most 20 levels deep; found 21 levels/,
    ],
  ],
  "deep-quotes": [
    ["deep-quote.md:10", "body", /nested at most 20 levels deep; found 50,000 levels/],
  ],
  "duplicate-permalink": [
    [
      "b/same-story.md:3",
      "permalink",
      /expected a URL of its own; found \/2020\/05\/26\/politics\/same-story\/, which .*a\/same-story\.md has too/,
    ],
  ],
  "empty-body": [
    [
      "frontmatter-only.md:7",
      "body",
      /expected the story's text after the frontmatter; found nothing/,
    ],
  ],
  "empty-list-item": [
    ["empty-author.md:8", "authors", /item 2: expected author names; found nothing/],
  ],
  "empty-slug": [
    [
      "東京.md:1",
      "file",
      /expected a file name with Latin letters or digits.*found "東京\.md", which gives an empty one/,
    ],
  ],
  "image-symlink-outside": [
    ["linked-image.md:7", "image.src", /\.\/harbour\.jpg, which is outside the content folder/],
  ],
  latin1: [
    [
      "cafe-in-zurich.md:2",
      "file",
      /expected UTF-8 text; found bytes that are not UTF-8 \(0xE9 on line 2/,
    ],
  ],
  "lead-image-not-image": [
    ["not-an-image.md:7", "image.src", /\.\/notes\.jpg, which is not an image file/],
  ],
  "lead-image-outside": [
    ["lead-outside.md:7", "image.src", /harbour\.jpg, which is outside the content folder/],
  ],
  "link-to-scheduled": [
    [
      "live-story.md:8",
      "body",
      /expected a link to a published article; found \/2100\/01\/01\/politics\/embargoed-report\/, which is scheduled for 2100-01-01T14:00:00\.000Z/,
    ],
  ],
  "no-offset": [
    ["evening-vote.md:3", "published", /found a time without an offset \("2024-03-01T22:30:00"/],
  ],
  "symlink-outside": [
    [
      "harbour-copy.md:1",
      "file",
      /expected a file or folder inside the content folder; found a symlink to .*harbour-reopens-fixture\.md, outside it/,
    ],
  ],
  "unclosed-quote": [
    [
      "unclosed-quote.md:2",
      "frontmatter",
      /expected valid YAML; found a value opened with " and never closed/,
    ],
  ],
};

describe("npm run check and the build agree on every bad fixture", () => {
  let build: BuildResult;
  let all: ReturnType<typeof check>;
  beforeAll(() => {
    build = buildSite({ content: BAD, env: { DATELINE_BUILD_TIME: BUILD_TIME } });
    all = check(BAD);
  }, 300_000);

  test("every fixture has its expectations", () => {
    expect(CASES).toEqual(Object.keys(EXPECTED).sort());
  });

  test("both fail, listing the same errors: file, line, field, message", () => {
    expect(all.status).toBe(1);
    expect(build.status).not.toBe(0);
    expect(build.output).toContain("problems stop the build; nothing was published");
    expect(existsSync(join(build.outDir, "index.html"))).toBe(false);
    const fromCheck = errorLines(all.output);
    expect(fromCheck.length).toBeGreaterThanOrEqual(CASES.length);
    expect(errorLines(build.output)).toEqual(fromCheck);
    // No stack trace of a crash inside the rules or the renderer, and none
    // with the refusal itself: it is the editor's to read, not a crash.
    expect(build.output).not.toMatch(/TypeError|RangeError|ReferenceError|Maximum call stack/);
    expect(build.output).not.toMatch(/Stack trace|^\s+at .*article-loader/m);
  });

  test.each(CASES)("%s: refused by both, naming the file and field", (name) => {
    const alone = check(join(BAD, name));
    expect(alone.status, alone.output).toBe(1);
    const errors = errorLines(alone.output);
    const expected = EXPECTED[name] ?? [];
    expect(errors).toHaveLength(expected.length);
    for (const [where, field, message] of expected) {
      const prefix = `tests/fixtures/bad/${name}/${where}  ${field}  `;
      for (const lines of [errors, errorLines(build.output)]) {
        const line = lines.find((candidate) => candidate.startsWith(prefix));
        expect(line, `${prefix} in\n${lines.join("\n")}`).toBeDefined();
        expect(line).toMatch(message);
      }
    }
  });
});

test("a content folder that is not there: the build and check refuse it in the same words", () => {
  const missing = join(ROOT, "tests/fixtures/no-such-content");
  const alone = check(missing);
  expect(alone.status).toBe(1);
  expect(alone.output).toContain(`${missing}: expected a folder of articles; found no such folder`);
  const build = buildSite({ content: missing });
  expect(build.status).not.toBe(0);
  expect(build.output).toContain(`${missing}: expected a folder of articles; found no such folder`);
  // Not the file system's own error from somewhere inside the rules, nor a stack trace.
  expect(build.output).not.toContain("ENOENT");
  expect(build.output).not.toContain("Stack trace");
}, 120_000);
