import { describe, expect, test } from "vitest";
import { nameSlug, slugify } from "../../src/lib/slug.ts";

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

describe.each([
  // Names of words: the words, as slugify made them for Latin names.
  ["Jeff Sessions", "jeff-sessions"],
  ["jeff  sessions", "jeff-sessions"],
  ["Donald J. Trump", "donald-j-trump"],
  ["O'Brien, Jr.", "obrien-jr"],
  // Every script keeps its letters, accents included.
  ["José Pérez", "josé-pérez"],
  ["Jose\u0301 Pe\u0301rez", "josé-pérez"],
  ["Jose Perez", "jose-perez"],
  ["東京", "東京"],
  ["Москва", "москва"],
  ["山田 太郎", "山田-太郎"],
  ["🔥", "🔥"],
])("nameSlug(%j)", (name, slug) => {
  test(`is ${slug}`, () => expect(nameSlug(name)).toBe(slug));
});

test("names told apart only by a symbol get their words and a hash, never another's address", () => {
  const names = ["C++", "C#", "C", "AT&T", "AT T", "#", "c++"];
  const slugs = names.map(nameSlug);
  expect(slugs[0]).toMatch(/^c--[0-9a-z]{1,7}$/);
  expect(slugs[1]).toMatch(/^c--[0-9a-z]{1,7}$/);
  expect(slugs[2]).toBe("c");
  expect(slugs[3]).toMatch(/^at-t--[0-9a-z]{1,7}$/);
  expect(slugs[4]).toBe("at-t");
  expect(slugs[5]).toMatch(/^--[0-9a-z]{1,7}$/);
  // Case is not a different name.
  expect(slugs[6]).toBe(slugs[0]);
  expect(new Set(slugs.slice(0, 6)).size).toBe(6);
});

test("a name's address is the same on every run: it depends on the name alone", () => {
  expect(nameSlug("C++")).toBe("c--l4ge7k");
  expect(nameSlug("C#")).toBe("c--15ny19f");
});

test("a long name keeps 80 characters of words and a hash, so two long names never share one", () => {
  const a = nameSlug(`${"word ".repeat(20)}one`);
  const b = nameSlug(`${"word ".repeat(20)}two`);
  expect(a).not.toBe(b);
  expect(a.split("--")[0]!.length).toBeLessThanOrEqual(80);
});
