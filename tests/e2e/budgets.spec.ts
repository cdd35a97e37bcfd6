import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { expect, test } from "@playwright/test";
import { distDir, filesIn } from "../support/dist.ts";

// Budgets over the built site, checked file by file (no browser needed).
const BUDGET = 14 * 1024;
const dist = distDir();
const articlePages = filesIn(dist, ".html").filter((path) =>
  /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/[^/]+\/index\.html$/.test(path),
);
const gzipped = (path: string) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;

/** Local CSS and JS a page loads, as paths inside dist/. */
function assetsOf(html: string): string[] {
  const refs = [
    ...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
  ].map((match) => match[1] ?? "");
  const base = process.env["DATELINE_BASE"] ?? "/";
  return refs.map((ref) => ref.slice(base.length));
}

test("there are article pages to check", () => {
  expect(articlePages.length).toBeGreaterThan(0);
});

test("every article page's HTML + CSS + JS is at most 14 KB gzipped", () => {
  const over: string[] = [];
  for (const page of articlePages) {
    const html = readFileSync(join(dist, page), "utf8");
    const total = gzipped(page) + assetsOf(html).reduce((sum, asset) => sum + gzipped(asset), 0);
    if (total > BUDGET) over.push(`${page}: ${total} bytes`);
  }
  expect(over).toEqual([]);
});

/** A page's HTML plus the CSS and JS it loads, gzipped: images are not counted. */
function pageWeight(page: string): number {
  const html = readFileSync(join(dist, page), "utf8");
  return gzipped(page) + assetsOf(html).reduce((sum, asset) => sum + gzipped(asset), 0);
}

test("the front page's HTML + CSS + JS is at most 30 KB gzipped", () => {
  expect(pageWeight("index.html")).toBeLessThanOrEqual(30 * 1024);
});

test("no web fonts and no third-party assets", () => {
  for (const css of filesIn(dist, ".css")) {
    expect(readFileSync(join(dist, css), "utf8"), css).not.toMatch(/@font-face|@import/);
  }
  for (const page of filesIn(dist, ".html")) {
    const html = readFileSync(join(dist, page), "utf8");
    // Links to other hosts are fine; loading from them is not.
    expect(html, page).not.toMatch(
      /<(script|img|iframe|source|video|audio)\b[^>]+(src|srcset)="(https?:)?\/\//,
    );
    expect(html, page).not.toMatch(
      /<link\b(?![^>]*rel="(canonical|alternate)")[^>]+href="(https?:)?\/\//,
    );
  }
});

test("article pages carry no JavaScript but the banner's, and a live story's check for updates", () => {
  let live = 0;
  for (const page of articlePages) {
    const html = readFileSync(join(dist, page), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].filter(
      (match) => !/type="application\/ld\+json"/.test(match[0]),
    );
    const checks = html.includes('class="live-check"') ? 1 : 0;
    live += checks;
    expect(scripts.length, page).toBe(1 + checks);
    const [banner, check] = scripts.map((script) => gzipSync(script[1] ?? "").length);
    for (const script of scripts) expect(script[0], page).not.toMatch(/\bsrc=/);
    expect(banner, page).toBeLessThan(600);
    if (checks) expect(check, page).toBeLessThan(2 * 1024);
  }
  // The fixture's storm is live: its page checks; no other does.
  expect(live).toBe(1);
});
