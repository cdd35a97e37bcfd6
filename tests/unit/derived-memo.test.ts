import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { DerivedMemo } from "../../src/news/derived-memo.ts";

const file = () => join(mkdtempSync(join(tmpdir(), "dateline-memo-")), "memo.json");

test("a result is derived once, then remembered by the next build", () => {
  const path = file();
  let calls = 0;
  const derive = (text: string) => () => (calls++, text.length);
  const first = new DerivedMemo<number>(path, "v1");
  expect(first.get(["digest-a"], derive("alpha"))).toBe(5);
  expect(first.get(["digest-b"], derive("be"))).toBe(2);
  first.save();
  expect(calls).toBe(2);

  const second = new DerivedMemo<number>(path, "v1");
  expect(second.get(["digest-a"], derive("never called"))).toBe(5);
  expect(second.get(["digest-c"], derive("gamma"))).toBe(5);
  expect(second.derived).toBe(1);
  expect(calls).toBe(3);
  second.save();

  // Only what the last build used is kept: digest-b is gone.
  const third = new DerivedMemo<number>(path, "v1");
  third.get(["digest-b"], derive("be"));
  expect(third.derived).toBe(1);
});

test("a new version of the deriving code derives everything again", () => {
  const path = file();
  const first = new DerivedMemo<string>(path, "v1");
  first.get(["digest-a"], () => "old result");
  first.save();
  const second = new DerivedMemo<string>(path, "v2");
  expect(second.get(["digest-a"], () => "new result")).toBe("new result");
  expect(second.derived).toBe(1);
});
