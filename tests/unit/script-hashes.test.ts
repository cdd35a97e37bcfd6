import { createHash } from "node:crypto";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, test } from "vitest";
import { writeHeaders } from "../../scripts/publish/script-hashes.ts";

const hash = (script: string) => `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
const html = (script: string) => `<!doctype html><p>x</p><script>${script}</script>`;
const put = (site: string, page: string, text: string) => {
  mkdirSync(dirname(join(site, page)), { recursive: true });
  writeFileSync(join(site, page), text);
};

/** A published site and a staging folder as scripts/build.ts leaves them after Astro. */
function staged() {
  const root = mkdtempSync(join(tmpdir(), "script-hashes-"));
  const published = join(root, "dist");
  const staging = join(root, "dist.staging");
  put(published, "kept/index.html", html("kept()"));
  put(published, "plain/index.html", "<p>no script</p>");
  put(published, "gone/index.html", html("gone()"));
  const previous = {
    "kept/index.html": [hash("kept()")],
    "gone/index.html": [hash("gone()")],
  };
  for (const page of ["kept/index.html", "plain/index.html"]) {
    mkdirSync(dirname(join(staging, page)), { recursive: true });
    linkSync(join(published, page), join(staging, page));
  }
  put(staging, "new/index.html", html("fresh()"));
  put(staging, "index.html", html("front()"));
  put(staging, "verify.html", html("public()"));
  return { staging, previous };
}

test("the policy hashes the scripts of written pages, reused pages and public files", () => {
  const { staging, previous } = staged();
  const result = writeHeaders(staging, "/", previous, {
    pages: new Set(["kept/index.html", "plain/index.html", "new/index.html"]),
    written: new Set(["new/index.html", "index.html", "_astro/x.css"]),
    extra: ["verify.html"],
  });
  const headers = readFileSync(join(staging, "_headers"), "utf8");
  for (const script of ["kept()", "fresh()", "front()", "public()"]) {
    expect(headers, script).toContain(hash(script));
  }
  // A page this build no longer makes takes its script out of the policy.
  expect(headers).not.toContain(hash("gone()"));
  // Only the pages written by this build and the public ones are read.
  expect(result.read).toBe(3);
  expect(Object.keys(result.byPage).sort()).toEqual([
    "index.html",
    "kept/index.html",
    "new/index.html",
    "verify.html",
  ]);
});

test("told what the build wrote or not, the headers are the same", () => {
  const told = staged();
  writeHeaders(told.staging, "/", told.previous, {
    pages: new Set(["kept/index.html", "plain/index.html", "new/index.html"]),
    written: new Set(["new/index.html", "index.html"]),
    extra: ["verify.html"],
  });
  const walked = staged();
  const result = writeHeaders(walked.staging, "/", walked.previous);
  expect(result.read).toBe(3);
  expect(readFileSync(join(walked.staging, "_headers"), "utf8")).toBe(
    readFileSync(join(told.staging, "_headers"), "utf8"),
  );
});
