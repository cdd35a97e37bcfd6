import { expect, test } from "vitest";
import { deepestNesting, MAX_NESTING } from "../../src/editor/markdown-depth.ts";

test.each([
  ["ordinary copy", "Text.\n\n> A quote.\n\n- a\n  - b\n    - c\n", undefined],
  ["a quote inside a list inside a quote", "> - > deep enough\n", undefined],
  ["quotes at the limit", `${"> ".repeat(MAX_NESTING)}ok\n`, undefined],
  ["quotes past the limit", `Fine.\n\n${">".repeat(50_000)} x\n`, { index: 2, depth: 50_000 }],
  ["list markers on one line", `${"- ".repeat(30)}x\n`, { index: 0, depth: 30 }],
  [
    "a list nested by indentation alone",
    Array.from({ length: 40 }, (_, i) => `${" ".repeat(2 * i)}- item`).join("\n"),
    { index: 20, depth: 21 },
  ],
  ["numbered lists", `${"1. ".repeat(25)}x\n`, { index: 0, depth: 25 }],
  ["HTML elements inside each other", `${"<div>".repeat(30)}x`, { index: 0, depth: 30 }],
  ["HTML that closes what it opens", "<div><span>x</span></div>\n".repeat(100), undefined],
  ["paragraph tags HTML closes by itself", "<p>one\n".repeat(100), undefined],
  ["deep text inside fenced code", "```\n" + "> ".repeat(40) + "\n```\n", undefined],
])("%s", (_name, body, expected) => {
  const found = deepestNesting(body);
  if (expected === undefined) expect(found).toBeUndefined();
  else expect(found).toMatchObject(expected);
});

test("a 20 KB nested list is judged in milliseconds, without a parser", () => {
  const body = Array.from({ length: 140 }, (_, i) => `${" ".repeat(2 * i)}- item`).join("\n");
  const started = performance.now();
  for (let i = 0; i < 10; i++) deepestNesting(body);
  expect(performance.now() - started).toBeLessThan(1000);
});
