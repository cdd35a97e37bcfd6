import type {
  BlogPosting,
  CorrectionComment,
  LiveBlogPosting,
  NewsArticle,
  Person,
  QuantitativeValue,
  WithContext,
} from "schema-dts";
import { formatDateTime, isoDateTime } from "../lib/dates.ts";
import type { LiveUpdate } from "../news/live-updates.ts";

/** A live update as the structured data carries it: its time, anchor, title and text. */
export interface StructuredUpdate extends LiveUpdate {
  /** The update's text, plain. */
  text: string;
}

/** What the structured data of an article is made from; every URL absolute. */
export interface StructuredArticle {
  url: string;
  headline: string;
  description: string;
  published: Date;
  modified: Date;
  authors: readonly { name: string; url: string }[];
  /** Those the contributor line credits, with their people pages. */
  contributors: readonly { name: string; url: string }[];
  /** Credited when there is no byline: the news organisation and its home page. */
  source: { name: string; url?: string | undefined };
  dateline?: string | undefined;
  section: string;
  tags: readonly string[];
  image?: { url: string; width: number; height: number } | undefined;
  corrections: readonly { date: Date; text: string }[];
  developing: boolean;
  /** Newest first. */
  updates: readonly StructuredUpdate[];
  language: string;
}

/** The publisher, from the site config. */
export interface Publisher {
  name: string;
  url: string;
  logo: { url: string; width: number; height: number };
}

/**
 * A size in pixels as a plain number, as Google's structured-data examples
 * write `width` and `height`. schema-dts types these as a Distance text or a
 * QuantitativeValue only, so this is the one place its types are widened.
 */
const pixels = (size: number) => size as unknown as QuantitativeValue;

const person = ({ name, url }: { name: string; url: string }): Person => ({
  "@type": "Person",
  name,
  url,
});

/**
 * Schema.org JSON-LD for an article, typed by schema-dts: `NewsArticle`, or
 * `LiveBlogPosting` for a story with live updates (coverage ends with its last
 * update once it is no longer developing). Each update carries its own text;
 * one without a title is named by its time, not the story's headline.
 */
export function articleJsonLd(
  article: StructuredArticle,
  publisher: Publisher,
  timeZone: string,
): WithContext<NewsArticle | LiveBlogPosting> {
  const time = (date: Date) => isoDateTime(date, timeZone);
  const live = article.developing || article.updates.length > 0;
  const lastUpdate = article.updates[0]?.time ?? article.modified;
  const common = {
    "@id": article.url,
    url: article.url,
    mainEntityOfPage: { "@type": "WebPage", "@id": article.url },
    headline: article.headline,
    description: article.description,
    inLanguage: article.language,
    datePublished: time(article.published),
    dateModified: time(article.modified),
    author:
      article.authors.length > 0
        ? article.authors.map(person)
        : [
            {
              "@type": "Organization",
              name: article.source.name,
              ...(article.source.url ? { url: article.source.url } : {}),
            },
          ],
    ...(article.contributors.length > 0 ? { contributor: article.contributors.map(person) } : {}),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: publisher.name,
      url: publisher.url,
      logo: {
        "@type": "ImageObject",
        url: publisher.logo.url,
        width: pixels(publisher.logo.width),
        height: pixels(publisher.logo.height),
      },
    },
    ...(article.image
      ? {
          image: [
            {
              "@type": "ImageObject",
              url: article.image.url,
              width: pixels(article.image.width),
              height: pixels(article.image.height),
            },
          ],
        }
      : {}),
    ...(article.dateline ? { dateline: article.dateline } : {}),
    articleSection: article.section,
    ...(article.tags.length > 0 ? { keywords: article.tags.join(", ") } : {}),
    isAccessibleForFree: true,
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((correction): CorrectionComment => ({
            "@type": "CorrectionComment",
            text: correction.text,
            datePublished: time(correction.date),
          })),
        }
      : {}),
  } satisfies Omit<NewsArticle & object, "@type">;
  if (!live) return { "@context": "https://schema.org", "@type": "NewsArticle", ...common };
  return {
    "@context": "https://schema.org",
    "@type": "LiveBlogPosting",
    ...common,
    coverageStartTime: time(article.published),
    ...(article.developing ? {} : { coverageEndTime: time(lastUpdate) }),
    // A story still developing with no update yet has no `liveBlogUpdate` at all.
    ...(article.updates.length > 0
      ? {
          liveBlogUpdate: article.updates.map((update): BlogPosting => ({
            "@type": "BlogPosting",
            "@id": `${article.url}#${update.id}`,
            url: `${article.url}#${update.id}`,
            headline: update.title || `Update, ${formatDateTime(update.time, timeZone)}`,
            datePublished: time(update.time),
            ...(update.text ? { articleBody: update.text } : {}),
          })),
        }
      : {}),
  };
}

/**
 * JSON for inside a `<script>` element: `<`, `>` and `&` as Unicode escapes,
 * so no text (a headline containing `</script>`, say) can end the element,
 * and the line separators JavaScript parsers trip on escaped too. The result
 * is still valid JSON that parses to the same value.
 *
 * @example scriptSafeJson({ headline: "</script>" }) // '{"headline":"\\u003c/script\\u003e"}'
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/**
 * The credited news organisation with its home page: the publication's own
 * for itself, the site config's `sources` for another, none when unknown.
 *
 * @example creditedSource("CNN", { names: ["Dateline"], url: "https://x.example/" }, { CNN: "https://www.cnn.com/" })
 * // { name: "CNN", url: "https://www.cnn.com/" }
 */
export function creditedSource(
  name: string,
  publication: { names: readonly string[]; url: string },
  sources: Readonly<Record<string, string>>,
): { name: string; url?: string | undefined } {
  if (publication.names.includes(name)) return { name, url: publication.url };
  return { name, url: Object.hasOwn(sources, name) ? sources[name] : undefined };
}
