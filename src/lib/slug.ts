/**
 * A URL slug: ASCII, lower case, accents folded, words joined by hyphens, at
 * most `maxLength` characters, cut at a word boundary where possible. Used for
 * article file names, tags and people.
 *
 * @example slugify("Café Olé: the sequel") // "cafe-ole-the-sequel"
 * @example slugify("Jeff Sessions says his recusal", 20) // "jeff-sessions-says"
 */
export function slugify(text: string, maxLength = 80): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[æÆ]/g, "ae")
    .replace(/[øØ]/g, "o")
    .replace(/['’]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength + 1);
  const boundary = cut.lastIndexOf("-");
  return (boundary > maxLength / 2 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(
    /-+$/,
    "",
  );
}
