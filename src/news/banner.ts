/** A developing story as the banner names it. */
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
  /** The call to action and where it leads (site path), from the site's settings. */
  text: string;
  path: string;
  /** The optional newsletter sign-up from the site's settings. */
  newsletter?: { text: string; href: string } | undefined;
  /** The two developing stories updated most recently: a page names the first that is not itself. */
  developing: BannerStory[];
}

/** The banner's one line: a developing story, or an invitation to follow. */
export type BannerLine =
  | { kind: "live"; story: BannerStory }
  | {
      kind: "invite";
      text: string;
      /** A site path, or the newsletter's own URL. */
      href: string;
      /** Whether the invitation is to the feeds (listed beside it) rather than a newsletter. */
      feeds: boolean;
    };

/**
 * What the banner says on the page at `here` (a site path): the most
 * recently updated developing story that is not the page itself (its own
 * page says so already); else an invitation to the newsletter when the site
 * has one, or to follow the developing stories' feeds. Never that nothing is
 * happening.
 */
export function bannerLine(model: BannerModel, here: string): BannerLine {
  const story = model.developing.find((candidate) => candidate.path !== here);
  if (story) return { kind: "live", story };
  return model.newsletter
    ? { kind: "invite", text: model.newsletter.text, href: model.newsletter.href, feeds: false }
    : { kind: "invite", text: model.text, href: model.path, feeds: true };
}
