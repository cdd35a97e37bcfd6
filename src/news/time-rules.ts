import { datePath } from "../lib/dates.ts";
import { dayBounds, isSameDay, nextDayStart } from "../lib/news-time.ts";
import type { TimeRuleName } from "../site/build-time.ts";
import { isLive, liveChangesAt } from "./live-status.ts";

/**
 * The rules whose answers depend on the build's time, each with the function
 * that says when its answer next changes. The build writes the earliest of
 * those moments to build.json, and `npm run due` asks them whether a build
 * now would publish something the last one did not. Every reader of the
 * build's time (src/site/build-time.ts) applies one of these rules.
 */

/** Google News lists stories from the last two days. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** A story as the rules that depend on the build's time see it. */
export interface TimedStory {
  /** The article file, relative to the content folder, with forward slashes. */
  file: string;
  published: Date;
  draft: boolean;
  developing: boolean;
  /** `timeUnknown`: its listings show a date, never a time of day. */
  timeUnknown: boolean;
  /**
   * When it last changed: `updated`, else (for a developing story) its newest
   * live update, else `published` (`lastChange` in src/news/articles.ts).
   */
  lastChange: Date;
  /**
   * A developing story's newest live update, if it has updates. Other
   * stories' updates are not read: no rule shows them by the day.
   */
  latestUpdate?: Date | undefined;
}

/** A moment at which a rule's answer changes, and why, in a reader's words. */
export interface Moment {
  at: Date;
  reason: string;
  /** The story the moment comes from; none for a change of the whole site. */
  file?: string | undefined;
}

/** What the rules read of the site's configuration (src/site.config.ts). */
export interface RuleSite {
  /** The newsroom's time zone: its days and midnights. */
  timeZone: string;
  /** How long a developing story stays live without an update. */
  liveForHours: number;
}

/** A rule that depends on the build's time. */
export interface TimeRule {
  /**
   * What the rule decides for these stories at `now`, from the same
   * predicates the site applies (a list of values that compare as JSON): two
   * builds whose answers are equal publish the same by this rule.
   */
  answer(stories: readonly TimedStory[], now: Date, site: RuleSite): readonly string[];
  /**
   * The earliest moment strictly after `after` at which the answer changes
   * (tests/unit/time-rules.test.ts holds every rule to it), with the story
   * it comes from.
   */
  next(stories: readonly TimedStory[], after: Date, site: RuleSite): Moment | undefined;
}

/**
 * Whether a story is scheduled: not a draft, and `published` after the build
 * time. The build holds it back from every page, listing, feed, sitemap and
 * the search index until a build at or after that time.
 */
export function isScheduled(data: { draft: boolean; published: Date }, now: Date): boolean {
  return !data.draft && data.published.getTime() > now.getTime();
}

/**
 * Whether the news sitemap lists a story at `now`: published under two days
 * before it, and not after it (a story scheduled for later is not news yet).
 */
export function inNewsWindow(published: Date, now: Date): boolean {
  const time = published.getTime();
  return time <= now.getTime() && time > now.getTime() - NEWS_WINDOW_MS;
}

/**
 * The times of a story that pages print by the build's day (src/lib/news-time.ts:
 * "7:45 p.m." on that day, a date on others): its time in listings (a
 * developing story's last change, else its publication, unless its time of
 * day is unknown), and for a developing story the banner's time and its
 * newest update on the front page.
 */
export function timesShownByDay(story: TimedStory): Date[] {
  if (story.developing) {
    return story.latestUpdate ? [story.lastChange, story.latestUpdate] : [story.lastChange];
  }
  return story.timeUnknown ? [] : [story.published];
}

/** The earliest of some moments; of two at once, the one of the first file by name. */
function earliest(moments: Iterable<Moment | undefined>): Moment | undefined {
  let first: Moment | undefined;
  for (const moment of moments) {
    if (!moment) continue;
    const sooner = first ? moment.at.getTime() - first.at.getTime() : -1;
    if (sooner < 0 || (sooner === 0 && (moment.file ?? "") < (first?.file ?? ""))) first = moment;
  }
  return first;
}

/** Stories a build can publish: drafts never. */
function publishable(stories: readonly TimedStory[]): TimedStory[] {
  return stories.filter((story) => !story.draft);
}

/** The longest calendar day (a clock change), in ms: a time older than this before `after` is in no later day. */
const LONGEST_DAY_MS = 26 * 60 * 60 * 1000;

/**
 * The registry: one entry per name of src/site/build-time.ts, in the order in
 * which moments that fall together are named.
 */
export const TIME_RULES: { readonly [Rule in TimeRuleName]: TimeRule } = {
  scheduled: {
    answer: (stories, now) =>
      publishable(stories)
        .filter((story) => isScheduled(story, now))
        .map((story) => story.file),
    next: (stories, after) =>
      earliest(
        publishable(stories).map((story) =>
          story.published > after
            ? { at: story.published, reason: "a scheduled story goes out", file: story.file }
            : undefined,
        ),
      ),
  },
  "news-sitemap": {
    answer: (stories, now) =>
      publishable(stories)
        .filter((story) => inNewsWindow(story.published, now))
        .map((story) => story.file),
    next: (stories, after) =>
      earliest(
        publishable(stories).flatMap((story) => {
          const leaves = new Date(story.published.getTime() + NEWS_WINDOW_MS);
          return [
            story.published > after
              ? { at: story.published, reason: "a story enters the Google News sitemap" }
              : undefined,
            leaves > after
              ? {
                  at: leaves,
                  reason: "a story leaves the Google News sitemap (two days after publication)",
                }
              : undefined,
          ].map((moment) => moment && { ...moment, file: story.file });
        }),
      ),
  },
  today: {
    // For each story that is out, whether each of its times reads as today's.
    answer: (stories, now, { timeZone }) =>
      publishable(stories)
        .filter((story) => !isScheduled(story, now))
        .map(
          (story) =>
            `${story.file} ${timesShownByDay(story)
              .map((time) => (isSameDay(time, now, timeZone) ? "time" : "date"))
              .join(" ")}`,
        ),
    next: (stories, after, { timeZone }) => {
      // A day's bounds cost a time-zone lookup: stories are taken in the
      // order of the earliest moment each could bring (its publication, or a
      // day before its earliest time), and no further once that is past the
      // earliest found. At 10,000 stories, a few are worked out.
      const candidates = publishable(stories)
        .map((story) => {
          // A time more than a day before `after` is in no day still to come.
          const times = timesShownByDay(story).filter(
            (time) => time.getTime() > after.getTime() - LONGEST_DAY_MS,
          );
          const soonest = Math.min(...times.map((time) => time.getTime() - LONGEST_DAY_MS));
          return { story, times, from: Math.max(story.published.getTime(), soonest) };
        })
        .filter(({ times }) => times.length > 0)
        .sort((a, b) => a.from - b.from);
      let first: Moment | undefined;
      for (const { story, times, from } of candidates) {
        if (first && from > first.at.getTime()) break;
        first = earliest([
          first,
          ...times.flatMap((time) => {
            const [start, end] = dayBounds(time, timeZone);
            return (
              [
                { at: start, reason: "the newsroom's day begins: a listed date becomes a time" },
                {
                  at: end,
                  reason: `the newsroom's midnight: a listed time of day ("7:45 p.m.") becomes a date`,
                },
              ]
                // Only while the story is out: before that it is listed nowhere.
                .filter(({ at }) => at > after && at >= story.published)
                .map((moment) => ({ ...moment, file: story.file }))
            );
          }),
        ]);
      }
      return first;
    },
  },
  live: {
    // Which developing stories are live (src/news/live-status.ts): a
    // scheduled one is held back by the rule of its own.
    answer: (stories, now, { liveForHours }) =>
      publishable(stories)
        .filter((story) => isLive(story, now, liveForHours))
        .map((story) => story.file),
    next: (stories, after, { liveForHours }) =>
      earliest(
        publishable(stories).map((story) => {
          const at = liveChangesAt(story, after, liveForHours);
          return at
            ? {
                at,
                reason: `a developing story stops being live (${liveForHours} hours without an update)`,
                file: story.file,
              }
            : undefined;
        }),
      ),
  },
  masthead: {
    // The fronts print the newsroom's date under the name, and every page's
    // footer its year: whatever the stories, a new day changes the site.
    answer: (_stories, now, { timeZone }) => [datePath(now, timeZone).join("-")],
    next: (_stories, after, { timeZone }) => ({
      at: nextDayStart(after, timeZone),
      reason: "the newsroom's midnight: the fronts' masthead prints the new day's date",
    }),
  },
};

/** The next moment a build would publish something different, with the rule it comes from. */
export interface NextChange extends Moment {
  rule: TimeRuleName;
}

/**
 * The earliest moment strictly after `after` at which any rule's answer
 * changes: when the output of a build made at `after` goes stale, as long
 * as the content stays the same. At the latest the newsroom's next
 * midnight (the masthead's date); undefined only if no rule ever changes.
 *
 * @example nextChange([story], new Date("2021-03-01T12:00:00Z"), { timeZone: "America/New_York", liveForHours: 12 })
 * // { at: 2021-03-02T05:00:00.000Z, rule: "masthead", reason: "the newsroom's midnight: …" }
 */
export function nextChange(
  stories: readonly TimedStory[],
  after: Date,
  site: RuleSite,
): NextChange | undefined {
  let first: NextChange | undefined;
  for (const [rule, { next }] of Object.entries(TIME_RULES) as [TimeRuleName, TimeRule][]) {
    const moment = next(stories, after, site);
    if (moment && (!first || moment.at.getTime() < first.at.getTime())) first = { ...moment, rule };
  }
  return first;
}
