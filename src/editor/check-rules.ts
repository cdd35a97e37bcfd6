import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { extractUpdates } from "../news/live-updates.ts";
import { permalink, slugFromId } from "../lib/permalink.ts";

/** One finding of the check, as `file:line  field  message`. */
export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
  severity: "error" | "warning";
}

/** An article file as the check reads it. */
export interface CheckedFile {
  /** Path as shown to the editor. */
  file: string;
  /** Path on disk, for files beside the article. */
  path: string;
  /** Collection id: the path relative to the content folder, without `.md`. */
  id: string;
  /** The frontmatter's lines, for line numbers. */
  frontmatterLines: string[];
  body: string;
  /** The file line the body starts on. */
  bodyLine: number;
}

/** Google's limit for article headlines in structured data. */
export const HEADLINE_LIMIT = 110;

/**
 * The line of a frontmatter field (`image.alt` finds `alt:` under `image:`);
 * the opening `---` is line 1.
 */
export function fieldLine(frontmatterLines: readonly string[], field: string): number {
  const [top = "", ...rest] = field.split(".");
  let index = frontmatterLines.findIndex((line) => line.startsWith(`${top}:`));
  if (index < 0) return 1;
  for (const key of rest.filter((part) => !/^\d+$/.test(part))) {
    const nested = frontmatterLines.findIndex(
      (line, i) => i > index && new RegExp(`^\\s+(- )?${key}:`).test(line),
    );
    if (nested < 0) break;
    index = nested;
  }
  return index + 2;
}

/** What the rules need of a valid article. */
export interface ValidArticle {
  checked: CheckedFile;
  data: {
    headline: string;
    published: Date;
    section: string;
    draft: boolean;
    summary?: string | undefined;
    /** `src` as written in the frontmatter: a path beside the article. */
    image?: { src: unknown } | undefined;
  };
}

/** Warnings for a valid article: no summary, a long headline, a future date, an unknown section. */
export function warnings(
  article: ValidArticle,
  options: { now: Date; sections: readonly string[] },
): Problem[] {
  const { checked, data } = article;
  const at = (field: string, message: string): Problem => ({
    file: checked.file,
    line: fieldLine(checked.frontmatterLines, field),
    field,
    message,
    severity: "warning",
  });
  const found: Problem[] = [];
  if (!data.summary)
    found.push(
      at(
        "summary",
        "expected a one- or two-sentence summary; found none, so the first paragraph serves",
      ),
    );
  if (data.headline.length > HEADLINE_LIMIT) {
    found.push(
      at(
        "headline",
        `expected at most ${HEADLINE_LIMIT} characters (Google's limit for article headlines); found ${data.headline.length}`,
      ),
    );
  }
  if (!data.draft && data.published > options.now) {
    found.push(
      at(
        "published",
        `expected a time in the past for a published story; found ${data.published.toISOString()}, in the future (it is out as soon as the site builds)`,
      ),
    );
  }
  if (!options.sections.includes(data.section)) {
    found.push(
      at(
        "section",
        `expected one of the site's sections (${options.sections.join(", ")}); found "${data.section}", which gets a page of its own`,
      ),
    );
  }
  return found;
}

/** Errors for files beside the article that do not exist: the lead image and Markdown images. */
export function missingImages(article: ValidArticle): Problem[] {
  const { checked, data } = article;
  const dir = dirname(checked.path);
  const found: Problem[] = [];
  const src = data.image?.src;
  if (typeof src === "string" && !existsSync(join(dir, src))) {
    found.push({
      file: checked.file,
      line: fieldLine(checked.frontmatterLines, "image.src"),
      field: "image.src",
      message: `expected an image file beside the article; found no file ${src}`,
      severity: "error",
    });
  }
  checked.body.split("\n").forEach((line, index) => {
    for (const [, src = ""] of line.matchAll(
      /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    )) {
      if (/^([a-z][a-z0-9+.-]*:|\/)/i.test(src)) continue;
      if (!existsSync(join(dir, safeDecode(src)))) {
        found.push({
          file: checked.file,
          line: checked.bodyLine + index,
          field: "body",
          message: `expected an image file beside the article; found no file ${src}`,
          severity: "error",
        });
      }
    }
  });
  return found;
}

/** A URL path as a file path: `%20` is a space; a stray `%` stays as it is. */
function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** An article's address: `/YYYY/MM/DD/<section>/<slug>/`, the trailing slash optional. */
const PERMALINK = String.raw`/\d{4}/\d{2}/\d{2}/[^/\s()<>"'#?]+/[^/\s()<>"'#?]+/?(?=[\s)>"'#?]|$)`;

/**
 * Where Markdown and raw HTML link: `[text](…)`, `[label]: …`, `<…>` and
 * `href="…"`. Only addresses on the site itself count: site-relative, or on
 * the site's own origin.
 */
function linkPattern(origin: string): RegExp {
  const own = `(?:${origin.replace(/\/+$/, "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})?`;
  return new RegExp(
    [
      String.raw`\]\(\s*<?${own}(${PERMALINK})`,
      String.raw`^ {0,3}\[[^\]]+\]:\s*<?${own}(${PERMALINK})`,
      String.raw`<${own}(${PERMALINK})>`,
      String.raw`href\s*=\s*["']${own}(${PERMALINK})`,
    ].join("|"),
    "g",
  );
}

const patterns = new Map<string, RegExp>();

/**
 * The links in a Markdown body to article addresses on the site, with their
 * line index in the body. Fenced code and inline code are skipped: an address
 * shown as an example is not a link.
 *
 * @example articleLinks("See [it](/2020/05/26/politics/x/).", "https://dateline.example.com")
 * // [{ index: 0, target: "/2020/05/26/politics/x/" }]
 */
export function articleLinks(body: string, origin: string): { index: number; target: string }[] {
  let pattern = patterns.get(origin);
  if (!pattern) {
    pattern = linkPattern(origin);
    patterns.set(origin, pattern);
  }
  const links: { index: number; target: string }[] = [];
  let fence: string | undefined;
  body.split("\n").forEach((line, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
      return;
    }
    if (fence || !line.includes("/")) return;
    for (const match of line.replace(/`+[^`]*`+/g, "").matchAll(pattern)) {
      const target = match.slice(1).find((group) => group !== undefined) ?? "";
      links.push({ index, target });
    }
  });
  return links;
}

/** Article addresses, published and drafts apart: a published story must not link to a draft. */
export interface KnownPermalinks {
  published: ReadonlySet<string>;
  drafts: ReadonlySet<string>;
}

/**
 * Errors for links in the body to an article address that no article has,
 * and for links from a published story to a draft, which the built site
 * leaves out. A draft may link to another draft.
 */
export function brokenArticleLinks(
  article: ValidArticle,
  known: KnownPermalinks,
  origin: string,
): Problem[] {
  const found: Problem[] = [];
  for (const { index, target } of articleLinks(article.checked.body, origin)) {
    const path = target.endsWith("/") ? target : `${target}/`;
    if (known.published.has(path)) continue;
    const draft = known.drafts.has(path);
    if (draft && article.data.draft) continue;
    found.push({
      file: article.checked.file,
      line: article.checked.bodyLine + index,
      field: "body",
      message: draft
        ? `expected a link to a published article; found ${target}, which is a draft and is left out of the built site`
        : `expected a link to an existing article; found ${target}, which no article has`,
      severity: "error",
    });
  }
  return found;
}

/**
 * Each article's permalink, and a problem for every article whose permalink
 * another has: an error between published stories (the build refuses them),
 * a warning when one is a draft (they clash once it is published).
 */
export function permalinks(
  articles: readonly ValidArticle[],
  timeZone: string,
): { problems: Problem[]; known: KnownPermalinks } {
  const problems: Problem[] = [];
  const byPath = new Map<string, ValidArticle>();
  // Published stories first, so that a clash is reported on the draft.
  const ordered = [
    ...articles.filter((article) => !article.data.draft),
    ...articles.filter((article) => article.data.draft),
  ];
  for (const article of ordered) {
    const path = permalink({ ...article.data, slug: slugFromId(article.checked.id) }, timeZone);
    const other = byPath.get(path);
    if (!other) {
      byPath.set(path, article);
      continue;
    }
    const drafts = article.data.draft || other.data.draft;
    problems.push({
      file: article.checked.file,
      line: fieldLine(article.checked.frontmatterLines, "published"),
      field: "permalink",
      message: `expected a URL of its own; found ${path}, which ${other.checked.file} has too (rename one file or change its section${drafts ? "; this draft clashes once it is published" : ""})`,
      severity: drafts ? "warning" : "error",
    });
  }
  const published = new Set<string>();
  const drafts = new Set<string>();
  for (const [path, article] of byPath) (article.data.draft ? drafts : published).add(path);
  return { problems, known: { published, drafts } };
}

/** Errors for live updates without a valid time or before publication. */
export function updateProblems(article: ValidArticle, timeZone: string): Problem[] {
  const { problems } = extractUpdates(article.checked.body, {
    published: article.data.published,
    timeZone,
  });
  return problems.map(({ line, message }) => ({
    file: article.checked.file,
    line: article.checked.bodyLine + (line ?? 1) - 1,
    field: "updates",
    message,
    severity: "error" as const,
  }));
}

/** `file:line  field  message`, errors and warnings marked, in file and line order. */
export function formatProblems(problems: readonly Problem[]): string {
  return [...problems]
    .sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field),
    )
    .map(
      (p) =>
        `${p.file}:${p.line}  ${p.field}  ${p.severity === "warning" ? "warning: " : ""}${p.message}`,
    )
    .join("\n");
}
