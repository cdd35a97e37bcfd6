/** What the banner needs of a developing story. */
export interface BannerStory {
  path: string;
  updates: readonly { id: string }[];
}

/** The banner's one line: a developing story, or an invitation to follow. */
export type BannerLine<A> =
  | {
      kind: "live";
      story: A;
      /** Site path of the story's latest update (or of the story, before its first). */
      path: string;
    }
  | {
      kind: "invite";
      text: string;
      /** A site path, or the newsletter's own URL. */
      href: string;
      /** Whether the invitation is to the feeds (listed beside it) rather than a newsletter. */
      feeds: boolean;
    };

/**
 * What the banner says on the page at `here`: the most recently updated
 * developing story that is not the page itself (its own page says it
 * already), linking to its latest update; else an invitation to the
 * newsletter when the site has one, or to the developing stories' feeds.
 * Never that nothing is happening.
 */
export function bannerLine<A extends BannerStory>(
  developing: readonly A[],
  here: string,
  banner: { text: string; href: string; newsletter?: { text: string; href: string } | undefined },
): BannerLine<A> {
  const story = developing.find((article) => article.path !== here);
  if (story) {
    const latest = story.updates[0];
    return { kind: "live", story, path: `${story.path}${latest ? `#${latest.id}` : ""}` };
  }
  return banner.newsletter
    ? { kind: "invite", text: banner.newsletter.text, href: banner.newsletter.href, feeds: false }
    : { kind: "invite", text: banner.text, href: banner.href, feeds: true };
}
