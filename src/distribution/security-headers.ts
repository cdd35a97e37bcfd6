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

/** What every policy of the site ends with: no plugins, no other base, forms to itself, no framing. */
const LOCKED_DOWN = [
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "upgrade-insecure-requests",
];

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
    ...LOCKED_DOWN,
  ].join("; ");
}

/**
 * The editors' desk's policy (/admin/, src/pages/admin/): the site's, with
 * what Sveltia CMS needs. Its Svelte components add their styles as <style>
 * elements and style attributes ('unsafe-inline' styles; scripts stay the
 * site's own files only); it shows pictures and previews from blob: URLs and
 * runs its image helpers in a blob: worker with WebAssembly; signed in with
 * GitHub it talks to GitHub's API, shows the editor's avatar, and asks
 * GitHub's status page whether GitHub is up.
 */
export function deskSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self' blob: data: https://api.github.com https://www.githubstatus.com",
    "frame-src 'self' blob:",
    "worker-src 'self' blob:",
    ...LOCKED_DOWN,
  ].join("; ");
}

/**
 * The desk's headers that differ from every page's: its policy, and an opener
 * policy that lets the GitHub sign-in window (the OAuth worker) answer it.
 */
export const DESK_HEADERS: Record<string, string> = {
  "Content-Security-Policy": deskSecurityPolicy(),
  "Cross-Origin-Opener-Policy": "same-origin-allow-popups",
};

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
 * Astro's fingerprinted assets, and the desk's own headers under `admin/`.
 * Cloudflare Pages sends every matching block's headers, joined, so the
 * desk's block first detaches the site's (`! Name`); Netlify, which skips
 * those lines, lets the later block's value win.
 */
export function headersFile(policy: string, base: string): string {
  const all = [
    `${base}*`,
    `  Content-Security-Policy: ${policy}`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
  ];
  const assets = [`${base}_astro/*`, "  Cache-Control: public, max-age=31536000, immutable"];
  const desk = [
    `${base}admin/*`,
    ...Object.keys(DESK_HEADERS).map((name) => `  ! ${name}`),
    ...Object.entries(DESK_HEADERS).map(([name, value]) => `  ${name}: ${value}`),
  ];
  return `${[...all, "", ...assets, "", ...desk].join("\n")}\n`;
}
