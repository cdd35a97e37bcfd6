import { render } from "astro:content";
import { experimental_AstroContainer as AstroContainer } from "astro/container";
import { lastChange, sourceOf, type Article } from "../news/articles.ts";
import { sharedImage } from "./lead-image.ts";
import { storyHtml } from "../news/story-html.ts";
import type { FeedItem } from "./feeds.ts";
import { contributorLine } from "../lib/names.ts";
import { nameSlug } from "../lib/slug.ts";
import { listingPath } from "../site/routes.ts";
import { absolutizeHtml, escapeXml } from "./xml.ts";
import { site } from "../site/site.ts";

/** Feed items by article: a story in the site's, its section's and the developing feeds, in three formats each, is built once. */
const items = new WeakMap<Article, Promise<FeedItem>>();

let container: Promise<AstroContainer> | undefined;

/**
 * The story's body as HTML. Content sync stores it rendered, but an image
 * in the body is stored as a placeholder that Astro's image pipeline fills
 * in only when the entry is rendered: such a story is rendered again here,
 * with the Container API as Astro's RSS guide does.
 */
async function bodyHtml(article: Article): Promise<string> {
  const rendered = article.entry.rendered;
  if (!rendered?.metadata?.imagePaths?.length) return storyHtml(article.entry);
  const { Content } = await render(article.entry);
  container ??= AstroContainer.create();
  return (await container).renderToString(Content);
}

/**
 * A story as a feed item: the lead image, the full rendered body, then the contributor line
 * and any corrections as on the page, with every URL absolute. Without a byline the story
 * is credited to its source, as its structured data does.
 */
export function feedItem(article: Article): Promise<FeedItem> {
  let item = items.get(article);
  if (!item) {
    item = buildItem(article);
    items.set(article, item);
  }
  return item;
}

async function buildItem(article: Article): Promise<FeedItem> {
  const { data } = article;
  const url = site.absoluteUrl(article.path);
  const source = sourceOf(data);
  const credit = contributorLine(source, data.contributors);
  const corrections = data.corrections.map(
    (correction) =>
      `<p><strong>Correction, ${escapeXml(site.formatDate(correction.date))}:</strong> ${escapeXml(correction.text)}</p>`,
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
    await bodyHtml(article),
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
    authors:
      data.authors.length > 0
        ? data.authors.map((name) => ({
            name,
            url: site.absoluteUrl(listingPath("person", nameSlug(name))),
          }))
        : [{ name: source }],
    categories: [article.sectionName, ...data.tags],
  };
}
