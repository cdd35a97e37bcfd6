/**
 * The time a build is made at: DATELINE_BUILD_TIME when set (tests,
 * reproducible builds), else now. Stories published after it are held back,
 * the news sitemap lists the two days before it, and listings print the
 * time of day for stories of its day.
 *
 * @example buildTime("2021-03-02T09:00:00-05:00", () => new Date()).toISOString() // "2021-03-02T14:00:00.000Z"
 */
export function buildTime(value: string | undefined, now: () => Date): Date {
  if (value === undefined || value === "") return now();
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    throw new Error(
      `DATELINE_BUILD_TIME: expected an ISO 8601 date-time such as 2020-05-27T12:00:00-04:00; found "${value}"`,
    );
  }
  return time;
}
