/** Adult silent reading speed for news copy, in words a minute. */
export const WORDS_PER_MINUTE = 230;

/**
 * Words in a Markdown text, not counting link targets or markup.
 *
 * @example countWords("A [linked](https://example.com) *word*.") // 3
 */
export function countWords(markdown: string): number {
  let text = markdown;
  if (text.includes("](")) text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1");
  if (text.includes("<")) text = text.replace(/<[^>]+>/g, " ");
  return text.match(WORD)?.length ?? 0;
}

/**
 * A word: a run of characters between white space and Markdown's marks
 * (`#>*_\`~|-`) with a letter or digit in it. Matched in one pass over the
 * text (the content sync counts every story's words).
 */
const WORD = /[^\s#>*_`~|-]*[\p{L}\p{N}][^\s#>*_`~|-]*/gu;

/**
 * Whole minutes to read, at least one.
 *
 * @example readingMinutes(600) // 3
 */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
