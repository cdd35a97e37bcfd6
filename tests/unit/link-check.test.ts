import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, test } from "vitest";
import { checkLinks, referencesIn } from "../support/link-check.ts";

function site(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "link-check-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

test("referencesIn finds links, assets and srcset candidates, not canonical URLs", () => {
  expect(
    referencesIn(
      '<link rel="canonical" href="https://x.example/a/"><link rel="stylesheet" href="/s.css"><a href="/a/?q=1&amp;b=2">a</a><img src="/i.png" srcset="/i-1.png 1x, /i-2.png 2x">',
    ),
  ).toEqual(["/s.css", "/a/?q=1&b=2", "/i.png", "/i-1.png", "/i-2.png"]);
});

test("a healthy site has no broken links", () => {
  const root = site({
    "index.html":
      '<a href="/a/">A</a><a href="a/#top">A top</a><a href="https://elsewhere.example/">x</a><a href="#here" id="here">h</a>',
    "a/index.html":
      '<h1 id="top">A</h1><link rel="stylesheet" href="../s.css"><a href="/">home</a>',
    "s.css": "",
  });
  expect(checkLinks(root)).toEqual([]);
});

test("missing files, missing anchors and links outside the base are reported", () => {
  const root = site({
    "index.html":
      '<a href="/news/missing/">m</a><a href="/news/a/#nowhere">n</a><a href="/a/">outside</a><img src="/news/i.png">',
    "a/index.html": "<h1>A</h1>",
  });
  expect(checkLinks(root, "/news/")).toEqual([
    { page: "index.html", ref: "/news/missing/", reason: "no such file" },
    { page: "index.html", ref: "/news/a/#nowhere", reason: 'no element with id "nowhere"' },
    { page: "index.html", ref: "/a/", reason: "outside the base path /news/" },
    { page: "index.html", ref: "/news/i.png", reason: "no such file" },
  ]);
});
