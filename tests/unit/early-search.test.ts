import { appendFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { EarlySearch } from "../../scripts/publish/early-search.ts";

const root = mkdtempSync(join(tmpdir(), "early-search-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const VOTE = "2020/05/26/politics/vote/index.html";
const STORM = "2019/01/02/world/storm/index.html";
const FLOOD = "2019/03/04/world/flood/index.html";

function page(site: string, path: string, text: string): void {
  const file = join(site, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><head><title>t</title></head><body><article data-pagefind-body><p>${text}</p></article></body></html>`,
  );
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const indexed = (site: string, year: string) =>
  existsSync(join(site, "pagefind", year, "pagefind-entry.json"));

test("a year whose pages the build wrote is indexed as soon as the last one is written", async () => {
  const site = join(root, "clean");
  const progress = join(root, "clean.txt");
  const early = new EarlySearch(site, progress);
  early.linked(new Set());
  appendFileSync(progress, `expect ${VOTE}\nexpect ${STORM}\nexpect ${FLOOD}\nexpected 3\n`);
  page(site, VOTE, "The budget passed.");
  page(site, STORM, "Winds rose.");
  appendFileSync(progress, `wrote ${VOTE}\nwrote ${STORM}\n`);
  await pause(1500);
  // 2020 is whole; 2019 waits for its flood story.
  expect(indexed(site, "2020")).toBe(true);
  expect(indexed(site, "2019")).toBe(false);
  page(site, FLOOD, "Rivers rose.");
  appendFileSync(progress, `wrote ${FLOOD}\n`);
  const { indexes } = await early.finish();
  expect([...indexes.keys()].sort()).toEqual(["2019", "2020"]);
}, 60_000);

test("a year that reuses pages waits until Astro has moved past it and its pages are quiet", async () => {
  const site = join(root, "edit");
  const progress = join(root, "edit.txt");
  page(site, STORM, "Winds rose.");
  page(site, FLOOD, "Rivers rose.");
  const early = new EarlySearch(site, progress);
  // The storm's page is the last build's, linked; the flood story was edited.
  early.linked(new Set([STORM, FLOOD]));
  appendFileSync(progress, `expect ${STORM}\nexpect ${FLOOD}\nexpected 2\nwrote ${FLOOD}\n`);
  await pause(1000);
  // Astro may still render the linked storm page again: not indexed yet.
  expect(indexed(site, "2019")).toBe(false);
  appendFileSync(progress, "wrote index.html\n");
  await pause(1500);
  expect(indexed(site, "2019")).toBe(true);
  // The storm's page rendered again after all, with the same bytes: the
  // index made is not kept (Pagefind may have read it half-written).
  page(site, STORM, "Winds rose.");
  appendFileSync(progress, `wrote ${STORM}\n`);
  const { indexes } = await early.finish();
  expect([...indexes.keys()]).toEqual([]);
}, 60_000);

test("a newer year that reuses pages is indexed once Astro writes an older year's page", async () => {
  const site = join(root, "order");
  const progress = join(root, "order.txt");
  page(site, VOTE, "The budget passed.");
  page(site, "2020/06/01/world/quake/index.html", "The ground shook.");
  page(site, STORM, "Winds rose.");
  const early = new EarlySearch(site, progress);
  early.linked(new Set([VOTE, "2020/06/01/world/quake/index.html", STORM]));
  // The route lists the newest first; the vote story was edited.
  appendFileSync(
    progress,
    `expect 2020/06/01/world/quake/index.html\nexpect ${VOTE}\nexpect ${STORM}\nexpected 3\nwrote ${VOTE}\n`,
  );
  await pause(1000);
  expect(indexed(site, "2020")).toBe(false);
  // A 2019 story rendered again (its related stories changed): Astro has passed 2020.
  appendFileSync(progress, `wrote ${STORM}\n`);
  await pause(1500);
  expect(indexed(site, "2020")).toBe(true);
  // 2019's one page was written by this build: indexed at once.
  expect(indexed(site, "2019")).toBe(true);
  await early.finish();
}, 60_000);
