// @ts-check
/**
 * The site's Astro logger (`logger` in astro.config.ts, Astro's Logger API):
 * Astro's own Node logger, except for the list of pages a build writes.
 *
 * Astro logs each page as two messages: "├─ /path/index.html" when it starts
 * the page, then its time ("(+12ms)") or "(cached)" once done. It renders
 * many pages at once (`build.concurrency`), so the two halves of different
 * pages run together into lines such as "├─ /a/ ├─ /b/ (+3ms)" and lines
 * holding only "(+3ms)", tens of thousands of them. Those messages are
 * counted here instead, and the page phase ends with one line: how many
 * pages were rendered and how many were taken unchanged from the last build,
 * with a line of progress every PROGRESS_MS on a long build. Every other
 * message reaches Astro's logger as it is; a page line of another shape
 * (another Astro version) does too.
 *
 * A JavaScript file: Astro imports a logger's entrypoint as it is, outside
 * Vite, in `astro dev` too.
 */
import nodeLogger from "astro/logger/node";

/** A line of progress at most this often while pages are written. */
const PROGRESS_MS = 10_000;

const COLOURS = /\u001b\[[0-9;]*m/g;
const PAGE_START = /^\s*├─ \S/;
const PAGE_DONE = /^\s*\((?:cached|restored|\+[\d.]+m?s)\)/;
const PAGE_REUSED = /^\s*\((?:cached|restored)\)/;
const PHASE_DONE = /✓ Completed in /;

/**
 * @param {{ level?: import("astro").AstroLoggerLevel }} [config]
 * @returns {import("astro").AstroLoggerDestination}
 */
export default function buildLog(config = {}) {
  const node = nodeLogger(config);
  let started = 0;
  let reused = 0;
  let lastProgress = 0;
  /** @param {string} message */
  const info = (message) => node.write({ label: "build", level: "info", message, newLine: true });
  return {
    write(event) {
      const text = event.message.replace(COLOURS, "");
      if (event.level === "info" && PAGE_START.test(text)) {
        started++;
        const now = performance.now();
        if (lastProgress === 0) lastProgress = now;
        if (now - lastProgress >= PROGRESS_MS) {
          lastProgress = now;
          info(`${started.toLocaleString("en-US")} pages so far`);
        }
        return;
      }
      if (event.level === "info" && started > 0 && PAGE_DONE.test(text)) {
        if (PAGE_REUSED.test(text)) reused++;
        return;
      }
      if (started > 0 && PHASE_DONE.test(text)) {
        const rendered = started - reused;
        info(
          `${started.toLocaleString("en-US")} pages: ${rendered.toLocaleString("en-US")} rendered, ` +
            `${reused.toLocaleString("en-US")} unchanged since the last build`,
        );
        started = 0;
        reused = 0;
        lastProgress = 0;
      }
      node.write(event);
    },
    flush: () => node.flush?.(),
    close: () => node.close?.(),
  };
}
