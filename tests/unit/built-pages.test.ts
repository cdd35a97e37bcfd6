import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, test, vi } from "vitest";
import * as headers from "../../src/distribution/security-headers.ts";
import { readBuiltPages } from "../../scripts/publish/built-pages.ts";
import { writeHeaders } from "../../scripts/publish/script-hashes.ts";

const hash = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
const html = (script: string) => `<!doctype html><p>x</p><script>${script}</script>`;
const put = (site: string, page: string, text: string, mtime?: Date) => {
  mkdirSync(dirname(join(site, page)), { recursive: true });
  writeFileSync(join(site, page), text);
  if (mtime) utimesSync(join(site, page), mtime, mtime);
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
  const pages = readBuiltPages(site, listed, mkdtempSync(join(tmpdir(), "built-pages-cache-")));
  expect([...pages.keys()]).toEqual(listed.filter((page) => page.endsWith(".html")));
  expect(writeHeaders(site, "/", pages)).toBe(3);
  const written = readFileSync(join(site, "_headers"), "utf8");
  for (const script of ["front()", "article()", "public()"])
    expect(written).toContain(hash(script));
  // A file no route made (a leftover) is not read.
  expect(written).not.toContain(hash("stray()"));
});

test("a page whose size and time are unchanged is not read again; a changed one is", () => {
  const site = mkdtempSync(join(tmpdir(), "built-pages-"));
  const cache = mkdtempSync(join(tmpdir(), "built-pages-cache-"));
  // As Astro restores a page from its cache: the cached file's time, to the millisecond.
  const cached = new Date("2026-12-01T10:00:00.123Z");
  put(site, "kept/index.html", html("kept()"), cached);
  put(site, "edited/index.html", html("old()"), cached);
  const first = readBuiltPages(site, ["kept/index.html", "edited/index.html"], cache);

  const read = vi.spyOn(headers, "inlineScriptHashes");
  put(site, "kept/index.html", html("kept()"), cached);
  put(site, "edited/index.html", html("new()"));
  const second = readBuiltPages(site, ["kept/index.html", "edited/index.html"], cache);
  expect(read).toHaveBeenCalledTimes(1);
  expect(second.get("kept/index.html")).toEqual(first.get("kept/index.html"));
  expect(second.get("edited/index.html")?.scripts).toEqual([hash("new()")]);
  expect(second.get("edited/index.html")?.digest).not.toBe(first.get("edited/index.html")?.digest);
  read.mockRestore();
});
