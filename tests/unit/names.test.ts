import { describe, expect, test } from "vitest";
import { contributorLine, joinNames, possessive } from "../../src/lib/names.ts";

describe.each([
  [[], ""],
  [["Kaitlan Collins"], "Kaitlan Collins"],
  [["Kaitlan Collins", "Maegan Vazquez"], "Kaitlan Collins and Maegan Vazquez"],
  [["A", "B", "C"], "A, B and C"],
  [["A", "B", "C", "D"], "A, B, C and D"],
])("joinNames(%j)", (names, expected) => {
  test(`is "${expected}" (AP style, no serial comma)`, () => {
    expect(joinNames(names)).toBe(expected);
  });
});

describe("contributorLine", () => {
  test.each([
    [
      "CNN",
      ["Kaitlan Collins", "Maegan Vazquez"],
      "CNN's Kaitlan Collins and Maegan Vazquez contributed to this report.",
    ],
    ["CNN", ["Kaitlan Collins"], "CNN's Kaitlan Collins contributed to this report."],
    ["Reuters", ["A", "B", "C"], "Reuters' A, B and C contributed to this report."],
  ])("%s with %j", (source, names, expected) => {
    expect(contributorLine(source, names)).toBe(expected);
  });

  test("is absent without contributors", () => {
    expect(contributorLine("CNN", [])).toBeUndefined();
  });
});

test.each([
  ["CNN", "CNN's"],
  ["Reuters", "Reuters'"],
  ["The Times", "The Times'"],
])("possessive(%s)", (name, expected) => {
  expect(possessive(name)).toBe(expected);
});
