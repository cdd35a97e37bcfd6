import { lstatSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { defineMiddleware } from "astro:middleware";
import { site } from "../site/site.ts";
import { pageCopiesFolder } from "../site/staged-build.ts";

/**
 * Middleware of `npm run build` (added by staged-build.ts): runs for each page
 * Astro renders, before Astro writes it.
 *
 * The staging folder starts with the pages of the last build as hard links
 * to Astro's own copies of them (scripts/publish/staging.ts), which the
 * published site shares too. Astro writes a page it renders again over the
 * file in place (truncating it), which would change the published page
 * through the link: so the link, and Astro's copy, are removed here first,
 * and Astro writes new files of their own. A page it reuses is not rendered
 * and keeps its link.
 */
const staging = process.env["DATELINE_OUT"];
const copies = process.env["DATELINE_CACHE"] && pageCopiesFolder(process.env["DATELINE_CACHE"]);
const { base } = site;

/** The files a page at `pathname` can be written to, relative to the output: a page's index.html, an endpoint's file. */
function outputFiles(pathname: string): string[] {
  const path = decodeURI(pathname.startsWith(base) ? pathname.slice(base.length) : pathname);
  const file = path.replace(/\/$/, "");
  return [
    `${path.endsWith("/") || path === "" ? path : `${path}/`}index.html`,
    file,
    `${file}.html`,
  ];
}

function unlinkShared(path: string): void {
  try {
    if (lstatSync(path).nlink > 1) unlinkSync(path);
  } catch {
    // Not there: nothing shares it.
  }
}

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  for (const file of outputFiles(context.url.pathname)) {
    if (!file) continue;
    if (staging) unlinkShared(join(staging, file));
    if (copies) unlinkShared(join(copies, file));
  }
  return response;
});
