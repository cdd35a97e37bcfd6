/**
 * A URL slug: ASCII, lower case, accents folded, words joined by hyphens, at
 * most `maxLength` characters, cut at a word boundary where possible. Used for
 * article file names, tags and people.
 *
 * @example slugify("Café Olé: the sequel") // "cafe-ole-the-sequel"
 * @example slugify("Jeff Sessions says his recusal", 20) // "jeff-sessions-says"
 */
export function slugify(text: string, maxLength = DEFAULT_LENGTH): string {
  // Listings slugify every story's tags and people on every build (and every
  // edit in `astro dev`): the same few thousand names, so they are kept.
  const known = maxLength === DEFAULT_LENGTH ? slugs.get(text) : undefined;
  if (known !== undefined) return known;
  const slug = cut(fold(text), maxLength);
  if (maxLength === DEFAULT_LENGTH) {
    if (slugs.size >= MOST_KEPT) slugs.clear();
    slugs.set(text, slug);
  }
  return slug;
}

/** A slug's length at most, unless the caller says otherwise. */
const DEFAULT_LENGTH = 80;

/** Slugs made at the default length, by text; at most MOST_KEPT of them. */
const slugs = new Map<string, string>();
const MOST_KEPT = 100_000;

/** The text as a slug of any length. */
function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/['’]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** A slug at most `maxLength` characters long, cut at a word boundary where possible. */
function cut(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const head = slug.slice(0, maxLength + 1);
  const boundary = head.lastIndexOf("-");
  return (boundary > maxLength / 2 ? head.slice(0, boundary) : slug.slice(0, maxLength)).replace(
    /-+$/,
    "",
  );
}
