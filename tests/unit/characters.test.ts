import { describe, expect, test } from "vitest";
import {
  characterName,
  describeInvisible,
  firstBidiControl,
  firstForbidden,
  isBlank,
  isForbidden,
  spaceLayoutControls,
} from "../../src/lib/characters.ts";

// Every character XML 1.0 forbids, and those HTML calls parse errors.
const FORBIDDEN = [
  ...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => ![9, 10, 13].includes(code)),
  ...Array.from({ length: 0x21 }, (_, index) => 0x7f + index),
  0xfdd0,
  0xfdef,
  0xfffe,
  0xffff,
  0x1fffe,
  0x10ffff,
];

test.each(FORBIDDEN)("U+%s is never published", (code) => {
  expect(isForbidden(code)).toBe(true);
  expect(firstForbidden(`ab${String.fromCodePoint(code)}c`)).toEqual({ index: 2, code });
});

test.each([0x09, 0x0a, 0x0d, 0x20, 0xa0, 0xe9, 0x2028, 0x200b, 0xfdcf, 0xfffd, 0x1f525])(
  "U+%s may be",
  (code) => {
    expect(isForbidden(code)).toBe(false);
    expect(firstForbidden(`ab${String.fromCodePoint(code)}c`)).toBeUndefined();
  },
);

test("an unpaired surrogate (only a YAML escape makes one) is found; a pair is not", () => {
  expect(firstForbidden("a\ud800b")).toEqual({ index: 1, code: 0xd800 });
  expect(firstForbidden("a🔥b")).toBeUndefined();
});

describe.each([
  [0x0b, "U+000B vertical tab"],
  [0x1b, "U+001B escape"],
  [0x08, "U+0008 backspace"],
  [0x0c, "U+000C form feed"],
  [0x1f, "U+001F, a control character"],
  [0xfffe, "U+FFFE, a noncharacter"],
  [0x202e, "U+202E right-to-left override"],
])("characterName(%s)", (code, name) => {
  test(`is ${name}`, () => expect(characterName(code)).toBe(name));
});

test("Word's line break and a form feed become spaces; nothing else changes", () => {
  expect(spaceLayoutControls("a\u000bb\u000cc\td\u001be")).toBe("a b c\td\u001be");
  const plain = "nothing to change";
  expect(spaceLayoutControls(plain)).toBe(plain);
});

test.each([
  ["", true],
  ["  \t", true],
  ["\u200b\u200b", true],
  ["\u00ad\u2060\ufeff\u3164", true],
  ["\u200bA", false],
  ["🔥", false],
  ["東京", false],
])("isBlank(%j) is %s", (text, blank) => expect(isBlank(text)).toBe(blank));

test("describeInvisible counts what a blank text is made of", () => {
  expect(describeInvisible("\u200b \u200b\u2060")).toBe(
    "U+200B zero-width space (2 times), U+2060 word joiner",
  );
  expect(describeInvisible("   ")).toBeUndefined();
});

test("firstBidiControl finds embeddings, overrides and isolates", () => {
  expect(firstBidiControl("abc\u202edef")).toEqual({ index: 3, code: 0x202e });
  expect(firstBidiControl("a\u2067b")).toEqual({ index: 1, code: 0x2067 });
  expect(firstBidiControl("plain \u200f mark")).toBeUndefined();
});
