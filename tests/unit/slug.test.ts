import { describe, expect, test } from "vitest";
import { slugify } from "../../src/lib/slug.ts";

describe.each([
  ["Jeff Sessions", "jeff-sessions"],
  ["Café Olé", "cafe-ole"],
  ["Straße in Zürich", "strasse-in-zurich"],
  ["Trump's “phony” witch hunt", "trumps-phony-witch-hunt"],
  ["  --Odd__Name--  ", "odd-name"],
  ["2020 elections", "2020-elections"],
  ["Ærø Ø", "aero-o"],
  ["", ""],
])("slugify(%j)", (text, expected) => {
  test(`is ${expected}`, () => expect(slugify(text)).toBe(expected));
});

test("long headlines are cut at a word boundary", () => {
  const slug = slugify(
    "Jeff Sessions says his recusal from Russia probe was an attempt to help Trump and much more besides",
  );
  expect(slug.length).toBeLessThanOrEqual(80);
  expect(slug).toBe(
    "jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump",
  );
});

test("a single very long word is cut hard", () => {
  expect(slugify("a".repeat(100), 10)).toBe("aaaaaaaaaa");
});
