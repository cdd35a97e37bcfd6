import { buildTime } from "../lib/build-time.ts";

/**
 * Every rule whose answer depends on the build's time. Each has, in
 * src/news/time-rules.ts, the function that says when its answer next
 * changes, which is how the build knows when its output goes stale
 * (build.json, `npm run due`). A new rule is a name here and an entry there:
 * TypeScript refuses either without the other.
 *
 * - `scheduled`: a story published after the build's time is held back.
 * - `news-sitemap`: the Google News sitemap lists the two days before it.
 * - `today`: listings, the banner and live updates print a time of the
 *   build's day as "7:45 p.m.", an earlier one as a date.
 * - `live`: a developing story is live (the banner, its Live mark, updates
 *   first) until the site's `liveForHours` pass without an update.
 * - `masthead`: the fronts print the newsroom's date, every page's footer
 *   its year.
 */
export const TIME_RULE_NAMES = ["scheduled", "news-sitemap", "today", "live", "masthead"] as const;

/** The name of a rule that depends on the build's time. */
export type TimeRuleName = (typeof TIME_RULE_NAMES)[number];

// One time for the whole process: the content loader and the pages run in
// two module graphs of one Astro process (each used to read the clock on its
// own, seconds apart), so the time is kept on globalThis. DATELINE_BUILD_TIME
// set to another value (a test) binds anew.
const KEY = Symbol.for("dateline.build-time");

interface Bound {
  /** DATELINE_BUILD_TIME as it was when bound. */
  value: string | undefined;
  time: number;
}

/**
 * The build's time: DATELINE_BUILD_TIME when set (tests, reproducible
 * builds), else the moment this process first asked, which is then set as
 * DATELINE_BUILD_TIME for every thread and process it starts. The one reader of the
 * variable and of the clock for everything a build publishes, as
 * src/site/base-path.ts is for the base path.
 *
 * Every reader names the rules it applies with it, each of which says in
 * src/news/time-rules.ts when its answer changes; tests/unit/build-time.test.ts
 * lists the readers, so a new one is counted or the test fails.
 *
 * @example buildNow("scheduled") // the build's time, e.g. 2021-03-02T14:00:00.000Z
 */
export function buildNow(...rules: readonly [TimeRuleName, ...TimeRuleName[]]): Date {
  for (const rule of rules) {
    // For callers from plain JavaScript or through a cast, which the types do not stop.
    if (!(TIME_RULE_NAMES as readonly string[]).includes(rule)) {
      throw new Error(
        `buildNow: expected a rule of TIME_RULE_NAMES (src/site/build-time.ts); found "${String(rule)}"`,
      );
    }
  }
  const store = globalThis as Record<symbol, Bound | undefined>;
  const value = process.env["DATELINE_BUILD_TIME"];
  let bound = store[KEY];
  if (!bound || bound.value !== value) {
    const time = buildTime(value, () => new Date()).getTime();
    // Written back when it was unset, so that worker threads and processes
    // started from here on (Astro's parallel prerendering, the render pool)
    // read the same time rather than their own clock.
    const written = value || new Date(time).toISOString();
    process.env["DATELINE_BUILD_TIME"] = written;
    bound = { value: written, time };
    store[KEY] = bound;
  }
  // A copy: a reader that changed its Date would change no one else's.
  return new Date(bound.time);
}
