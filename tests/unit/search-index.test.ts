import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { indexSite } from "../../src/distribution/search-index.ts";

const site = mkdtempSync(join(tmpdir(), "search-index-"));
afterAll(() => rmSync(site, { recursive: true, force: true }));

const page = (path: string, body: string) => {
  const file = join(site, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`,
  );
};

test("indexes the article pages of a built site and nothing else", async () => {
  page(
    "2020/05/26/politics/vote/index.html",
    "<nav>Sections</nav><article data-pagefind-body><h1>Senate votes</h1><p>The budget passed.</p></article>",
  );
  page("politics/index.html", "<main><h1>Politics</h1><p>Senate votes</p></main>");
  page("index.html", "<main><h1>Front</h1></main>");
  const { pages, seconds } = await indexSite(site);
  expect(pages).toBe(1);
  expect(seconds).toBeGreaterThan(0);
  expect(existsSync(join(site, "pagefind", "pagefind.js"))).toBe(true);
}, 60_000);
