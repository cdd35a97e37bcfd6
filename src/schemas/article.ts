import type { SchemaContext } from "astro:content";
import { z } from "astro/zod";
import { describeInvisible, isBlank } from "../lib/characters.ts";
import { describeValue } from "../lib/describe-value.ts";
import { RESERVED_SEGMENTS } from "../site/routes.ts";
import { site } from "../site/site.ts";

/**
 * The article schema: the interface between editors, the build and the
 * tools. Error messages say what was expected and what was found; Astro adds
 * the file and the field.
 */

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const DATE_TIME_EXAMPLE = "an ISO 8601 date-time with offset, such as 2020-05-26T18:39:00-04:00";

/**
 * A point in time, judged as the editor wrote it: the loader and the check
 * read YAML with timestamps kept as text (src/editor/frontmatter-yaml.ts), so
 * a bare day (`2020-05-26`, midnight UTC: the previous evening in the
 * Americas) and a time without an offset (`2020-05-26T18:39:00`, whose zone
 * is anyone's guess) are refused, and `2021-01-04T00:00:00Z` is taken as
 * the real midnight UTC it is. A Date object could be either, so it is refused too.
 */
const dateTime = () =>
  z.unknown().transform((value, ctx): Date => {
    const written = typeof value === "string" ? value.trim() : undefined;
    if (written !== undefined && ISO_WITH_OFFSET.test(written)) {
      const impossible = impossibleDate(written);
      if (impossible) {
        ctx.addIssue({
          code: "custom",
          message: `expected a real date and time; found ${impossible}`,
        });
        return z.NEVER;
      }
      const date = new Date(written);
      if (!Number.isNaN(date.getTime())) return date;
    }
    ctx.addIssue({
      code: "custom",
      message: `expected ${DATE_TIME_EXAMPLE}; found ${describeWritten(value)}`,
    });
    return z.NEVER;
  });

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Why a date-time of the right shape names no real moment, or undefined:
 * JavaScript's Date rolls `2024-02-30` over into March 1 without a word.
 *
 * @example impossibleDate("2024-02-30T09:00:00-05:00") // '"2024-02-30T09:00:00-05:00" (February 2024 has 29 days)'
 */
export function impossibleDate(written: string): string | undefined {
  const [, y, mo, d, h, mi, s, oh, om] =
    /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-](\d{2}):?(\d{2}))$/.exec(
      written,
    ) ?? [];
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = [
    y,
    mo,
    d,
    h,
    mi,
    s ?? "0",
    oh ?? "0",
    om ?? "0",
  ].map(Number) as [number, number, number, number, number, number, number, number];
  const shown = JSON.stringify(written);
  if (month < 1 || month > 12) return `${shown} (there is no month ${month})`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return `${shown} (${MONTHS[month - 1]} ${year} has ${days} days)`;
  if (hour > 23 || minute > 59 || second > 59) {
    return `${shown} (not a time of day: hours run 00 to 23, minutes and seconds 00 to 59)`;
  }
  if (offsetHours > 14 || offsetMinutes > 59) {
    return `${shown} (not a UTC offset: offsets run from -12:00 to +14:00)`;
  }
  return undefined;
}

/** What an editor wrote instead of a date-time with offset, with the fix where there is one. */
function describeWritten(value: unknown): string {
  if (typeof value !== "string") return describeValue(value);
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return `a day without a time (${JSON.stringify(text)}; add the time and its offset, e.g. ${text}T09:00:00-05:00)`;
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
    return `a time without an offset (${JSON.stringify(text)}; add the offset, e.g. ${text.replace(" ", "T")}-05:00, or Z for UTC)`;
  }
  return describeValue(value);
}

/**
 * Text that must not be blank: neither empty nor only characters that show
 * nothing (a headline of zero-width spaces would be a blank h1).
 */
const text = (what: string) =>
  z
    .string({ error: (issue) => `expected ${what}; found ${describeValue(issue.input)}` })
    .trim()
    .min(1, { error: `expected ${what}; found an empty text` })
    .refine((value) => !isBlank(value), {
      error: (issue) =>
        `expected ${what}; found only characters that show nothing (${describeInvisible(String(issue.input)) ?? "whitespace"})`,
    });

/**
 * A list of names; a single name written without a list is accepted too.
 * Each item is judged on its own, so an empty item is named by its position.
 */
const names = (what: string) =>
  z
    .preprocess(
      (value) => (typeof value === "string" ? [value] : value),
      z.array(text(what), {
        error: (issue) => `expected a list of ${what}; found ${describeValue(issue.input)}`,
      }),
    )
    .default([]);

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The fields that do not depend on the build's image helper. Astro calls the
 * schema function once per story (the helper knows the story's file), and
 * building these ~20 validators each time cost more than validating: 6.5 s
 * of a 10,000-story content sync. So they are built once, on first use.
 */
function fieldsBefore() {
  return {
    /** The headline: the page's only h1, the title in listings, feeds and search results. Required. */
    headline: text("a headline"),
    /** When the story was first published, with its UTC offset. Dates the permalink (in the site's time zone) and shows as "Published …". Required. */
    published: dateTime(),
    /** When the story last changed materially; shows as "Updated …" when later than `published`. Never earlier than `published`. Optional. */
    updated: dateTime().optional(),
    /** True when the time of day of `published` is not known (a story dated from its print edition, say): pages show its date alone, never a made-up time such as "12:00 a.m."; feeds and structured data still carry `published` in full, as their formats require. Defaults to false. */
    timeUnknown: z
      .boolean({
        error: (issue) => `expected true or false; found ${describeValue(issue.input)}`,
      })
      .default(false),
    /** Where the story was filed from, e.g. "Washington"; leads the first paragraph as "Washington (CNN) —". Optional. */
    dateline: text("the place the story was filed from, such as Washington").optional(),
    /** Whose reporting this is, e.g. "CNN": the "(CNN)" in the dateline and the "CNN's" of the contributor line. Defaults to the site's short name. */
    source: text("the credited news organisation, such as CNN").optional(),
    /** The byline: who wrote the story, in order. Optional; none means no byline. */
    authors: names("author names"),
    /** Who contributed reporting; rendered after the story as "CNN's A, B and C contributed to this report." Optional. */
    contributors: names("contributor names"),
    /** The section's slug (lower case, digits and hyphens, e.g. "politics"): part of the permalink and the section label. Defaults to the site's default section. */
    section: z
      .string({
        error: (issue) =>
          `expected a section slug such as politics; found ${describeValue(issue.input)}`,
      })
      .regex(SLUG, {
        error: (issue) =>
          `expected a section slug of lower-case letters, digits and hyphens, such as politics; found ${describeValue(issue.input)}`,
      })
      .refine((slug) => !RESERVED_SEGMENTS.has(slug) && !/^\d+$/.test(slug), {
        error: (issue) =>
          `expected a section slug of your own; found ${describeValue(issue.input)}, which is taken by the site's own pages (${[...RESERVED_SEGMENTS].join(", ")}) or looks like a year`,
      })
      .default(site.defaultSection),
    /** Topic tags, e.g. "Jeff Sessions"; shown as keywords. Optional. */
    tags: names("tags"),
    /** The dek: one or two sentences under the headline, also the meta description. Optional; where needed the first paragraph serves. */
    summary: text("a one- or two-sentence summary").optional(),
    /** True while the story is still moving: it is shown as live (the banner, its Live mark, its page's key points and updates first) while its last update is within the site's `liveForHours`. Defaults to false. */
    developing: z
      .boolean({
        error: (issue) => `expected true or false; found ${describeValue(issue.input)}`,
      })
      .default(false),
    /** True to lead the front page: the newest featured story leads, else the newest with a picture among the five newest, else the newest. Defaults to false. */
    featured: z
      .boolean({
        error: (issue) => `expected true or false; found ${describeValue(issue.input)}`,
      })
      .default(false),
    /** True for work in progress: shown (marked "Draft") only by `astro dev`, left out of production builds entirely. Defaults to false. */
    draft: z
      .boolean({
        error: (issue) => `expected true or false; found ${describeValue(issue.input)}`,
      })
      .default(false),
  };
}

/** The image's text fields (see fieldsBefore for why they are built once). */
function imageText() {
  return {
    /** Alternative text describing the image for readers who cannot see it. Required with src. */
    alt: text("alt text describing the image"),
    /** Caption shown under the image. Optional. */
    caption: text("a caption").optional(),
    /** Photographer or agency credit, shown after the caption. Optional. */
    credit: text("a photo credit").optional(),
  };
}

/** The fields after `image`, in the order the schema has always listed them. */
function fieldsAfter() {
  return {
    /** Corrections appended to the story, oldest first: each a date and what was corrected. Optional. */
    corrections: z
      .array(
        z.strictObject({
          /** When the correction was made. */
          date: dateTime(),
          /** What was wrong and what is right now. */
          text: text("the text of the correction"),
        }),
        {
          error: (issue) =>
            `expected a list of corrections, each with date and text; found ${describeValue(issue.input)}`,
        },
      )
      .default([]),
  };
}

let shared:
  | {
      before: ReturnType<typeof fieldsBefore>;
      image: ReturnType<typeof imageText>;
      after: ReturnType<typeof fieldsAfter>;
    }
  | undefined;

/**
 * The article schema. `image` is Astro's image helper in a build; tools that
 * validate without a build (the check command, unit tests) pass their own.
 */
export const articleSchema = ({ image }: Pick<SchemaContext, "image">) => {
  shared ??= { before: fieldsBefore(), image: imageText(), after: fieldsAfter() };
  const { before, image: imageFields, after } = shared;
  // Strict: a field the schema does not know is refused by name (with the
  // nearest known one, src/editor/validate-article.ts), never dropped: a
  // `darft: true` dropped in silence publishes the story it meant to hold back.
  return z
    .strictObject({
      ...before,
      /** The lead image, shown under the headline in responsive sizes. Optional. */
      image: z
        .strictObject(
          {
            /** Path of an image file beside the article, e.g. ./sessions.jpg. */
            src: image(),
            ...imageFields,
          },
          {
            // Only for a value that is no object: a field it does not know is named on its own.
            error: (issue) =>
              issue.code === "invalid_type"
                ? `expected src and alt under image; found ${describeValue(issue.input)}`
                : undefined,
          },
        )
        .optional(),
      ...after,
    })
    .superRefine((data, ctx) => {
      if (data.updated && data.updated < data.published) {
        ctx.addIssue({
          code: "custom",
          path: ["updated"],
          message: `expected a time no earlier than published (${data.published.toISOString()}); found ${data.updated.toISOString()}`,
        });
      }
    });
};

/** An article's frontmatter after validation and defaults. */
export type ArticleData = z.output<ReturnType<typeof articleSchema>>;
