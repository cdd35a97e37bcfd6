import { linkSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, test } from "vitest";
import { buildSite } from "../support/build.ts";
import { copyFixtureSite, readTree } from "../support/tree.ts";

test("a rebuild after one edit re-renders what changed, reuses the rest, and equals a clean build", () => {
  const content = copyFixtureSite();
  // Started another way the second time (the shell's `_`, the command that
  // started it, differs): the environment must not make pages render again.
  const first = buildSite({ content, env: { _: "/usr/bin/npm" } });
  expect(first.status, first.output).toBe(0);
  const articles = Number(
    /\[search\] Indexed (\d+) of \1 pages \(0 year index\(es\) unchanged\)/.exec(first.output)?.[1],
  );
  expect(articles).toBeGreaterThan(5);
  // The build's log counts the pages instead of listing them.
  const pages = Number(
    /\[build\] (\d+) pages: \1 rendered, 0 unchanged since the last build/.exec(first.output)?.[1],
  );
  expect(pages).toBeGreaterThan(50);
  expect(first.output).not.toContain("├─");
  const page = (path: string) => readFileSync(join(first.outDir, path), "utf8");
  const SEED =
    "2020/05/26/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump/index.html";
  const EDITED = "2021/02/26/business/markets-fixture/index.html";
  const seed = page(SEED);
  const story = join(content, "business/markets-fixture.md");
  const unedited = readFileSync(story, "utf8");
  writeFileSync(
    story,
    unedited.replace("A short fictional business story", "An edited fictional business story"),
  );
  const secondStarted = Date.now();
  const second = buildSite({ content, reuse: first, env: { _: "/usr/local/bin/deploy" } });
  expect(second.status, second.output).toBe(0);
  /** Whether this build rendered a page: a page taken from Astro's cache keeps the cached file's time. */
  const rendered = (path: string) =>
    statSync(join(first.outDir, path.replace(/\/$/, "/index.html"))).mtimeMs >= secondStarted;

  // The edited story and the listings that show it are new…
  expect(page(EDITED)).toContain("An edited fictional business story");
  expect(page("business/index.html")).toContain("An edited fictional business story");
  expect(page("2021/02/26/index.html")).toContain("An edited fictional business story");
  expect(page("business/feed.json")).toContain("An edited fictional business story");
  // …and pages that do not show it (the seed's related stories are politics
  // stories) were reused from the last build, not rendered again.
  expect(rendered(EDITED)).toBe(true);
  expect(rendered(SEED)).toBe(false);
  // So were the feeds that do not list it, an endpoint route's pages: Astro's
  // own runtime they bundle reads the environment (scripts/build.ts).
  for (const feed of ["politics/feed.xml", "politics/atom.xml", "world/feed.json"]) {
    expect(rendered(feed), feed).toBe(false);
  }
  // The sitemap of pages: no address or date changed.
  expect(rendered("sitemap-pages-1.xml")).toBe(false);
  expect(second.output).toMatch(
    new RegExp(`\\[build\\] ${pages} pages: \\d+ rendered, \\d+ unchanged since the last build`),
  );
  expect(page(SEED)).toBe(seed);
  // The search index of 2020, where nothing changed, was taken over; 2021's made again.
  expect(second.output).toMatch(
    new RegExp(
      `\\[search\\] Indexed \\d+ of ${articles} pages \\(1 year index\\(es\\) unchanged\\)`,
    ),
  );

  // The pages this build reused are links to Astro's copies of them, which
  // the next build links again. A second name for every published file: a
  // build that wrote into a published file would change these too.
  const published = readTree(first.outDir);
  const witness = mkdtempSync(join(tmpdir(), "dateline-witness-"));
  for (const path of Object.keys(published)) {
    mkdirSync(dirname(join(witness, path)), { recursive: true });
    linkSync(join(first.outDir, path), join(witness, path));
  }
  // The edit undone, and the seed story, reused until now, edited.
  writeFileSync(story, unedited);
  const seedStory = join(
    content,
    "politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump.md",
  );
  writeFileSync(
    seedStory,
    readFileSync(seedStory, "utf8").replace("Sessions", "Sessions (edited)"),
  );
  const third = buildSite({ content, reuse: first });
  expect(third.status, third.output).toBe(0);
  expect(page(SEED)).toContain("Sessions (edited)");
  expect(page(EDITED)).toContain("A short fictional business story");
  // The published files were replaced, never written into.
  expect(readTree(witness)).toEqual(published);

  // Byte for byte what a clean build of the same content makes, search index included.
  const clean = buildSite({ content });
  expect(clean.status, clean.output).toBe(0);
  expect(readTree(first.outDir)).toEqual(readTree(clean.outDir));
});
