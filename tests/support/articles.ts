import type { CollectionEntry } from "astro:content";
import { DERIVED_KEY, deriveFields } from "../../src/news/derived-fields.ts";
import { site } from "../../src/site.config.ts";

type Data = CollectionEntry<"articles">["data"];

/**
 * A collection entry as `getCollection("articles")` returns it, for tests
 * that mock astro:content: valid data with defaults, the body, a digest and the
 * derived fields the loader stores.
 */
export function entry(
  id: string,
  data: Partial<Data> & { published: Date },
  body = "Text of the story.",
): CollectionEntry<"articles"> {
  const full = {
    headline: `Headline of ${id}`,
    section: "politics",
    tags: [],
    authors: [],
    contributors: [],
    corrections: [],
    developing: false,
    featured: false,
    draft: false,
    ...data,
  };
  return {
    id,
    filePath: `content/${id}.md`,
    collection: "articles",
    body,
    digest: `digest-${id}-${body.length}-${JSON.stringify(data).length}`,
    data: full,
    // What the loader stores with the rendered story (src/editor/article-loader.ts).
    rendered: {
      html: "",
      metadata: { imagePaths: [], [DERIVED_KEY]: deriveFields(body, full, site.timeZone) },
    },
  } as CollectionEntry<"articles">;
}
