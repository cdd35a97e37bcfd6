const WORD = /[\p{L}\p{N}]/u;
const OPENS_AFTER = /[\s([{\u2014\u2013\-/\u201c\u2018]/u;

/**
 * Replaces straight punctuation in one run of text. `before` is the character
 * that precedes the run in its block (a space at the start of the block).
 *
 * @example smarten(`"Don't," he said -- twice...`, " ") // “Don’t,” he said — twice…
 */
export function smarten(text: string, before = " "): string {
  const dashed = text.replace(/-{2,3}/g, "\u2014").replace(/\.\.\./g, "\u2026");
  let out = "";
  let previous = before;
  for (let i = 0; i < dashed.length; i++) {
    const char = dashed.charAt(i);
    let next = char;
    if (char === '"') {
      next = OPENS_AFTER.test(previous) ? "\u201c" : "\u201d";
    } else if (char === "'") {
      if (WORD.test(previous) || /\d/.test(dashed.charAt(i + 1))) next = "\u2019";
      else next = OPENS_AFTER.test(previous) ? "\u2018" : "\u2019";
    }
    out += next;
    previous = next;
  }
  return out;
}
