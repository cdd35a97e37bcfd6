/** What related-story scoring needs of an article. */
export interface RelatedInput {
  section: string;
  /** Tag slugs. */
  tags: readonly string[];
  /** Text whose words count: headline and summary, not the whole story. */
  text: string;
}

/** How much each shared feature is worth. */
export const WEIGHTS = { tag: 3, word: 1, section: 1 } as const;
/** Candidates scoring less than this are not related, only similar by chance. */
export const MIN_SCORE = 2;

const STOPWORDS = new Set(
  (
    "about after again against also among another because been before being between both could " +
    "does doing down during each even every from further have having here into just least like " +
    "made make many more most much must only other over said says same should since some still " +
    "such than that their them then there these they this those through under until very were " +
    "what when where which while will with would year years your than news report reports"
  ).split(" "),
);

/**
 * Significant words of a text: lower case, four letters or more, no stopwords.
 *
 * @example significantWords("Jeff Sessions says his recusal was an attempt") // Set {"jeff", "sessions", "recusal", "attempt"}
 */
export function significantWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of text
    .toLowerCase()
    .normalize("NFKD")
    .match(/\p{L}{4,}/gu) ?? []) {
    if (!STOPWORDS.has(word)) words.add(word);
  }
  return words;
}

/**
 * Up to `limit` related stories for every story, as indices into `items`
 * (which must be sorted newest first, so an index is also an age order).
 *
 * Scored by shared tags, shared significant words and the same section,
 * through inverted indexes rather than comparing every pair: each story only
 * meets the stories it shares a tag or a word with, and words or tags shared
 * by more than `maxPosting` stories are too common to tell anything. Ties go
 * to the newer story. Where too few stories score, the newest stories of the
 * same section fill the remaining places. Never the story itself;
 * deterministic for the same input.
 */
export function relatedStories(
  items: readonly RelatedInput[],
  { limit = 4, maxPosting = 500 }: { limit?: number; maxPosting?: number } = {},
): number[][] {
  const byTag = invertedIndex(items.map((item) => new Set(item.tags)));
  const words = items.map((item) => significantWords(item.text));
  const byWord = invertedIndex(words);
  const bySection = invertedIndex(items.map((item) => new Set([item.section])));

  return items.map((item, self) => {
    const scores = new Map<number, number>();
    const add = (postings: readonly number[] | undefined, weight: number) => {
      if (!postings || postings.length > maxPosting) return;
      for (const other of postings) {
        if (other !== self) scores.set(other, (scores.get(other) ?? 0) + weight);
      }
    };
    for (const tag of new Set(item.tags)) add(byTag.get(tag), WEIGHTS.tag);
    for (const word of words[self] ?? []) add(byWord.get(word), WEIGHTS.word);
    for (const [other, score] of scores) {
      if (items[other]?.section === item.section) scores.set(other, score + WEIGHTS.section);
    }
    const chosen = [...scores]
      .filter(([, score]) => score >= MIN_SCORE)
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || a - b)
      .slice(0, limit)
      .map(([index]) => index);
    for (const other of bySection.get(item.section) ?? []) {
      if (chosen.length >= limit) break;
      if (other !== self && !chosen.includes(other)) chosen.push(other);
    }
    return chosen;
  });
}

/** Feature → the indices of the items that have it, in item order. */
function invertedIndex(features: readonly Set<string>[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  features.forEach((set, item) => {
    for (const feature of set) {
      const postings = index.get(feature);
      if (postings) postings.push(item);
      else index.set(feature, [item]);
    }
  });
  return index;
}
