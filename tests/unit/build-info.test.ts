import { expect, test } from "vitest";
import { buildInfo, parseBuildInfo, shownFile } from "../../src/editor/build-info.ts";
import type { ContentSnapshot } from "../../src/editor/content-snapshot.ts";

const snapshot: ContentSnapshot = {
  code: "a".repeat(40),
  root: "/srv/site/content",
  since: 0,
  files: {},
  stories: [
    {
      file: "business/jobs.md",
      published: new Date("2021-03-02T14:00:00Z"),
      draft: false,
      developing: false,
      timeUnknown: false,
      lastChange: new Date("2021-03-02T14:00:00Z"),
    },
  ],
  digest: `sha256:${"b".repeat(64)}`,
};

test("build.json says when the build goes stale, in the newsroom's zone, naming no path of the machine nor an embargoed story", () => {
  const info = buildInfo(snapshot, new Date("2021-03-02T12:00:00Z"), {
    timeZone: "America/New_York",
    liveForHours: 12,
    cwd: "/srv/site",
  });
  expect(info).toEqual({
    dateline: 1,
    builtAt: "2021-03-02T07:00:00-05:00",
    next: {
      at: "2021-03-02T09:00:00-05:00",
      rule: "scheduled",
      // Public: the scheduled story's file name could give its news away.
      reason: "a scheduled story goes out",
    },
    content: snapshot.digest,
    code: snapshot.code,
  });
  expect(JSON.stringify(info)).not.toContain("/srv");
  expect(JSON.stringify(info)).not.toContain("jobs");
  expect(parseBuildInfo(JSON.stringify(info), "dist/build.json").built.toISOString()).toBe(
    "2021-03-02T12:00:00.000Z",
  );
});

test("a story outside the project is named from the content folder", () => {
  expect(shownFile("/tmp/corpus", "news/a.md", "/srv/site")).toBe("news/a.md");
  expect(shownFile("/srv/site/content", "news/a.md", "/srv/site")).toBe("content/news/a.md");
});

test.each([
  ["<html>Not found</html>", 'x: expected JSON; found "<html>Not found</html>"'],
  ["[1]", "x: expected a JSON object; found [1]"],
  [
    '{"builtAt":"2021-03-02T07:00:00-05:00"}',
    'x: expected "dateline", the format\'s version 1; found nothing',
  ],
  [
    '{"dateline":1,"builtAt":"2021-03-02T07:00"}',
    'x: expected "builtAt", the build\'s time, ISO 8601 with its offset; found "2021-03-02T07:00"',
  ],
  [
    '{"dateline":1,"builtAt":"2021-03-02T07:00:00Z","content":"x"}',
    'x: expected "content", the content\'s digest (sha256:…); found "x"',
  ],
])("a build.json that is not one is refused: %s", (text, message) => {
  expect(() => parseBuildInfo(text, "x")).toThrow(
    `${message}; this is not a build.json of Dateline's build`,
  );
});
