/**
 * The build's time, from DATELINE_BUILD_TIME when set (tests, reproducible
 * builds), else now: what the news sitemap counts back from and what "today"
 * means for listing times.
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
