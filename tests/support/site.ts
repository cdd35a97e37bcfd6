/** The seed article's permalink: the reference story of every test. */
export const SEED_PATH =
  "2020/05/26/politics/jeff-sessions-says-his-recusal-from-russia-probe-was-an-attempt-to-help-trump/";

/** The URL of a page of the site under test (served by global-setup). */
export function siteUrl(path = ""): string {
  const base = process.env["SITE_URL"];
  if (!base) throw new Error("SITE_URL is not set: the global setup did not run.");
  return new URL(path, base).href;
}
