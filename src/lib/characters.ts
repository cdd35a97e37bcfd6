/**
 * Characters an editor cannot see, sorted by what the site does with them.
 * XML 1.0 forbids the C0 controls but tab, line feed and carriage return,
 * and U+FFFE/U+FFFF (one in a headline makes every feed ill-formed for every
 * reader); HTML calls them, DEL, the C1 controls and the noncharacters parse
 * errors. None is ever meant as text: the rules refuse each by name.
 */

/** Names of the controls editors meet, for messages ("U+000B vertical tab"). */
const NAMES: Record<number, string> = {
  0x00: "null",
  0x07: "bell",
  0x08: "backspace",
  0x0b: "vertical tab",
  0x0c: "form feed",
  0x1b: "escape",
  0x7f: "delete",
  0x85: "next line",
  0x200b: "zero-width space",
  0x200c: "zero-width non-joiner",
  0x200d: "zero-width joiner",
  0x2060: "word joiner",
  0xfeff: "byte order mark",
  0x00ad: "soft hyphen",
  0x202a: "left-to-right embedding",
  0x202b: "right-to-left embedding",
  0x202c: "pop directional formatting",
  0x202d: "left-to-right override",
  0x202e: "right-to-left override",
  0x2066: "left-to-right isolate",
  0x2067: "right-to-left isolate",
  0x2068: "first strong isolate",
  0x2069: "pop directional isolate",
};

/**
 * A character as a message names it: its code point and, where it has one,
 * its name.
 *
 * @example characterName(0x0b) // "U+000B vertical tab"
 * @example characterName(0x1f) // "U+001F, a control character"
 */
export function characterName(code: number): string {
  const point = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = NAMES[code];
  if (name) return `${point} ${name}`;
  if (code >= 0xd800 && code <= 0xdfff)
    return `${point}, half of a character (an unpaired surrogate)`;
  if (isNoncharacter(code)) return `${point}, a noncharacter`;
  return `${point}, a control character`;
}

function isNoncharacter(code: number): boolean {
  return (code >= 0xfdd0 && code <= 0xfdef) || (code & 0xfffe) === 0xfffe;
}

/**
 * Whether a code point may never be published: a control character other
 * than tab, line feed and carriage return (C0, DEL, C1), a noncharacter, or
 * half of a surrogate pair. Vertical tab and form feed are among them: the
 * rules turn those into spaces before they judge (`spaceLayoutControls`).
 */
export function isForbidden(code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code >= 0x7f && code <= 0x9f) return true;
  return (code >= 0xd800 && code <= 0xdfff) || isNoncharacter(code);
}

// C0 but tab, LF and CR; DEL and C1; U+FDD0–U+FDEF and U+FFFE/F; the same
// two in every other plane (as surrogate pairs: a high surrogate ending in
// 0x3F, then DFFE or DFFF); unpaired surrogates, which only YAML escapes can
// make. Written over UTF-16 units, without the `u` flag and its \p{Cs}.
const FORBIDDEN =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]|[\ud83f\ud87f\ud8bf\ud8ff\ud93f\ud97f\ud9bf\ud9ff\uda3f\uda7f\udabf\udaff\udb3f\udb7f\udbbf\udbff][\udffe\udfff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The first character of a text that may never be published, with its
 * index (in UTF-16 units) and code point; undefined when there is none.
 *
 * @example firstForbidden("Storm\u001b warning") // { index: 5, code: 27 }
 */
export function firstForbidden(text: string): { index: number; code: number } | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  return { index: match.index, code: match[0].codePointAt(0) ?? 0 };
}

/**
 * Word's manual line break (Shift+Enter) reaches plain text as a vertical
 * tab, and a page break as a form feed: both were layout on a printed page.
 * A web page reflows its text for every screen, so each becomes the space a
 * reader sees between the words. A space rather than a new line: a new line
 * in Markdown could end a heading or start a list the editor never wrote,
 * and it would move every later line's number in the rules' messages.
 *
 * @example spaceLayoutControls("Line one\u000bline two") // "Line one line two"
 */
export function spaceLayoutControls(text: string): string {
  return text.includes("\u000b") || text.includes("\u000c")
    ? text.replace(/[\u000b\u000c]/g, " ")
    : text;
}

// Whitespace, the format characters (zero-width space and joiners, word
// joiner, byte order mark, soft hyphen, bidirectional marks) and the blank
// letters that render as nothing (Hangul fillers, the braille blank).
const INVISIBLE = /^[\s\p{Cf}\p{Cc}\p{Z}\u115f\u1160\u3164\uffa0\u2800]*$/u;

/**
 * Whether a text shows nothing at all: empty, or only whitespace and
 * characters that render as nothing (a headline of zero-width spaces is a
 * blank h1).
 *
 * @example isBlank("\u200b\u200b") // true
 */
export function isBlank(text: string): boolean {
  return INVISIBLE.test(text);
}

/**
 * The invisible characters of a blank text, for a message: "U+200B
 * zero-width space (3 times)"; undefined when it is empty or whitespace only.
 */
export function describeInvisible(text: string): string | undefined {
  const counts = new Map<number, number>();
  for (const char of text) {
    if (/\s/.test(char)) continue;
    const code = char.codePointAt(0) ?? 0;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  if (counts.size === 0) return undefined;
  return [...counts]
    .map(([code, count]) => `${characterName(code)}${count > 1 ? ` (${count} times)` : ""}`)
    .join(", ");
}

// U+202A–U+202E (embeddings and overrides) and U+2066–U+2069 (isolates).
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * The first bidirectional control character of a text: it changes the order
 * in which the text is shown, so "moc.elpmaxe" can read "example.com".
 */
export function firstBidiControl(text: string): { index: number; code: number } | undefined {
  const match = BIDI_CONTROL.exec(text);
  return match ? { index: match.index, code: match[0].codePointAt(0) ?? 0 } : undefined;
}
