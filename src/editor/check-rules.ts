import { extractUpdates } from "../news/live-updates.ts";
import { permalink, slugFromId } from "../lib/permalink.ts";
import { formatDateTime } from "../lib/dates.ts";
import { isScheduled } from "../news/time-rules.ts";
import { imageProblem } from "./content-paths.ts";
import type { FieldLines } from "./frontmatter-yaml.ts";

/** One finding of the check, as `file:line  field  message`. */
export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
  /** Errors stop the build; warnings and notes (a scheduled story's release) do not. */
  severity: "error" | "warning" | "note";
}

/** An article file as the check reads it. */
export interface CheckedFile {
  /** Path as shown to the editor. */
  file: string;
  /** Path on disk, for files beside the article. */
  path: string;
  /** Collection id: the path relative to the content folder, without `.md`. */
  id: string;
  /** The file line of a frontmatter field (`image.alt`, `authors.1`), from the YAML parser; 1 when it is missing. */
  line(field: string): number;
  /** What `line` answers from: the frontmatter's lines (src/editor/frontmatter-yaml.ts). */
  lines: FieldLines;
  body: string;
  /** The file line the body starts on. */
  bodyLine: number;
}

/** Google's limit for article headlines in structured data. */
export const HEADLINE_LIMIT = 110;

/**
 * What was worked out of one reading of an article file, kept with the
 * reading while the file's bytes stay the same (src/editor/reading-memo.ts):
 * a value is computed once for a `key` that names everything else it
 * depends on (the site's origin, its time zone).
 */
export interface Reuse {
  get<T>(key: string, compute: () => T): T;
}

/** `compute()`, or its value kept with the article's reading under `key` when there is one. */
export function perReading<T>(article: ValidArticle, key: string, compute: () => T): T {
  return article.reuse ? article.reuse.get(key, compute) : compute();
}

/** What the rules need of a valid article. */
export interface ValidArticle {
  checked: CheckedFile;
  /**
   * Where values worked out of this article alone are kept (its links, its
   * updates, its permalink) while the file is unchanged: every run of the
   * rules goes through all articles, for the rules between files.
   */
  reuse?: Reuse | undefined;
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

// A rule that depends on the build's time: it lives with the others and the
// moments their answers change (src/news/time-rules.ts).
export { isScheduled };

/**
 * Notes on a valid article that do not stop a build: no summary, a long
 * headline, an unknown section (warnings), and when a scheduled story goes
 * out (a note).
 */
export function warnings(
  article: ValidArticle,
  options: { now: Date; sections: readonly string[]; timeZone: string },
): Problem[] {
  const { checked, data } = article;
  const at = (field: string, message: string, severity: Problem["severity"] = "warning") => ({
    file: checked.file,
    line: checked.line(field),
    field,
    message,
    severity,
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
  if (isScheduled(data, options.now)) {
    found.push(
      at(
        "published",
        `scheduled: held back until ${formatDateTime(data.published, options.timeZone)} (${data.published.toISOString()}); the first build at or after then publishes it`,
        "note",
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

/**
 * Errors for images the article names, lead image and Markdown images
 * (inline and by reference): each must be an image file inside the content
 * folder. Site paths (`/…`) and other sites' URLs are left to the browser.
 */
export function imageProblems(article: ValidArticle, contentRoot: string): Problem[] {
  const { checked, data } = article;
  const found: Problem[] = [];
  const problem = (line: number, field: string, src: string) => {
    const why = imageProblem(checked.path, safeDecode(src), contentRoot);
    if (why) {
      found.push({
        file: checked.file,
        line,
        field,
        message: `expected an image file beside the article; ${why}`,
        severity: "error",
      });
    }
  };
  const src = data.image?.src;
  if (typeof src === "string") problem(checked.line("image.src"), "image.src", src);
  // Every body image, inline or by reference, starts "![": most stories have
  // none, and scanning their lines was a third of a second per check at 10,000.
  if (!checked.body.includes("![")) return found;
  const lines = checked.body.split("\n");
  const referenced = new Set<string>();
  lines.forEach((line, index) => {
    for (const [, src = ""] of line.matchAll(
      /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    )) {
      if (!/^([a-z][a-z0-9+.-]*:|\/)/i.test(src)) problem(checked.bodyLine + index, "body", src);
    }
    for (const [, alt = "", label = ""] of line.matchAll(/!\[([^\]]*)\](?:\[([^\]]*)\])?(?!\()/g)) {
      referenced.add((label || alt).trim().toLowerCase());
    }
  });
  if (referenced.size > 0) {
    lines.forEach((line, index) => {
      const definition = /^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?/.exec(line);
      if (!definition || !referenced.has((definition[1] ?? "").trim().toLowerCase())) return;
      const src = definition[2] ?? "";
      if (!/^([a-z][a-z0-9+.-]*:|\/)/i.test(src)) problem(checked.bodyLine + index, "body", src);
    });
  }
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

/**
 * Article addresses, published and drafts apart: a published story must not
 * link to a draft. Published addresses map to their publication time, so a
 * link to a story scheduled later than the linking one can be caught.
 */
export interface KnownPermalinks {
  published: ReadonlyMap<string, Date>;
  drafts: ReadonlySet<string>;
}

/**
 * Errors for links in the body to an article address that no article has,
 * and for links from a published story to a draft, which the built site
 * leaves out, or to a story scheduled after the linking one (held back
 * while this one is out). A draft may link to another draft.
 */
export function brokenArticleLinks(
  article: ValidArticle,
  known: KnownPermalinks,
  origin: string,
): Problem[] {
  const found: Problem[] = [];
  const links = perReading(article, `links ${origin}`, () =>
    articleLinks(article.checked.body, origin),
  );
  for (const { index, target } of links) {
    const path = target.endsWith("/") ? target : `${target}/`;
    const out = known.published.get(path);
    // A link is fine once its target is out no later than the linking story.
    const later = out && !article.data.draft && out.getTime() > article.data.published.getTime();
    if (out && !later) continue;
    const draft = known.drafts.has(path);
    if (draft && article.data.draft) continue;
    found.push({
      file: article.checked.file,
      line: article.checked.bodyLine + index,
      field: "body",
      message: later
        ? `expected a link to a published article; found ${target}, which is scheduled for ${out.toISOString()}, after this story (${article.data.published.toISOString()})`
        : draft
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
    const path = perReading(article, `permalink ${timeZone}`, () =>
      permalink({ ...article.data, slug: slugFromId(article.checked.id) }, timeZone),
    );
    const other = byPath.get(path);
    if (!other) {
      byPath.set(path, article);
      continue;
    }
    const drafts = article.data.draft || other.data.draft;
    problems.push({
      file: article.checked.file,
      line: article.checked.line("published"),
      field: "permalink",
      message: `expected a URL of its own; found ${path}, which ${other.checked.file} has too (rename one file or change its section${drafts ? "; this draft clashes once it is published" : ""})`,
      severity: drafts ? "warning" : "error",
    });
  }
  const published = new Map<string, Date>();
  const drafts = new Set<string>();
  for (const [path, article] of byPath) {
    if (article.data.draft) drafts.add(path);
    else published.set(path, article.data.published);
  }
  return { problems, known: { published, drafts } };
}

/** Errors for live updates without a valid time or before publication. */
export function updateProblems(article: ValidArticle, timeZone: string): Problem[] {
  const problems = perReading(
    article,
    `updates ${timeZone}`,
    () =>
      extractUpdates(article.checked.body, { published: article.data.published, timeZone })
        .problems,
  );
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
        `${p.file}:${p.line}  ${p.field}  ${p.severity === "error" ? "" : `${p.severity}: `}${p.message}`,
    )
    .join("\n");
}
