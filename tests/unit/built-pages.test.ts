import { createHash } from "node:crypto";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, test, vi } from "vitest";
import * as headers from "../../src/distribution/security-headers.ts";
import { readBuiltPages } from "../../scripts/publish/built-pages.ts";
import { writeHeaders } from "../../scripts/publish/script-hashes.ts";

const hash = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
const html = (script: string) => `<!doctype html><p>x</p><script>${script}</script>`;
const put = (site: string, page: string, text: string) => {
  mkdirSync(dirname(join(site, page)), { recursive: true });
  writeFileSync(join(site, page), text);
};

test("_headers hashes the inline scripts of every page listed, and only those", () => {
  const site = mkdtempSync(join(tmpdir(), "built-pages-"));
  put(site, "index.html", html("front()"));
  put(site, "a/index.html", html("article()"));
  put(site, "plain/index.html", "<p>no script</p>");
  put(site, "verify.html", html("public()"));
  put(site, "stray/index.html", html("stray()"));
  put(site, "feed.xml", "<rss><script>not html</script></rss>");
  const listed = ["index.html", "a/index.html", "plain/index.html", "verify.html", "feed.xml"];
  const cache = mkdtempSync(join(tmpdir(), "built-pages-cache-"));
  const pages = readBuiltPages(site, listed, cache, join(cache, "dist"));
  expect([...pages.keys()]).toEqual(listed.filter((page) => page.endsWith(".html")));
  expect(writeHeaders(site, "/", pages)).toBe(3);
  const written = readFileSync(join(site, "_headers"), "utf8");
  for (const script of ["front()", "article()", "public()"])
    expect(written).toContain(hash(script));
  // A file no route made (a leftover) is not read.
  expect(written).not.toContain(hash("stray()"));
});

test("a page that is still Astro's copy of the last build's is not read again; a rendered one is", () => {
  const cache = mkdtempSync(join(tmpdir(), "built-pages-cache-"));
  const copies = join(cache, "dist");
  const [kept, edited] = ["kept/index.html", "edited/index.html"] as const;
  const pages = [kept, edited];
  // A build: Astro writes each page, and its own copy of it.
  const first = join(cache, "site-1");
  for (const [page, script] of [
    [kept, "kept()"],
    [edited, "old()"],
  ] as const) {
    put(first, page, html(script));
    put(copies, page, html(script));
  }
  const one = readBuiltPages(first, pages, cache, copies);

  // The next: the kept page is a link to Astro's copy, the edited one rendered again.
  const second = join(cache, "site-2");
  mkdirSync(join(second, "kept"), { recursive: true });
  linkSync(join(copies, kept), join(second, kept));
  put(second, edited, html("new()"));
  put(copies, edited, html("new()"));
  const read = vi.spyOn(headers, "inlineScriptHashes");
  const two = readBuiltPages(second, pages, cache, copies);
  expect(read).toHaveBeenCalledTimes(1);
  expect(two.get(kept)).toEqual(one.get(kept));
  expect(two.get(edited)?.scripts).toEqual([hash("new()")]);
  expect(two.get(edited)?.digest).not.toBe(one.get(edited)?.digest);
  read.mockRestore();
});
