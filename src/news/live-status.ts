/**
 * When a developing story counts as live. A story marked `developing` by its
 * editor stays live only while it keeps moving: once it has gone `hours`
 * without an update it is no longer live anywhere (banner, Live marks, the
 * front page's live block, the developing stories' page and feeds, its own
 * page's check for new updates), whatever its frontmatter still says.
 *
 * Both functions depend on the build's time, so they take it as `now`; the
 * companion says when the answer changes, for whatever schedules rebuilds.
 */

/** What liveness needs of a story. */
export interface LiveCandidate {
  /** The editor's `developing` flag. */
  developing: boolean;
  /** Its last update, else its `updated`, else its publication. */
  lastChange: Date;
}

const HOUR_MS = 3_600_000;

/**
 * Whether a story is live at `now`: marked developing and changed within the
 * last `hours`.
 *
 * @example isLive({ developing: true, lastChange: new Date("2021-03-02T00:45:00Z") }, new Date("2021-03-02T12:00:00Z"), 12) // true
 * @example isLive({ developing: true, lastChange: new Date("2021-03-02T00:45:00Z") }, new Date("2021-03-02T13:00:00Z"), 12) // false
 */
export function isLive(story: LiveCandidate, now: Date, hours: number): boolean {
  return story.developing && now.getTime() < story.lastChange.getTime() + hours * HOUR_MS;
}

/**
 * When `isLive`'s answer for the story next changes after `now`: the moment
 * a live story stops being live, or `undefined` when it will not change
 * without an edit (not developing, or already past its hours).
 *
 * @example liveChangesAt({ developing: true, lastChange: new Date("2021-03-02T00:45:00Z") }, new Date("2021-03-02T06:00:00Z"), 12) // 2021-03-02T12:45:00.000Z
 */
export function liveChangesAt(story: LiveCandidate, now: Date, hours: number): Date | undefined {
  if (!story.developing) return undefined;
  const end = story.lastChange.getTime() + hours * HOUR_MS;
  return end > now.getTime() ? new Date(end) : undefined;
}
