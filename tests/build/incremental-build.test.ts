import { linkSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { buildSite } from "../support/build.ts";
import { copyFixtureSite, readTree } from "../support/tree.ts";

test("a rebuild after one edit re-renders what changed, reuses the rest, and equals a clean build", () => {
  const content = copyFixtureSite();
  // Started another way the second time (the shell's `_`, the command that
  // started it, differs): the environment must not make pages render again.
  const first = buildSite({ content, env: { _: "/usr/bin/npm" } });
  expect(first.status, first.output).toBe(0);
  // A clean build: each year indexed for search as soon as its pages were
  // written, and kept (the clean build below shows it is what indexing after
  // Astro makes).
  expect(first.output).toMatch(
    /\[search\] Indexed 6 of 6 pages \(0 year index\(es\) reused, 2 of 2 made while Astro rendered kept\)/,
  );
  const page = (path: string) => readFileSync(join(first.outDir, path), "utf8");
  const SEED =
    "2020/05/26/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump/index.html";
  const EDITED = "2021/02/26/business/markets-fixture/index.html";
  const seed = page(SEED);
  const original = readTree(first.outDir);
  // A second name for the published page that is about to change: a build
  // that wrote into the published file (the staging folder shares it through
  // a hard link) would change this one too.
  const witness = join(mkdtempSync(join(tmpdir(), "dateline-witness-")), "page.html");
  linkSync(join(first.outDir, EDITED), witness);
  const before = readFileSync(witness, "utf8");

  const story = join(content, "business/markets-fixture.md");
  const unedited = readFileSync(story, "utf8");
  writeFileSync(
    story,
    unedited.replace("A short fictional business story", "An edited fictional business story"),
  );
  const second = buildSite({ content, reuse: first, env: { _: "/usr/local/bin/deploy" } });
  expect(second.status, second.output).toBe(0);

  // The edited story and the listings that show it are new…
  expect(page(EDITED)).toContain("An edited fictional business story");
  expect(page("business/index.html")).toContain("An edited fictional business story");
  expect(page("2021/02/26/index.html")).toContain("An edited fictional business story");
  expect(page("business/feed.json")).toContain("An edited fictional business story");
  // …and pages that do not show it (the seed's related stories are politics
  // stories) were reused from the last build, not rendered again.
  // (Astro writes "(cached)" right after a reused page's path; a rendered
  // page's time comes later, after other pages' lines, 16 being in flight.)
  expect(second.output).toMatch(/jeff-sessions-says[^\s]*\/index\.html \((cached|restored)\)/);
  expect(second.output).not.toMatch(/markets-fixture\/index\.html \((cached|restored)\)/);
  // So were the feeds that do not list it, an endpoint route's pages: Astro's
  // own runtime they bundle reads the environment (scripts/build.ts).
  for (const feed of ["/politics/feed.xml/", "/politics/atom.xml/", "/world/feed.json/"]) {
    expect(second.output).toContain(`${feed} (cached)`);
  }
  // The sitemap of pages: no address or date changed.
  expect(second.output).toContain("/sitemap-pages-1.xml (cached)");
  expect(page(SEED)).toBe(seed);
  // The search index of 2020, where nothing changed, was taken over; 2021's made again,
  // while Astro rendered or after it, as the machine's speed has it.
  expect(second.output).toMatch(
    /\[search\] Indexed \d+ of 6 pages \(1 year index\(es\) reused, (\d) of \1 made while Astro rendered kept\)/,
  );
  // The published page was replaced, not written into.
  expect(readFileSync(witness, "utf8")).toBe(before);
  expect(before).not.toContain("An edited fictional business story");

  // Byte for byte what a clean build of the same content makes, search index included.
  const clean = buildSite({ content });
  expect(clean.status, clean.output).toBe(0);
  expect(readTree(first.outDir)).toEqual(readTree(clean.outDir));

  // The edit undone: a third build makes the first site again, byte for byte.
  writeFileSync(story, unedited);
  const third = buildSite({ content, reuse: first });
  expect(third.status, third.output).toBe(0);
  expect(readTree(first.outDir)).toEqual(original);
});
