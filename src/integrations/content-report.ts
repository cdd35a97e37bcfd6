import type { AstroIntegration } from "astro";
import { lastReport, summaryLines } from "../editor/build-report.ts";

/**
 * Ends a build with what the content rules noted, so warnings are not lost
 * in the scroll: each story held back until its scheduled time, the warnings
 * (long headlines, missing summaries, unknown sections), and a count. The
 * rules and wording are `npm run check`'s (src/editor/check-content.ts).
 */
export function contentReport(): AstroIntegration {
  return {
    name: "dateline:content-report",
    hooks: {
      "astro:build:done": ({ logger }) => {
        const report = lastReport();
        if (!report) return;
        for (const line of summaryLines(report)) logger.info(line);
      },
    },
  };
}
