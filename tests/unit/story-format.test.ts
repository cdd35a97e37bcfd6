import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { storyFormatOptions } from "../../src/editor/desk/desk-config.ts";
import { readStory, writeStory } from "../../src/editor/desk/story-format.ts";
import { toolSchema } from "../../src/editor/validate-article.ts";
import { readArticle } from "../../src/editor/check-article.ts";

const options = storyFormatOptions(toolSchema);
const root = join(import.meta.dirname, "../..");

function markdown(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? markdown(join(dir, entry.name))
      : // A link that leads nowhere is the check's to report (tests/fixtures/bad/dangling-symlink).
        entry.name.endsWith(".md") &&
          entry.name !== "README.md" &&
          existsSync(join(dir, entry.name))
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Every fixture story and the seed, as the desk receives them: Sveltia trims and reads CRLF as LF. */
const stories = [...markdown(join(root, "content")), ...markdown(join(root, "tests/fixtures"))]
  .map((path) => ({ name: relative(root, path), text: readFileSync(path, "utf8") }))
  .filter(({ name, text }) => {
    // Files the desk cannot open (broken YAML, not UTF-8) are the check's to report.
    try {
      readStory(text.trim(), options);
      return !name.includes("latin1");
    } catch {
      return false;
    }
  });

/** What Sveltia CMS writes: the formatter's text, trimmed, with one final line break. */
const save = (value: Record<string, unknown>) => `${writeStory(value, options).trim()}\n`;

test("the round trip covers every fixture story and the seed that parse", () => {
  expect(stories.length).toBeGreaterThanOrEqual(25);
  expect(stories.map(({ name }) => name)).toContain(
    "content/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump.md",
  );
});

/**
 * What a save can keep of a file at best: Sveltia CMS hands the format the
 * file trimmed, with CRLF read as LF, and ends what it writes with one line
 * break. Only files that end with blank lines, start with a blank line or a
 * byte-order mark, or use CRLF differ from it.
 */
const kept = (text: string) => `${text.replace(/\r\n?/g, "\n").trim()}\n`;

test("the only fixture a save changes untouched is the one that ends with a blank line", () => {
  expect(stories.filter(({ text }) => kept(text) !== text).map(({ name }) => name)).toEqual([
    "tests/fixtures/bad/empty-body/frontmatter-only.md",
  ]);
});

describe.each(stories)("$name", ({ text: file }) => {
  const text = kept(file);
  const read = () => readStory(text.trim(), options);

  test("saved unchanged, it is byte-identical", () => {
    expect(save(read())).toBe(text);
  });

  test("a new headline changes the headline's line only", () => {
    const story = read();
    if (typeof story["headline"] !== "string") return;
    const saved = save({ ...story, headline: "A new headline: with a colon, “quotes” and 'more'" });
    const before = text.split("\n");
    const after = saved.split("\n");
    expect(after.length).toBe(before.length);
    const changed = before.flatMap((line, index) => (line === after[index] ? [] : [index]));
    expect(changed).toHaveLength(1);
    expect(before[changed[0]!]).toMatch(/^headline:/);
    expect(readStory(saved.trim(), options)["headline"]).toBe(
      "A new headline: with a colon, “quotes” and 'more'",
    );
  });

  test("values the desk's fields hand back in their own form (a name as a list, switches at their defaults) keep their lines", () => {
    const story = read();
    const normalised = { ...story } as Record<string, unknown>;
    for (const key of ["authors", "contributors", "tags"]) {
      if (typeof normalised[key] === "string") normalised[key] = [normalised[key]];
      if (normalised[key] === undefined) normalised[key] = [];
    }
    for (const key of ["draft", "developing", "featured", "timeUnknown"]) normalised[key] ??= false;
    expect(save(normalised)).toBe(text);
  });
});

test("a changed body is written anew and the frontmatter kept", () => {
  const text =
    "---\nheadline:   'Spaced'   # kept\npublished: 2020-05-26T18:39:00-04:00\n---\n\nOld text.\n";
  const saved = save({
    ...readStory(text.trim(), options),
    body: "New *text*.\n\n## 2020-05-26 19:00 — Update\n",
  });
  expect(saved).toBe(
    "---\nheadline:   'Spaced'   # kept\npublished: 2020-05-26T18:39:00-04:00\n---\n\nNew *text*.\n\n## 2020-05-26 19:00 — Update\n",
  );
});

test("a field added by the desk goes after the field before it in the schema's order", () => {
  const text =
    "---\nheadline: H\npublished: 2020-05-26T18:39:00-04:00\nsection: politics\n---\n\nText.\n";
  const saved = save({
    ...readStory(text.trim(), options),
    dateline: "Washington",
    developing: true,
  });
  expect(saved).toBe(
    "---\nheadline: H\npublished: 2020-05-26T18:39:00-04:00\ndateline: Washington\nsection: politics\ndeveloping: true\n---\n\nText.\n",
  );
});

test("a field emptied in the desk leaves the file", () => {
  const text =
    "---\nheadline: H\npublished: 2020-05-26T18:39:00-04:00\nsummary: Gone soon.\n---\n\nText.\n";
  expect(save({ ...readStory(text.trim(), options), summary: "" })).toBe(
    "---\nheadline: H\npublished: 2020-05-26T18:39:00-04:00\n---\n\nText.\n",
  );
});

test("a new story is written as npm run new writes one, and passes the check", () => {
  const saved = save({
    headline: "Council approves budget",
    published: "2026-12-07T09:00:00-05:00",
    section: "politics",
    authors: ["Ann Author"],
    tags: [],
    draft: false,
    developing: false,
    image: { src: "council.jpg", alt: "The council chamber" },
    body: "The council voted on Monday.",
  });
  expect(saved).toBe(
    "---\nheadline: Council approves budget\npublished: '2026-12-07T09:00:00-05:00'\nauthors:\n  - Ann Author\nsection: politics\nimage:\n  src: council.jpg\n  alt: The council chamber\n---\n\nThe council voted on Monday.\n",
  );
  const checked = readArticle(saved, {
    file: "council-approves-budget.md",
    path: "/x/council-approves-budget.md",
    id: "council-approves-budget",
  });
  expect(checked.problems).toEqual([]);
});
