import { buildTime } from "../lib/build-time.ts";

/**
 * The moment this build runs: what "today" means for listing times ("7:45
 * p.m." today, a date before). DATELINE_BUILD_TIME fixes it for tests and
 * reproducible builds, as it does for the news sitemap.
 */
export const BUILD_NOW: Date = buildTime(process.env["DATELINE_BUILD_TIME"], () => new Date());
