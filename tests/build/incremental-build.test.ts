import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { buildSite, ROOT } from "../support/build.ts";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";

test("a rebuild after one edit re-renders what changed and reuses the rest", () => {
  const content = mkdtempSync(join(tmpdir(), "dateline-incremental-"));
  cpSync(join(ROOT, "tests/fixtures/site"), content, { recursive: true, dereference: true });
  const first = buildSite({ content });
  expect(first.status, first.output).toBe(0);
  const page = (path: string) => readFileSync(join(first.outDir, path), "utf8");
  const SEED =
    "2020/05/26/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump/index.html";
  const seed = page(SEED);

  const story = join(content, "business/markets-fixture.md");
  writeFileSync(
    story,
    readFileSync(story, "utf8").replace(
      "A short fictional business story",
      "An edited fictional business story",
    ),
  );
  const second = buildSite({ content, reuse: first });
  expect(second.status, second.output).toBe(0);

  // The edited story and the listings that show it are new…
  expect(page("2021/02/26/business/markets-fixture/index.html")).toContain(
    "An edited fictional business story",
  );
  expect(page("business/index.html")).toContain("An edited fictional business story");
  expect(page("2021/02/26/index.html")).toContain("An edited fictional business story");
  expect(page("business/feed.json")).toContain("An edited fictional business story");
  // …and pages that do not show it (the seed's related stories are politics
  // stories) were copied from the last build, not rendered again.
  expect(second.output).toMatch(/jeff-sessions-says[^\n]*\/index\.html[^\n]*\((cached|restored)\)/);
  expect(second.output).not.toMatch(/markets-fixture\/index\.html[^\n]*\((cached|restored)\)/);
  expect(page(SEED)).toBe(seed);
});
