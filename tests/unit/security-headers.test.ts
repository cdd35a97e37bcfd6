import { expect, test } from "vitest";
import {
  contentSecurityPolicy,
  deskSecurityPolicy,
  headersFile,
  inlineScriptHashes,
} from "../../src/distribution/security-headers.ts";

test("inline scripts are hashed; external scripts and data blocks are not", () => {
  const html = [
    "<script>alert(1)</script>",
    '<script type="module">go()</script>',
    '<script src="/a.js"></script>',
    '<script type="application/ld+json">{"a":1}</script>',
  ].join("");
  expect(inlineScriptHashes(html)).toEqual([
    "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='",
    expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/),
  ]);
});

test("the policy allows no inline code but the hashed scripts", () => {
  const policy = contentSecurityPolicy(["'sha256-abc='"]);
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='");
  expect(policy).toContain("style-src 'self';");
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).toContain("frame-ancestors 'none'");
});

test("_headers covers the base path and caches fingerprinted assets", () => {
  const file = headersFile("default-src 'self'", "/news/");
  expect(file.startsWith("/news/*\n  Content-Security-Policy: default-src 'self'\n")).toBe(true);
  expect(file).toContain("/news/_astro/*\n  Cache-Control: public, max-age=31536000, immutable");
});

test("the desk under admin/ gets its own policy, detached from the site's; no other path does", () => {
  const file = headersFile(contentSecurityPolicy([]), "/news/");
  const [site, , desk] = file.trim().split("\n\n");
  expect(site).toContain("style-src 'self';");
  expect(desk!.split("\n")).toEqual([
    "/news/admin/*",
    "  ! Content-Security-Policy",
    "  ! Cross-Origin-Opener-Policy",
    `  Content-Security-Policy: ${deskSecurityPolicy()}`,
    "  Cross-Origin-Opener-Policy: same-origin-allow-popups",
  ]);
  expect(deskSecurityPolicy()).toContain("style-src 'self' 'unsafe-inline'");
  expect(deskSecurityPolicy()).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(file.match(/unsafe-inline/g)).toHaveLength(1);
});
