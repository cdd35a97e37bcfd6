/**
 * The publication's settings: the one typed place for everything that differs
 * between newsrooms. Pages, components and Markdown plugins import it; pure
 * helpers in src/lib/ receive the values they need as arguments instead.
 */
export interface SiteConfig {
  /** The publication's full name, shown in the header, titles and feeds. */
  name: string;
  /** Short name used in credits, e.g. the "(CNN)" of a dateline; the default `source`. */
  shortName: string;
  /** Absolute origin the site is served from, used for canonical URLs. */
  url: string;
  /** BCP 47 language tag of the content, written to `<html lang>`. */
  language: string;
  /** IANA time zone every date is shown in and permalinks are dated in. */
  timeZone: string;
  /** Section slug for articles whose frontmatter names none. */
  defaultSection: string;
  /**
   * The newsroom's sections in navigation order, with their display names.
   * A section used by an article but missing here still gets a page, named
   * from its slug, after these in the navigation.
   */
  sections: readonly { slug: string; name: string }[];
  /** One-line description of the publication, for the home page and feeds. */
  description: string;
  /**
   * The home pages of the news organisations stories credit as `source`, by
   * name, for the organisation's `url` in structured data (the publication
   * itself needs no entry). A source not listed is credited by name alone.
   */
  sources: Readonly<Record<string, string>>;
  /** The publisher's logo for structured data: a file in public/, at most 600×60 pixels. */
  logo: { path: string; width: number; height: number };
  /**
   * The picture shared with a story that has no lead image (Open Graph,
   * Twitter and structured data), and with every other page: a file in
   * public/, ideally 1200×630 pixels, with its alt text.
   */
  shareImage: { path: string; width: number; height: number; alt: string };
  /**
   * How long a developing story stays live without an update, in hours
   * (default 12). After that it is no longer shown as live anywhere: no Live
   * mark, no place in the banner or the front page's live block, no check
   * for new updates on its page; its timeline stays. Another update makes it
   * live again at the next build.
   */
  liveForHours: number;
  /**
   * How readers reach the newsroom, on the contact page the footer links to:
   * an email address, and optionally a line about what to write for (tips,
   * corrections) and a postal address.
   */
  contact: { email: string; note?: string | undefined; address?: string | undefined };
  /** The "Stay Updated" banner shown on every page. */
  banner: {
    /** The banner's heading, and its name for assistive technology. */
    text: string;
    /**
     * Where the banner invites readers to follow developing stories when
     * nothing is live and there is no newsletter: a site path (the base path
     * is added for you), by default the page that explains following them.
     */
    href: string;
    /**
     * Optional newsletter sign-up. When set, the banner invites readers to it
     * while no story is developing; without it the banner invites them to the
     * feeds. `href` is a full URL or a site path.
     */
    newsletter?: { text: string; href: string } | undefined;
  };
}

/**
 * Reads an optional environment variable at build time. Deployers can point the
 * same source tree at another origin without editing code.
 */
function env(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === "" ? undefined : value;
}

export const site: SiteConfig = {
  name: "Dateline",
  shortName: "Dateline",
  url: env("DATELINE_SITE_URL") ?? "https://dateline.example.com",
  language: "en-US",
  timeZone: "America/New_York",
  defaultSection: "news",
  sections: [
    { slug: "news", name: "News" },
    { slug: "politics", name: "Politics" },
    { slug: "world", name: "World" },
    { slug: "business", name: "Business" },
    { slug: "health", name: "Health" },
    { slug: "science", name: "Science" },
    { slug: "sport", name: "Sport" },
    { slug: "culture", name: "Culture" },
    { slug: "opinion", name: "Opinion" },
  ],
  description: "Reporting from where the news happens.",
  sources: { CNN: "https://www.cnn.com/" },
  logo: { path: "/logo.png", width: 600, height: 60 },
  shareImage: { path: "/share.png", width: 1200, height: 630, alt: "Dateline" },
  liveForHours: 12,
  contact: {
    email: "newsroom@dateline.example.com",
    note: "Write to us with news tips, questions about a story or corrections.",
  },
  banner: {
    text: "Stay Updated on Developing Stories",
    href: "/developing/",
  },
};
