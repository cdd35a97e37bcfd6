/** A live story as the banner names it. */
export interface BannerStory {
  /** Site path of the story. */
  path: string;
  headline: string;
  /** Site path of its latest update (of the story itself, before its first update). */
  link: string;
  /** When it last changed. */
  time: Date;
  /** Whether that time falls on the build's day, where it reads as a time rather than a date. */
  today: boolean;
}

/** What the banner can show; the pages' cache keys digest it (src/news/site-chrome.ts). */
export interface BannerModel {
  /** The banner's heading and name, from the site's settings: "Stay Updated on Developing Stories". */
  text: string;
  /** The page that explains following the developing stories (a site path). */
  path: string;
  /** The optional newsletter sign-up from the site's settings. */
  newsletter?: { text: string; href: string } | undefined;
  /**
   * The live stories updated most recently, enough that a page can skip the
   * one it is and the one it leads with.
   */
  developing: BannerStory[];
}

/** How many live stories the banner's model carries (see `BannerModel.developing`). */
export const BANNER_STORIES = 3;

/** The banner's content: a live story, or an invitation to follow the newsroom. */
export type BannerLine =
  | { kind: "live"; story: BannerStory }
  | {
      kind: "invite";
      /** The banner's heading, which it keeps with nothing live. */
      heading: string;
      /** The call to action's words. */
      text: string;
      /** A site path, or the newsletter's own URL. */
      href: string;
      /** Whether the invitation is to the newsletter rather than the page about following. */
      newsletter: boolean;
    };

/**
 * What the banner says on the page at `here` (a site path): the most
 * recently updated live story that the page does not show already (its own
 * page, or the story the page leads with: `shown`); else an invitation to
 * the newsletter when the site has one, or to the page about following the
 * developing stories. Never that nothing is happening.
 */
export function bannerLine(
  model: BannerModel,
  here: string,
  shown: readonly string[] = [],
): BannerLine {
  const story = model.developing.find(
    (candidate) => candidate.path !== here && !shown.includes(candidate.path),
  );
  if (story) return { kind: "live", story };
  const heading = model.text;
  return model.newsletter
    ? { kind: "invite", heading, ...model.newsletter, newsletter: true }
    : { kind: "invite", heading, text: "Follow the newsroom", href: model.path, newsletter: false };
}
