import { describe, expect, test } from "vitest";
import { REFUSED, REFUSED_PATH, refusalOf, refusalPage, refusals } from "../../src/news/refusal.ts";

describe("refusalOf", () => {
  test.each([
    ["a story", { headline: "Harbour budget passes" }, undefined],
    [
      "a refusal without a page",
      { [REFUSED]: "x.md:2  headline  …" },
      { message: "x.md:2  headline  …" },
    ],
    [
      "a refusal with its page",
      { [REFUSED]: "x.md:2  headline  …", [REFUSED_PATH]: "/2021/03/01/news/x/" },
      { message: "x.md:2  headline  …", path: "/2021/03/01/news/x/" },
    ],
  ])("%s", (_, data, expected) => {
    expect(refusalOf({ data })).toEqual(expected);
  });

  test("refusals keeps only the refused entries", () => {
    const entries = [{ data: { headline: "A" } }, { data: { [REFUSED]: "b.md:1  file  …" } }];
    expect(refusals(entries)).toEqual([{ message: "b.md:1  file  …" }]);
  });
});

describe("refusalPage", () => {
  test("shows the rules' messages as text", () => {
    const page = refusalPage(
      'x.md:2  frontmatter  expected valid YAML; found a value opened with " and never closed <b>',
    );
    expect(page).toContain(
      "x.md:2  frontmatter  expected valid YAML; found a value opened with &quot; and never closed &lt;b&gt;",
    );
    expect(page).not.toContain("<b>");
  });
});
