/** What a feed needs to know of a story to place it. */
export interface FeedDated {
  developing: boolean;
  published: Date;
  /** The story's last change: its latest live update, or `updated`. */
  lastChange: Date;
}

/**
 * The time a feed files a story under: a developing story's last update (so
 * a story still moving stays at the top of every feed, not only the
 * developing one), any other story's publication.
 */
export function feedDate(story: FeedDated): Date {
  return story.developing ? story.lastChange : story.published;
}

/**
 * The `limit` newest stories by feed date, newest first; stories of the same
 * time keep their order.
 *
 * @example newestInFeed(articles, (a) => ({ developing, published, lastChange }), 50)
 */
export function newestInFeed<T>(
  stories: readonly T[],
  dating: (story: T) => FeedDated,
  limit: number,
): T[] {
  return stories
    .map((story, index) => ({ story, index, time: feedDate(dating(story)).getTime() }))
    .sort((a, b) => b.time - a.time || a.index - b.index)
    .slice(0, limit)
    .map(({ story }) => story);
}
