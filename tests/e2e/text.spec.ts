import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { distDir, filesIn } from "../support/dist.ts";
import { gluedToLinks } from "../support/glued-words.ts";

// Over every page of the built site: no word runs into a link.
test("no word is glued to a link on any built page", () => {
  const dist = distDir();
  const pages = filesIn(dist, ".html");
  expect(pages.length).toBeGreaterThan(10);
  const glued = pages.flatMap((page) =>
    gluedToLinks(readFileSync(join(dist, page), "utf8")).map((where) => `${page}: ${where}`),
  );
  expect(glued).toEqual([]);
});
