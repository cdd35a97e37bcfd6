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

/** Letters and digits of any script, their marks, and emoji: what a name's address keeps. */
const NAME_WORD = /[\p{L}\p{N}\p{M}\p{Extended_Pictographic}]/u;

/**
 * Characters that only separate a name's words: spaces, dashes, and the
 * punctuation of ordinary names ("Donald J. Trump", "O'Brien", "Smith, Jr.").
 * A name of words and these alone is told apart from every other by its
 * words; any other character ("+" in C++, "#" in C#, "&" in AT&T) tells
 * names apart that the words alone would not.
 */
const NAME_SEPARATOR = /[\s\-_.,;:!?'"()[\]/‘’“”–—…]/u;

/** The longest readable part of a name's address. */
const NAME_LENGTH = 80;

/**
 * The address of a tag or a person: stable (the name alone decides it),
 * readable, and one per name, whatever the script.
 *
 * - A name of letters and digits (any script) and separators is its words,
 *   lower case, joined by hyphens: "Jeff Sessions" → `jeff-sessions` (as it
 *   always was), "José Pérez" → `josé-pérez` (no longer `jose-perez`, which
 *   is Jose Perez's), "東京" → `東京`, "Москва" → `москва`, "🔥" → `🔥`.
 *   Names that differ only in case or separators ("jeff sessions") share it.
 * - Any other name, and one whose words run past 80 characters, adds a
 *   short hash of the whole name after two hyphens, which no name's words
 *   ever give: "C++" → `c--l4ge7k`, "C#" → `c--15ny19f`.
 *
 * Accents are kept, not folded: the address is an IRI, percent-encoded in
 * URLs (`/people/jos%C3%A9-p%C3%A9rez/`), and shown as written by browsers.
 * The file names of stories keep their own rule (`slugify`): those are
 * addresses the editor chose.
 *
 * @example nameSlug("Jeff Sessions") // "jeff-sessions"
 * @example nameSlug("東京") // "東京"
 */
export function nameSlug(name: string): string {
  const known = nameSlugs.get(name);
  if (known !== undefined) return known;
  const text = name.normalize("NFC").trim();
  const lower = text.toLowerCase();
  const words = lower
    .replace(/['’]/g, "")
    .replace(/[^\p{L}\p{N}\p{M}\p{Extended_Pictographic}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const faithful = [...text].every((char) => NAME_WORD.test(char) || NAME_SEPARATOR.test(char));
  const slug =
    faithful && words !== "" && words.length <= NAME_LENGTH
      ? words
      : `${cut(words, NAME_LENGTH)}--${nameHash(lower.replace(/\s+/g, " "))}`;
  if (nameSlugs.size >= MOST_KEPT) nameSlugs.clear();
  nameSlugs.set(name, slug);
  return slug;
}

/** Names' addresses, by name (listings ask for the same names on every page). */
const nameSlugs = new Map<string, string>();

/**
 * A short, stable hash of a name: FNV-1a over its UTF-16 units, in base 36
 * (at most 7 characters). Two names that share their words would need the
 * same 32-bit hash to share an address.
 */
function nameHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
