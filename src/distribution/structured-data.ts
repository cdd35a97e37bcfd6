import { isoDateTime } from "../lib/dates.ts";
import type { LiveUpdate } from "../news/live-updates.ts";

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
  /** Credited when there is no byline. */
  source: string;
  dateline?: string | undefined;
  section: string;
  tags: readonly string[];
  image?: { url: string; width: number; height: number } | undefined;
  corrections: readonly { date: Date; text: string }[];
  developing: boolean;
  updates: readonly LiveUpdate[];
  language: string;
}

/** The publisher, from the site config. */
export interface Publisher {
  name: string;
  url: string;
  logo: { url: string; width: number; height: number };
}

/**
 * Schema.org JSON-LD for an article: `NewsArticle`, or `LiveBlogPosting` for a
 * story with live updates (coverage ends with its last update once it is no
 * longer developing).
 */
export function articleJsonLd(
  article: StructuredArticle,
  publisher: Publisher,
  timeZone: string,
): Record<string, unknown> {
  const time = (date: Date) => isoDateTime(date, timeZone);
  const live = article.developing || article.updates.length > 0;
  const lastUpdate = article.updates[0]?.time ?? article.modified;
  return {
    "@context": "https://schema.org",
    "@type": live ? "LiveBlogPosting" : "NewsArticle",
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
        ? article.authors.map((author) => ({
            "@type": "Person",
            name: author.name,
            url: author.url,
          }))
        : [{ "@type": "Organization", name: article.source }],
    ...(article.contributors.length > 0
      ? {
          contributor: article.contributors.map((person) => ({
            "@type": "Person",
            name: person.name,
            url: person.url,
          })),
        }
      : {}),
    publisher: {
      "@type": "NewsMediaOrganization",
      name: publisher.name,
      url: publisher.url,
      logo: { "@type": "ImageObject", ...publisher.logo },
    },
    ...(article.image
      ? {
          image: [
            {
              "@type": "ImageObject",
              url: article.image.url,
              width: article.image.width,
              height: article.image.height,
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
          correction: article.corrections.map((correction) => ({
            "@type": "CorrectionComment",
            text: correction.text,
            datePublished: time(correction.date),
          })),
        }
      : {}),
    ...(live
      ? {
          coverageStartTime: time(article.published),
          ...(article.developing ? {} : { coverageEndTime: time(lastUpdate) }),
          liveBlogUpdate: article.updates.map((update) => ({
            "@type": "BlogPosting",
            "@id": `${article.url}#${update.id}`,
            url: `${article.url}#${update.id}`,
            headline: update.title || article.headline,
            datePublished: time(update.time),
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
