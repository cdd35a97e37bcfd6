import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ROOT } from "../support/build.ts";
import { startDevServer, type DevServer } from "../support/dev-server.ts";

// `astro dev` over a two-story content folder: once it listens it works out
// the archive and asks for its first pages, so no later page pays for that;
// an edit the rules refuse shows an error for the story, not the last good
// version.
// A temporary folder outside node_modules, which Vite's file watcher ignores.
const work = mkdtempSync(join(tmpdir(), "dateline-dev-"));
const content = join(work, "content");
const FILE = join(content, "harbour-budget-passes.md");
const PAGE = "2021/03/01/news/harbour-budget-passes/";
let server: DevServer;
let origin = "";
const log = () => server.log();

/** Fetches a page until `done` says the answer is the one awaited, or time runs out. */
async function poll(done: (status: number, body: string) => boolean, seconds = 60) {
  let last = { status: 0, body: "" };
  for (const end = Date.now() + seconds * 1000; Date.now() < end;) {
    try {
      const response = await fetch(`${origin}/${PAGE}`);
      last = { status: response.status, body: await response.text() };
      if (done(last.status, last.body)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return last;
}

beforeAll(async () => {
  mkdirSync(content);
  copyFileSync(join(ROOT, "tests/fixtures/scheduled/harbour-budget-passes.md"), FILE);
  // Another story, whose pages keep serving while the first one is refused.
  copyFileSync(
    join(ROOT, "tests/fixtures/scheduled/council-late-motion.md"),
    join(content, "council-late-motion.md"),
  );
  server = await startDevServer({
    DATELINE_CONTENT: content,
    DATELINE_CACHE: join(work, "cache"),
    // "dateline: working out the listings" each time (src/news/articles.ts).
    DATELINE_TRACE: "1",
  });
  origin = server.origin;
}, 60_000);

afterAll(() => {
  server.stop();
});

/** The archive-wide work `astro dev` has done so far, one line each time. */
const workedOut = () => log().match(/^dateline: working out the .+$/gm) ?? [];

test("the preview works out the archive once it listens, and pages reuse it", async () => {
  // No request before the warm-up says it is done: only it can have done the work.
  await server.printed("Ready to preview");
  expect(log()).toMatch(
    /Ready to preview: 2 stories placed, listed and related, 3 pages asked for/,
  );
  const done = workedOut();
  expect([...done].sort()).toEqual([
    "dateline: working out the articles",
    "dateline: working out the developing stories",
    "dateline: working out the listings",
    "dateline: working out the related stories",
  ]);
  // The warm-up asked for the newest story's page itself, as Astro's request log shows.
  expect(log()).toMatch(/\[200\] \/2021\/03\/01\/news\/council-late-motion\/ /);

  for (const page of [PAGE, "", "news/", "people/", "2021/03/"]) {
    const response = await fetch(`${origin}/${page}`);
    expect(response.status, `/${page}`).toBe(200);
  }
  // The pages found the archive worked out in their own module instances.
  expect(workedOut(), log()).toEqual(done);
}, 120_000);

test("a refused edit shows an error for the story, then the fix shows again", async () => {
  const first = await poll((status) => status === 200, 90);
  expect(first.status, log()).toBe(200);
  expect(first.body).toContain("The council approved the harbour budget on Monday.");

  // An unclosed quote: Astro's own loader would keep the old entry and serve it.
  writeFileSync(
    FILE,
    '---\nheadline: "Harbour budget passes\npublished: 2021-03-01T10:00:00-05:00\nsection: news\n---\n\nEdited text.\n',
  );
  const refused = await poll((status) => status === 500);
  expect(refused.status, log()).toBe(500);
  expect(refused.body).not.toContain("The council approved");
  // The story's page names file, line and field, as `npm run check` does.
  const message =
    /harbour-budget-passes\.md:2 {2}frontmatter {2}expected valid YAML; found a value opened with &quot; and never closed/;
  expect(refused.body).toContain("The edit was refused");
  expect(refused.body).toMatch(message);
  expect(log()).toMatch(/harbour-budget-passes\.md:2 {2}frontmatter {2}expected valid YAML/);
  // Every other page keeps serving, without the story.
  for (const page of ["", "news/", "2021/03/", "2021/03/01/news/council-late-motion/"]) {
    const response = await fetch(`${origin}/${page}`);
    const body = await response.text();
    expect(response.status, `/${page}\n${body.slice(0, 500)}`).toBe(200);
    expect(body, `/${page}`).not.toContain("harbour-budget-passes/");
  }

  const beforeFix = log().length;
  writeFileSync(
    FILE,
    '---\nheadline: "Harbour budget passes"\npublished: 2021-03-01T10:00:00-05:00\nsection: news\n---\n\nEdited text.\n',
  );
  const fixed = await poll((status, body) => status === 200 && body.includes("Edited text."));
  expect(fixed.status, log()).toBe(200);
  // The story's page needs the stories and their related ones, not every
  // listing of the archive (its menu is worked out from the stories).
  const afterFix = log().slice(beforeFix);
  expect(afterFix).toContain("dateline: working out the articles");
  expect(afterFix).not.toContain("dateline: working out the listings");
  // Each edit was a run of Astro's content layer (src/editor/dev-refresh.ts),
  // which writes the data store at once: the start's sync and one per edit.
  expect(log().match(/\[content\] Syncing content/g)?.length ?? 0, log()).toBeGreaterThanOrEqual(3);
}, 240_000);
