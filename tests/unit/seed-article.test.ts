import { readFileSync } from "node:fs";
import { parseFrontmatter } from "@astrojs/markdown-remark";
import { expect, test } from "vitest";
import { renderMarkdown } from "../support/markdown.ts";

// The reference article must stay faithful to the raw text it came from (a
// copy of the seed, so the suite reads nothing outside the repository).
const raw = readFileSync(
  new URL("../fixtures/seed/000_34147e769f4ecb98.txt", import.meta.url),
  "utf8",
);
const file = readFileSync(
  new URL(
    "../../content/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump.md",
    import.meta.url,
  ),
  "utf8",
);
const { frontmatter, content } = parseFrontmatter(file);
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

test("the raw text's page chrome is not part of the article", () => {
  const lines = raw.trim().split("\n");
  expect(lines[0]).toBe("Stay Updated on Developing Stories");
  expect(lines.at(-1)).toBe("Outbrain");
  expect(content).not.toContain("Stay Updated");
  expect(content).not.toContain("Outbrain");
});

test("every body paragraph is word for word the raw text's", () => {
  const lines = raw.trim().split("\n");
  const rawParagraphs = paragraphs(lines.slice(1, -1).join("\n")).slice(1); // without chrome and headline
  const credit = rawParagraphs.pop();
  expect(credit).toBe("CNN's Kaitlan Collins and Maegan Vazquez contributed to this report.");
  rawParagraphs[0] = (rawParagraphs[0] ?? "").replace(/^Washington\(CNN\) /, "");
  expect(paragraphs(content)).toEqual(rawParagraphs);
});

test("the frontmatter carries what the raw text says", () => {
  expect(frontmatter).toMatchObject({
    headline: paragraphs(raw)[1],
    dateline: "Washington",
    source: "CNN",
    contributors: ["Kaitlan Collins", "Maegan Vazquez"],
    section: "politics",
  });
  expect((frontmatter["published"] as Date).toISOString()).toBe("2020-05-26T04:00:00.000Z");
});

test("the rendered body is pinned", async () => {
  await expect(await renderMarkdown(content, frontmatter)).toMatchFileSnapshot(
    "__snapshots__/seed-article.html",
  );
});
