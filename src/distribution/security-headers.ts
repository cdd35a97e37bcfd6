import { createHash } from "node:crypto";

/**
 * The SHA-256 source expressions of a page's inline scripts, for a
 * Content-Security-Policy that allows exactly those and nothing else inline.
 * Data blocks such as JSON-LD are not scripts the browser runs and need none.
 *
 * @example inlineScriptHashes("<script>alert(1)</script>") // ["'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"]
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const [, attributes = "", body = ""] of html.matchAll(
    /<script\b([^>]*)>([\s\S]*?)<\/script>/gi,
  )) {
    if (/\bsrc\s*=/i.test(attributes)) continue;
    const type = /\btype\s*=\s*"([^"]*)"/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !["module", "text/javascript", "application/javascript"].includes(type)) continue;
    hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return hashes;
}

/**
 * The site's Content-Security-Policy: everything from the site itself, inline
 * scripts only by hash, no inline styles, no plugins, no framing, and
 * WebAssembly for the search page's Pagefind.
 */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((hash) => ` ${hash}`).join("")}`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "upgrade-insecure-requests",
  ].join("; ");
}

/** The other security headers every page gets. */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  "Strict-Transport-Security": "max-age=31536000",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * A `_headers` file (Netlify, Cloudflare Pages) applying the policy and the
 * security headers to every path under the base, plus long caching for
 * Astro's fingerprinted assets.
 */
export function headersFile(policy: string, base: string): string {
  const all = [
    `${base}*`,
    `  Content-Security-Policy: ${policy}`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
  ];
  const assets = [`${base}_astro/*`, "  Cache-Control: public, max-age=31536000, immutable"];
  return `${[...all, "", ...assets].join("\n")}\n`;
}
