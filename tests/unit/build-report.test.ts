import { expect, test } from "vitest";
import { summaryLines, WARNINGS_SHOWN, type BuildReport } from "../../src/editor/build-report.ts";
import type { Problem } from "../../src/editor/check-rules.ts";

const warning = (file: string): Problem => ({
  file,
  line: 1,
  field: "summary",
  message: "expected a one- or two-sentence summary; found none, so the first paragraph serves",
  severity: "warning",
});

test("a build names the warnings of changed files first, and counts what it does not show", () => {
  const files = Array.from(
    { length: 50 },
    (_, i) => `content/old-${String(i).padStart(2, "0")}.md`,
  );
  const report: BuildReport = {
    files: 52,
    problems: [...files, "content/zz-edited.md"].map(warning),
    held: [],
    changed: new Set(["content/zz-edited.md"]),
  };
  const lines = summaryLines(report);
  expect(lines[0]).toMatch(/^content\/zz-edited\.md:1 +summary +warning: expected/);
  expect(lines.filter((line) => line.includes("warning: expected"))).toHaveLength(WARNINGS_SHOWN);
  expect(lines.at(-2)).toBe(
    `… and ${51 - WARNINGS_SHOWN} more warnings not shown (those of files changed since the last check come first): npm run check lists them all`,
  );
  expect(lines.at(-1)).toBe(
    "52 articles: 0 scheduled for later (not published), 51 warnings (npm run check lists them too)",
  );
});

test("a few warnings are all shown, in file order, without a remainder line", () => {
  const lines = summaryLines({
    files: 2,
    problems: [warning("content/a.md"), warning("content/b.md")],
    held: [],
  });
  expect(lines.map((line) => line.split(":")[0])).toEqual([
    "content/a.md",
    "content/b.md",
    "2 articles",
  ]);
});
