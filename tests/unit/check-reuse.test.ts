import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test, vi } from "vitest";

// The rules' per-article work, counted: the updates of a story's body and its permalink.
const counted = vi.hoisted(() => ({ updates: 0, permalinks: 0 }));
vi.mock("../../src/news/live-updates.ts", async (original) => {
  const actual = await original<typeof import("../../src/news/live-updates.ts")>();
  return {
    ...actual,
    readUpdates: (...args: Parameters<typeof actual.readUpdates>) => {
      counted.updates++;
      return actual.readUpdates(...args);
    },
  };
});
vi.mock("../../src/lib/permalink.ts", async (original) => {
  const actual = await original<typeof import("../../src/lib/permalink.ts")>();
  return {
    ...actual,
    permalink: (...args: Parameters<typeof actual.permalink>) => {
      counted.permalinks++;
      return actual.permalink(...args);
    },
  };
});

const { checkContent } = await import("../../src/editor/check-content.ts");
const { ReadingMemo } = await import("../../src/editor/reading-memo.ts");

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const story = (headline: string, body: string) =>
  `---\nheadline: ${headline}\npublished: 2020-05-26T12:00:00Z\nsection: politics\nsummary: S.\n---\n\n${body}\n`;

test("the rules between files work out an unchanged story's updates, links and permalink once", () => {
  const content = mkdtempSync(join(tmpdir(), "dateline-reuse-"));
  folders.push(content);
  writeFileSync(join(content, "a.md"), story("A", "Text.\n\n## 2020-05-27 10:00 — Later\n\nMore."));
  writeFileSync(join(content, "b.md"), story("B", "See [a](/2020/05/26/politics/a/)."));
  writeFileSync(join(content, "c.md"), story("C", "See [x](/2020/05/26/politics/x/)."));
  const options = { now: new Date("2026-01-01T00:00:00Z"), cwd: content };
  const plain = checkContent(content, options);
  expect(counted).toEqual({ updates: 3, permalinks: 3 });

  const memo = new ReadingMemo(undefined, "v1");
  const first = checkContent(content, { ...options, memo });
  const second = checkContent(content, { ...options, memo });
  expect(counted).toEqual({ updates: 6, permalinks: 6 });
  // Reused, not lost: the same findings as without the memo, run after run
  // (c's link to a story no one has; none for a's update or b's link).
  for (const report of [first, second]) {
    expect(report.problems).toEqual(plain.problems);
    expect(report.problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual(["c.md:8 body"]);
  }

  // An edited story is worked out again, and only it; a link to it is checked anew.
  writeFileSync(
    join(content, "a.md"),
    story("A", "Text, and an update before publication.\n\n## 2020-05-25 10:00 — Earlier"),
  );
  const third = checkContent(content, { ...options, memo });
  expect(counted).toEqual({ updates: 7, permalinks: 7 });
  expect(third.problems.map((p) => `${p.file}:${p.line} ${p.field}`)).toEqual([
    "a.md:10 updates",
    "c.md:8 body",
  ]);
});
