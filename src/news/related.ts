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
/**
 * Candidates scoring less than this are not related, only similar by chance:
 * it takes a shared tag, or three shared significant words (two in the same
 * section). One common word and the same section, which the old threshold
 * of 2 let through, paired stories that had nothing to do with each other.
 */
export const MIN_SCORE = 3;

/**
 * What an article shows under itself: stories that are really related, or,
 * when none is, the newest stories of its own section, labelled as such.
 */
export interface RelatedPick {
  kind: "related" | "section";
  /** Indices into the scored items, best first (newest first for `section`). */
  items: number[];
}

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
 * by more than `maxPosting` stories are too common to tell anything, as is a
 * word in more than half the stories (on a small site, the words every story
 * shares: "fixture", a recurring series name). Ties go
 * to the newer story. Only stories scoring at least `MIN_SCORE` count as
 * related, and they are never padded with others; where none scores, the
 * pick is the newest stories of the same section instead (kind `section`), so
 * the page can say "More in Politics" rather than pass them off as related.
 * Never the story itself; deterministic for the same input.
 */
export function relatedStories(
  items: readonly RelatedInput[],
  { limit = 4, maxPosting = 500 }: { limit?: number; maxPosting?: number } = {},
): RelatedPick[] {
  const byTag = invertedIndex(items.map((item) => new Set(item.tags)));
  const words = items.map((item) => significantWords(item.text));
  const byWord = invertedIndex(words);
  const maxWordPosting = Math.min(maxPosting, Math.max(2, Math.floor(items.length / 2)));
  const bySection = invertedIndex(items.map((item) => new Set([item.section])));

  // Scores in one array reused for every story, with the list of those it
  // touched: a Map per story cost 1.3 s of every build at 10,000 stories.
  const scores = new Int32Array(items.length);
  const touched: number[] = [];
  return items.map((item, self) => {
    const add = (postings: readonly number[] | undefined, weight: number, max: number) => {
      if (!postings || postings.length > max) return;
      for (const other of postings) {
        if (other === self) continue;
        if (scores[other] === 0) touched.push(other);
        scores[other] = (scores[other] as number) + weight;
      }
    };
    for (const tag of new Set(item.tags)) add(byTag.get(tag), WEIGHTS.tag, maxPosting);
    for (const word of words[self] ?? []) add(byWord.get(word), WEIGHTS.word, maxWordPosting);
    const candidates: [number, number][] = [];
    for (const other of touched) {
      const score =
        (scores[other] as number) + (items[other]?.section === item.section ? WEIGHTS.section : 0);
      if (score >= MIN_SCORE) candidates.push([other, score]);
      scores[other] = 0;
    }
    touched.length = 0;
    const chosen = candidates
      .sort(([a, scoreA], [b, scoreB]) => scoreB - scoreA || a - b)
      .slice(0, limit)
      .map(([index]) => index);
    if (chosen.length > 0) return { kind: "related", items: chosen };
    const section: number[] = [];
    for (const other of bySection.get(item.section) ?? []) {
      if (section.length >= limit) break;
      if (other !== self) section.push(other);
    }
    return { kind: "section", items: section };
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
