import { lastChange, type Article } from "./articles.ts";
import { formatDate } from "./dates.ts";
import { sharedImage } from "./lead-image.ts";
import type { FeedItem } from "./feeds.ts";
import { contributorLine } from "./names.ts";
import { slugify } from "./slug.ts";
import { absoluteUrl } from "./site-urls.ts";
import { absolutizeHtml, escapeXml } from "./xml.ts";
import { site } from "../site.config.ts";

/**
 * A story as a feed item: the lead image, the full rendered body, then the contributor line
 * and any corrections as on the page, with every URL absolute.
 */
export async function feedItem(article: Article): Promise<FeedItem> {
  const { data } = article;
  const url = absoluteUrl(article.path);
  const credit = contributorLine(data.source ?? site.shortName, data.contributors);
  const corrections = data.corrections.map(
    (correction) =>
      `<p><strong>Correction, ${escapeXml(formatDate(correction.date, site.timeZone))}:</strong> ${escapeXml(correction.text)}</p>`,
  );
  const image = await sharedImage(article);
  const figure = image
    ? `<figure><img src="${escapeXml(image.url)}" alt="${escapeXml(image.alt)}" width="${image.width}" height="${image.height}">${
        data.image?.caption || data.image?.credit
          ? `<figcaption>${escapeXml([data.image.caption, data.image.credit].filter(Boolean).join(" "))}</figcaption>`
          : ""
      }</figure>`
    : undefined;
  const html = [
    ...(figure ? [figure] : []),
    article.entry.rendered?.html ?? "",
    ...(credit ? [`<p><em>${escapeXml(credit)}</em></p>`] : []),
    ...corrections,
  ].join("\n");
  return {
    url,
    title: data.headline,
    summary: article.summary,
    contentHtml: absolutizeHtml(html, url),
    published: data.published,
    updated: lastChange(article),
    authors: data.authors.map((name) => ({ name, url: absoluteUrl(`/people/${slugify(name)}/`) })),
    categories: [article.sectionName, ...data.tags],
  };
}
