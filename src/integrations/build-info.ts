import { writeFileSync } from "node:fs";
import type { AstroIntegration } from "astro";
import { BUILD_INFO_FILE, lastBuildInfo } from "../editor/build-info.ts";

/**
 * Writes build.json at the root of the built site: the build's time, the
 * earliest later moment at which a build would publish something different
 * and why (a scheduled story, the news sitemap's two days, the newsroom's
 * midnight), and the digests `npm run due` compares. The content loader
 * worked it out from the stories it read (src/editor/content-state.ts).
 *
 * Written when the build is done, into the folder Astro built (the staging
 * folder under `npm run build`, which publishes it with the rest): no page
 * lists it, so it is never reused from the last build, and a build that
 * fails writes none.
 */
export function buildInfo(): AstroIntegration {
  return {
    name: "dateline:build-info",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const info = lastBuildInfo();
        if (!info) {
          logger.warn(`${BUILD_INFO_FILE} not written: the articles loader did not run`);
          return;
        }
        writeFileSync(new URL(BUILD_INFO_FILE, dir), `${JSON.stringify(info, null, 2)}\n`);
        const { next } = info;
        logger.info(
          next
            ? `${BUILD_INFO_FILE}: next change ${next.at}, ${next.reason}${next.file ? ` (${next.file})` : ""}`
            : `${BUILD_INFO_FILE}: no later change by time; only an edit changes the site`,
        );
      },
    },
  };
}
