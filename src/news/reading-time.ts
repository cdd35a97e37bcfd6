/** Adult silent reading speed for news copy, in words a minute. */
export const WORDS_PER_MINUTE = 230;

/**
 * Words in a Markdown text, not counting link targets or markup.
 *
 * @example countWords("A [linked](https://example.com) *word*.") // 3
 */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/<[^>]+>/g, " ")
    .replace(/[#>*_`~|-]+/g, " ");
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * Whole minutes to read, at least one.
 *
 * @example readingMinutes(600) // 3
 */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
