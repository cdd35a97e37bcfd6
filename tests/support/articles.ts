import type { CollectionEntry } from "astro:content";

type Data = CollectionEntry<"articles">["data"];

/**
 * A collection entry as `getCollection("articles")` returns it, for tests
 * that mock astro:content: valid data with defaults, the body and a digest.
 */
export function entry(
  id: string,
  data: Partial<Data> & { published: Date },
  body = "Text of the story.",
): CollectionEntry<"articles"> {
  return {
    id,
    filePath: `content/${id}.md`,
    collection: "articles",
    body,
    digest: `digest-${id}-${body.length}-${JSON.stringify(data).length}`,
    data: {
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
    },
  } as CollectionEntry<"articles">;
}
