import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { checkContent } from "../../src/editor/check-content.ts";
import { formatProblems } from "../../src/editor/check-rules.ts";

// The people files go through the same rules as the articles, in the one
// entry point of `npm run check` and the build.
test("the check and the build name a bad people file, its line and field", () => {
  const root = mkdtempSync(join(tmpdir(), "dateline-check-people-"));
  mkdirSync(join(root, "people"));
  writeFileSync(
    join(root, "story.md"),
    "---\nheadline: A story\npublished: 2021-03-01T10:00:00-05:00\nsummary: S.\nauthors: [Ada Reporter]\n---\n\nText.\n",
  );
  writeFileSync(join(root, "people/ada-reporter.yml"), "name: Ada Reporter\nrole: [A, B]\n");
  writeFileSync(join(root, "people/cy-nobody.yml"), "name: Cy Nobody\n");
  const report = checkContent(root, { now: new Date("2021-03-02T00:00:00Z"), cwd: root });
  expect(formatProblems(report.problems).split("\n")).toEqual([
    "people/ada-reporter.yml:2  role  expected their job, such as Political correspondent; found a list of 2",
    'people/cy-nobody.yml:1  file  warning: expected the file of someone the stories credit (/people/cy-nobody/); found no story by or with "Cy Nobody", so no page shows it',
  ]);
  expect(report.problems.filter((p) => p.severity === "error")).toHaveLength(1);
});
