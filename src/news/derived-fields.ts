import { smarten } from "../lib/typography.ts";
import { extractUpdates } from "./live-updates.ts";
import { countWords } from "./reading-time.ts";
import { firstParagraph } from "./summary.ts";

/**
 * What is worked out from a story's text, once, when the content loader
 * (src/editor/article-loader.ts) renders it: stored with the rendered HTML,
 * so it is reused exactly as long as the rendering is, and no page of a
 * build (or request in `astro dev`) parses the Markdown again.
 */
export interface DerivedFields {
  /** The dek: `summary`, else the first paragraph; quotes and dashes set as in the story. */
  summary: string;
  words: number;
  /** Live updates, newest first, with ISO times. */
  updates: { time: string; title: string; id: string }[];
  problems: string[];
}

/** Where the derived fields live in a stored entry's `rendered.metadata`. */
export const DERIVED_KEY = "dateline";

/** Works out a story's derived fields from its Markdown body and frontmatter. */
export function deriveFields(
  body: string,
  data: { summary?: string | undefined; published: Date },
  timeZone: string,
): DerivedFields {
  const { updates, problems } = extractUpdates(body, { published: data.published, timeZone });
  return {
    summary: data.summary ? smarten(data.summary) : firstParagraph(body),
    words: countWords(body),
    updates: updates.map((update) => ({ ...update, time: update.time.toISOString() })),
    problems: problems.map((problem) => problem.message),
  };
}

/**
 * A stored entry's derived fields. Every entry the loader stores has them;
 * one without was stored by other code, which is a bug worth stopping for.
 */
export function derivedOf(entry: {
  id: string;
  rendered?: { metadata?: Record<string, unknown> } | undefined;
}): DerivedFields {
  const derived = entry.rendered?.metadata?.[DERIVED_KEY];
  if (!derived) {
    throw new Error(
      `${entry.id}: the stored story has no derived fields; it was not stored by the articles loader (src/editor/article-loader.ts)`,
    );
  }
  return derived as DerivedFields;
}
