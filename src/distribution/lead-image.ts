import { getImage } from "astro:assets";
import type { Article } from "../news/articles.ts";
import { site } from "../site/site.ts";

/** A lead image for use outside the page: feeds, Open Graph, structured data. */
export interface SharedImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

const cache = new Map<string, Promise<SharedImage | undefined>>();

/**
 * The article's lead image as one 1200-pixel-wide JPEG with an absolute URL
 * (the size news aggregators ask for), generated once per build.
 */
export function sharedImage(article: Article): Promise<SharedImage | undefined> {
  const image = article.data.image;
  if (!image) return Promise.resolve(undefined);
  let result = cache.get(article.path);
  if (!result) {
    result = getImage({
      src: image.src,
      width: Math.min(1200, image.src.width),
      format: "jpg",
    }).then((shared) => ({
      // Astro's image URLs carry the base path already.
      url: site.absoluteHref(shared.src),
      width: Number(shared.attributes["width"] ?? image.src.width),
      height: Number(shared.attributes["height"] ?? image.src.height),
      alt: image.alt,
    }));
    cache.set(article.path, result);
  }
  return result;
}
