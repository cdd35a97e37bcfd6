/**
 * Helpers for the search page's results, kept apart from the DOM so they can
 * be tested: Pagefind's excerpts are text with `<mark>` around matches and
 * HTML entities for `<`, `>`, `&` and quotes.
 */

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
};

/** Each character of the excerpt's text, with where it starts in the HTML and whether a mark is open. */
function characters(html: string): { char: string; at: number; marked: boolean }[] {
  const chars: { char: string; at: number; marked: boolean }[] = [];
  let marked = false;
  let i = 0;
  while (i < html.length) {
    if (html[i] === "<") {
      const end = html.indexOf(">", i);
      if (end === -1) break;
      const tag = html.slice(i, end + 1).toLowerCase();
      if (tag === "<mark>") marked = true;
      if (tag === "</mark>") marked = false;
      i = end + 1;
      continue;
    }
    const entity = html[i] === "&" ? /^&[#a-z0-9]+;/i.exec(html.slice(i, i + 8))?.[0] : undefined;
    chars.push({ char: entity ? (ENTITIES[entity] ?? entity) : (html[i] ?? ""), at: i, marked });
    i += entity ? entity.length : 1;
  }
  return chars;
}

/**
 * An excerpt without the headline it starts with: Pagefind indexes the whole
 * article, headline included, and a result already shows the headline above
 * its excerpt. Drops the longest tail of the headline (two words or more)
 * the excerpt opens with, since an excerpt may start mid-headline.
 *
 * @example excerptWithoutTitle("<mark>Storm</mark> moves up the coast The storm…", "Storm moves up the coast") // "The storm…"
 */
export function excerptWithoutTitle(html: string, title: string): string {
  const chars = characters(html);
  const text = chars
    .map((c) => c.char)
    .join("")
    .toLowerCase();
  const words = title.trim().toLowerCase().split(/\s+/);
  for (let k = 0; k <= words.length - 2; k++) {
    const tail = words.slice(k).join(" ");
    if (!text.startsWith(tail)) continue;
    let cut = tail.length;
    while (cut < chars.length && /[\s.,;:—–-]/.test(chars[cut]?.char ?? "")) cut++;
    const rest = chars[cut];
    if (!rest) return "";
    return `${rest.marked ? "<mark>" : ""}${html.slice(rest.at)}`;
  }
  return html;
}

/**
 * The section slug in an article's address, `/YYYY/MM/DD/<section>/<slug>/`,
 * under the deployment's base path; `undefined` for any other page.
 *
 * @example sectionOfUrl("/news/2021/03/01/world/storm/", "/news/") // "world"
 */
export function sectionOfUrl(url: string, base: string): string | undefined {
  const path = new URL(url, "https://x.invalid").pathname;
  const rest = path.startsWith(base) ? path.slice(base.length) : path.replace(/^\//, "");
  return /^\d{4}\/\d{2}\/\d{2}\/([^/]+)\/[^/]+\/?$/.exec(rest)?.[1];
}
