import { expect, test } from "vitest";
import { lineIn, parseFrontmatterYaml } from "../../src/editor/frontmatter-yaml.ts";

test("timestamps stay the text the editor wrote", () => {
  const parsed = parseFrontmatterYaml(
    "published: 2021-01-04T00:00:00Z\nupdated: 2020-05-26\nother: 2020-05-26T18:39:00\n",
  );
  expect("frontmatter" in parsed && parsed.frontmatter.data).toEqual({
    published: "2021-01-04T00:00:00Z",
    updated: "2020-05-26",
    other: "2020-05-26T18:39:00",
  });
});

test("lines of fields, nested fields and list items come from the parser", () => {
  const yaml = "headline: H\nimage:\n  src: ./a.jpg\n  alt:\nauthors:\n  - A\n  -\n";
  const parsed = parseFrontmatterYaml(yaml);
  const frontmatter = "frontmatter" in parsed ? parsed.frontmatter : undefined;
  expect(lineIn(frontmatter?.lines ?? {}, ["headline"])).toBe(1);
  expect(lineIn(frontmatter?.lines ?? {}, ["image", "src"])).toBe(3);
  expect(lineIn(frontmatter?.lines ?? {}, ["image", "alt"])).toBe(4);
  expect(lineIn(frontmatter?.lines ?? {}, ["image", "caption"])).toBe(2);
  expect(lineIn(frontmatter?.lines ?? {}, ["authors", 1])).toBe(7);
  expect(lineIn(frontmatter?.lines ?? {}, ["summary"])).toBe(0);
});

test.each([
  [
    "an unclosed double quote, at the line it opens",
    'headline: "Senate passes\npublished: 2020-05-26T12:00:00-04:00\nsection: politics\n',
    1,
    'found a value opened with " and never closed',
  ],
  [
    "an unclosed single quote",
    "summary: ok\nheadline: 'It''s open\nsection: x\n",
    2,
    "found a value opened with ' and never closed",
  ],
  ["a field written twice", "headline: A\nheadline: B\n", 2, "found the same field twice"],
  ["a colon in a value", "headline: Vote: yes: no\n", 1, 'found a second ": " in a value'],
  ["a tab as indentation", "image:\n\tsrc: a.jpg\n", 2, "found a tab used for indentation"],
  [
    "an unclosed bracket",
    "tags: [a, b\nsection: x\n",
    2,
    "found a bracket or list that is not closed",
  ],
  [
    "a list instead of fields",
    "- a\n- b\n",
    1,
    'expected fields such as "headline: …"; found a list',
  ],
])("%s", (_name, yaml, line, message) => {
  const { problem } = parseFrontmatterYaml(yaml);
  expect(problem?.line).toBe(line);
  expect(problem?.message).toContain(message);
});
