/**
 * The path the site is served under: `/` at the root of an origin, or a
 * sub-path such as `/news/` (GitHub Pages project sites) set with
 * DATELINE_BASE. Always ends with a slash.
 *
 * @example basePath({ DATELINE_BASE: "/news" }) // "/news/"
 */
export function basePath(env: Record<string, string | undefined> = process.env): string {
  const base = env["DATELINE_BASE"] || "/";
  return base.endsWith("/") ? base : `${base}/`;
}
