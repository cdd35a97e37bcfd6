import type { CustomPreviewTemplateProps } from "@sveltia/cms";
import { permalink, withBase } from "../../lib/permalink.ts";
import { slugify } from "../../lib/slug.ts";

/** React's createElement, which Sveltia CMS provides to preview templates as `window.h`. */
type CreateElement = (
  type: string,
  props?: Record<string, unknown> | null,
  ...children: unknown[]
) => unknown;

/** What the preview needs of the site. */
export interface PreviewSite {
  timeZone: string;
  /** The deployment's base path: "/" or "/news/". */
  base: string;
  /** Section names by slug. */
  sections: Readonly<Record<string, string>>;
}

/**
 * The story's address on the site, from the same rule the build uses
 * (src/lib/permalink.ts): dated by `published` in the newsroom's zone, named
 * after the file, or for a story not yet saved, after its headline as the
 * desk will name the file.
 *
 * @example storyPath({ published: "2021-03-03T09:15:00-05:00", section: "business", headline: "Tugs strike" }, undefined, site)
 * // "/2021/03/03/business/tugs-strike/"
 */
export function storyPath(
  data: { published?: unknown; section?: unknown; headline?: unknown },
  fileSlug: string | undefined,
  site: PreviewSite,
): string | undefined {
  const published = typeof data.published === "string" ? new Date(data.published) : undefined;
  if (!published || Number.isNaN(published.getTime())) return undefined;
  const slug = fileSlug || slugify(typeof data.headline === "string" ? data.headline : "");
  if (slug === "") return undefined;
  const section = typeof data.section === "string" && data.section !== "" ? data.section : "news";
  return withBase(permalink({ published, section, slug }, site.timeZone), site.base);
}

/**
 * The desk's preview of a story, in the site's own markup (the classes of
 * src/components/article/ArticleView.astro) under the site's stylesheet,
 * with a link to the story's page on this site (the dev server in
 * `npm run dev`).
 */
export function storyPreview(site: PreviewSite) {
  return ({ entry, widgetFor }: CustomPreviewTemplateProps) => {
    const h = (window as unknown as { h: CreateElement }).h;
    const value = (key: string) => entry.getIn(["data", key]) as unknown;
    const text = (key: string) => {
      const found = value(key);
      return typeof found === "string" ? found : "";
    };
    const section = text("section") || "news";
    const path = storyPath(
      { published: value("published"), section, headline: value("headline") },
      entry.get("slug") as string | undefined,
      site,
    );
    const href = path ? new URL(path, location.origin).href : undefined;
    return h(
      "main",
      { className: "desk-preview" },
      h(
        "article",
        { className: "article" },
        h(
          "header",
          { className: "article-header" },
          h(
            "p",
            { className: "kicker" },
            h("span", { className: "section-label" }, site.sections[section] ?? section),
            value("developing") === true
              ? h("span", { className: "developing-mark" }, " Developing")
              : null,
            value("draft") === true ? h("span", { className: "draft-mark" }, " Draft") : null,
          ),
          h("h1", null, text("headline")),
          text("summary") ? h("p", { className: "dek" }, text("summary")) : null,
          h(
            "p",
            { className: "article-meta" },
            href
              ? h("a", { href, target: "_blank", rel: "noopener" }, `On the site: ${path}`)
              : "The story's address appears once it has a headline and a publication time.",
          ),
        ),
        h("div", { className: "article-body" }, widgetFor("body")),
      ),
    );
  };
}
