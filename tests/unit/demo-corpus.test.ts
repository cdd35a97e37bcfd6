import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import sharp from "sharp";
import { expect, test } from "vitest";
import { writeCorpus } from "../../scripts/corpus.ts";
import { checkContent } from "../../src/editor/check-content.ts";
import { formatProblems } from "../../src/editor/check-rules.ts";
import { site } from "../../src/site.config.ts";

// `npm run demo` writes this archive (scripts/demo.ts): a newcomer's first
// look at the site should end without a warning to wonder about.
test("the demo's stories check without a warning", async () => {
  const content = mkdtempSync(join(tmpdir(), "dateline-demo-"));
  const end = new Date("2021-03-02T12:00:00Z");
  writeCorpus(120, content, 20200526, {
    end,
    days: 24,
    images: ["_images/photo.jpg"],
    sections: site.sections.map((section) => section.slug),
  });
  mkdirSync(join(content, "_images"));
  await sharp({ create: { width: 40, height: 30, channels: 3, background: "#246" } })
    .jpeg()
    .toFile(join(content, "_images/photo.jpg"));
  const { problems, articles } = checkContent(content, { now: end, cwd: content });
  expect(articles.length).toBe(120);
  expect(formatProblems(problems)).toBe("");
});
