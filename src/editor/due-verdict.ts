import { isoDateTime } from "../lib/dates.ts";
import { nextChange, type TimedStory } from "../news/time-rules.ts";

/** What `npm run due` answers: whether to build, in one line. */
export interface Verdict {
  due: boolean;
  /** `due: …` naming the reason and the file, or `next: <ISO time> <reason>`. */
  line: string;
}

/** At most this many changed files are named; the rest are counted. */
const NAMED = 3;

/**
 * Whether a build at `now` would publish something that the build made at
 * `since` did not: the site's code or its content changed since (when that
 * build's digests are known: `last`), or a rule that depends on the build's
 * time (src/news/time-rules.ts) changed its answer between the two times.
 * Otherwise, when the next such change is.
 *
 * `changed`: the files known to have changed since the last build, when the
 * content's digest differs; `shown` names a story's file for the reader.
 */
export function dueVerdict(input: {
  stories: readonly TimedStory[];
  digest: string;
  code: string;
  since: Date;
  now: Date;
  timeZone: string;
  liveForHours: number;
  last?: { content: string; code: string } | undefined;
  changed?: readonly string[] | undefined;
  shown: (file: string) => string;
}): Verdict {
  const { last, shown, timeZone } = input;
  if (last && last.code !== input.code) {
    return {
      due: true,
      line: "due: the site's code changed since the last build (src/, astro.config.ts or package-lock.json)",
    };
  }
  if (last && last.content !== input.digest) {
    const changed = input.changed ?? [];
    const files =
      changed.length === 0
        ? "the content folder: its digest is not the last build's"
        : `${changed.slice(0, NAMED).map(shown).join(", ")}${changed.length > NAMED ? ` and ${changed.length - NAMED} more` : ""}`;
    return { due: true, line: `due: the content changed since the last build (${files})` };
  }
  const next = nextChange(input.stories, input.since, input);
  if (!next) {
    return {
      due: false,
      // No rule of today's registry answers none (the masthead changes daily).
      line: "next: none: no rule depends on the time; only an edit changes the site",
    };
  }
  const what = `${isoDateTime(next.at, timeZone)} ${next.reason}${next.file ? ` (${shown(next.file)})` : ""}`;
  return next.at.getTime() <= input.now.getTime()
    ? { due: true, line: `due: ${what}` }
    : { due: false, line: `next: ${what}` };
}
