/** Inline elements that sit in running text: a word may touch a link across their tags. */
const INLINE = "(?:span|time|em|strong|b|i|mark|abbr|small|cite|q|code)";
const WORD = String.raw`[\p{L}\p{N}]`;

/** Glued before a link: a word or a comma-like mark, then (past closing inline tags) `<a`. */
const BEFORE = new RegExp(String.raw`(?:${WORD}|[,;:])(?:</${INLINE}>)*<a\b`, "gu");
/** Glued after a link: `</a>`, then (past opening inline tags) a word. */
const AFTER = new RegExp(String.raw`</a>(?:<${INLINE}\b[^>]*>)*${WORD}`, "gu");

/** The text around an offset of the HTML, tags dropped, for a readable message. */
function around(html: string, at: number): string {
  const strip = (part: string) => part.replace(/<[^>]*>/g, "").replace(/\s+/g, " ");
  return `${strip(html.slice(Math.max(0, at - 80), at)).slice(-25)}|${strip(html.slice(at, at + 120)).slice(0, 25)}`;
}

/**
 * Places where a word runs into a link with no space between ("Try<a>searching</a>",
 * "section,<a>topic</a>", "<a>the</a>topics"), which readers see as one word.
 * Scripts and styles are left out; each hit is the text around it, with `|`
 * where the link starts or ends.
 */
export function gluedToLinks(html: string): string[] {
  const text = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, "");
  return [...text.matchAll(BEFORE), ...text.matchAll(AFTER)].map((match) =>
    around(
      text,
      match.index + match[0].search(/<a\b|<\/a>/) + (match[0].startsWith("</a>") ? 4 : 0),
    ),
  );
}
