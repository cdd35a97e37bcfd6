import { readUpdates } from "../news/live-updates.ts";
import { permalink, slugFromId } from "../lib/permalink.ts";
import { formatDateTime, isoDateTime } from "../lib/dates.ts";
import { characterName, firstBidiControl } from "../lib/characters.ts";
import { isScheduled } from "../news/time-rules.ts";
import { imageProblem, type ImageUse } from "./content-paths.ts";
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

/** A story's text beyond which the rules warn: a long read is a tenth of it. */
export const BODY_WARNING_BYTES = 1024 * 1024;

/** A body's size in UTF-8 bytes, counted only when its characters alone come near the limit. */
function bodySize(body: string): number {
  return body.length * 3 < BODY_WARNING_BYTES ? body.length : Buffer.byteLength(body);
}

/** Bytes as an editor reads them: "1.2 MB". */
function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB`;
}

/**
 * What was worked out of one reading of an article file, kept with the
 * reading while the file's bytes stay the same (src/editor/reading-memo.ts):
 * a value is computed once for a `key` that names everything else it
 * depends on (the site's origin, its time zone).
 */
export interface Reuse {
  get<T>(key: string, compute: () => T): T;
}

/**
 * Values worked out once each, by key: the reuse of an article read without
 * a memo, so that two rules that need the same value (its live updates) do
 * not work it out twice in one run.
 */
export function onceEach(): Reuse {
  const values = new Map<string, unknown>();
  return {
    get<T>(key: string, compute: () => T): T {
      if (values.has(key)) return values.get(key) as T;
      const value = compute();
      values.set(key, value);
      return value;
    },
  };
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
    updated?: Date | undefined;
    section: string;
    draft: boolean;
    summary?: string | undefined;
    /** The byline and the contributors, which the people files are checked against. */
    authors?: readonly string[] | undefined;
    contributors?: readonly string[] | undefined;
    corrections?: readonly { date: Date }[] | undefined;
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
  const size = bodySize(checked.body);
  if (size > BODY_WARNING_BYTES) {
    found.push({
      file: checked.file,
      line: checked.bodyLine,
      field: "body",
      message: `expected a story under ${megabytes(BODY_WARNING_BYTES)}; found ${megabytes(size)} of text, which its page, every feed that lists it and the search index will each carry in full (split it, or check that nothing was pasted twice)`,
      severity: "warning",
    });
  }
  for (const field of ["headline", "authors", "contributors"] as const) {
    const values = field === "headline" ? [data.headline] : (data[field] ?? []);
    values.forEach((value, index) => {
      const bidi = firstBidiControl(value);
      if (!bidi) return;
      found.push({
        file: checked.file,
        line: checked.line(field === "headline" ? field : `${field}.${index}`),
        field,
        message: `${field === "headline" ? "" : `item ${index + 1}: `}expected text without bidirectional controls; found ${characterName(bidi.code)}, which shows the text in another order than it was written (a way to disguise a name or a link): delete it unless the text needs it`,
        severity: "warning",
      });
    });
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

/** An image an article names that is a usable file: where it is named, and where it is. */
export interface ImageFile {
  line: number;
  field: string;
  /** As written. */
  src: string;
  /** The real path of the file. */
  path: string;
  /** Its format, from its header (`jpg`, `png`, `svg`…). */
  type: string;
}

/**
 * Errors for images the article names, lead image and Markdown images
 * (inline and by reference): each must be an image file inside the content
 * folder. Site paths (`/…`) and other sites' URLs are left to the browser.
 */
export function imageProblems(article: ValidArticle, contentRoot: string): Problem[] {
  return articleImages(article, contentRoot).problems;
}

/** A URL with a scheme (`https:`, `data:`), which is no file path. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Raw HTML's `<img src="data:…">`, which the sanitizer drops without a word. */
const HTML_DATA_IMAGE = /<img\b[^>]*\ssrc\s*=\s*["']?\s*data:/i;

/**
 * `imageProblems`, with the image files that passed them: the files the
 * build will publish, which `decodeProblems` (src/editor/image-decode.ts)
 * then decodes.
 */
export function articleImages(
  article: ValidArticle,
  contentRoot: string,
): { problems: Problem[]; files: ImageFile[] } {
  const { checked, data } = article;
  const found: Problem[] = [];
  const files: ImageFile[] = [];
  const refuse = (line: number, field: string, why: string) =>
    found.push({
      file: checked.file,
      line,
      field,
      message: `expected an image file beside the article; ${why}`,
      severity: "error",
    });
  const check = (line: number, field: string, src: string, use: ImageUse = "body") => {
    if (/^data:/i.test(src)) {
      refuse(
        line,
        field,
        `found a data: URL (${shorten(src)}), a picture written into the text, which the site would drop (save it as a file beside the article and name that)`,
      );
      return;
    }
    if (use === "lead" && SCHEME.test(src)) {
      refuse(
        line,
        field,
        `found ${shorten(src)}, an address on the web (save the image beside the article and name the file)`,
      );
      return;
    }
    if (use === "body" && /^([a-z][a-z0-9+.-]*:|\/)/i.test(src)) return;
    const result = imageProblem(checked.path, safeDecode(src), contentRoot, use);
    if (result.problem !== undefined) refuse(line, field, result.problem);
    else files.push({ line, field, src, path: result.path, type: result.type });
  };
  const src = data.image?.src;
  if (typeof src === "string") check(checked.line("image.src"), "image.src", src, "lead");
  // Every body image, inline or by reference, starts "![" (or is raw HTML's
  // <img>): most stories have none, and scanning their lines was a third of
  // a second per check at 10,000.
  const html = checked.body.includes("data:") && HTML_DATA_IMAGE.test(checked.body);
  if (!checked.body.includes("![") && !html) return { problems: found, files };
  const lines = checked.body.split("\n");
  const referenced = new Set<string>();
  lines.forEach((line, index) => {
    for (const [, src = ""] of line.matchAll(
      /!\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g,
    )) {
      check(checked.bodyLine + index, "body", src);
    }
    for (const [, alt = "", label = ""] of line.matchAll(/!\[([^\]]*)\](?:\[([^\]]*)\])?(?!\()/g)) {
      referenced.add((label || alt).trim().toLowerCase());
    }
    if (html && HTML_DATA_IMAGE.test(line)) {
      const at = /data:[^"'\s>]*/i.exec(line)?.[0] ?? "data:";
      check(checked.bodyLine + index, "body", at);
    }
  });
  if (referenced.size > 0) {
    lines.forEach((line, index) => {
      const definition = /^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?/.exec(line);
      if (!definition || !referenced.has((definition[1] ?? "").trim().toLowerCase())) return;
      check(checked.bodyLine + index, "body", definition[2] ?? "");
    });
  }
  return { problems: found, files };
}

/** A long address cut for a message: a data: URL can be megabytes. */
function shorten(src: string): string {
  return src.length > 48 ? `${src.slice(0, 40)}…` : src;
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
  const { problems } = updatesOf(article, timeZone);
  return problems.map(({ line, message }) => ({
    file: article.checked.file,
    line: article.checked.bodyLine + (line ?? 1) - 1,
    field: "updates",
    message,
    severity: "error" as const,
  }));
}

/** A story's live updates and their problems, worked out once per reading. */
function updatesOf(article: ValidArticle, timeZone: string): ReturnType<typeof readUpdates> {
  return perReading(article, `updates ${timeZone}`, () =>
    readUpdates(article.checked.body, { published: article.data.published, timeZone }),
  );
}

/**
 * How far after the build's time a date may be: a clock a little behind, an
 * update written for the minute it goes out. A date later than that is a
 * typo (2042 for 2024) that would date the story in the future on its page,
 * the banner, the feeds, the sitemap and the structured data.
 */
export const FUTURE_GRACE_MS = 15 * 60_000;

/**
 * Errors for dates after the build's time (`now`) in a story this build
 * publishes: `updated`, each live update, each correction. A scheduled
 * story is held back whole (its dates are judged when it goes out), and a
 * draft is not published.
 */
export function futureProblems(article: ValidArticle, now: Date, timeZone: string): Problem[] {
  const { checked, data } = article;
  if (data.draft || isScheduled(data, now)) return [];
  const latest = now.getTime() + FUTURE_GRACE_MS;
  const expected = `expected a time no later than the build's (${isoDateTime(now, timeZone)}, with ${FUTURE_GRACE_MS / 60_000} minutes' grace)`;
  const found: Problem[] = [];
  const future = (line: number, field: string, time: Date, what = "") =>
    found.push({
      file: checked.file,
      line,
      field,
      message: `${what}${expected}; found ${isoDateTime(time, timeZone)}, in the future (a typo in the date? It would date the story ${formatDateTime(time, timeZone)} everywhere it is shown)`,
      severity: "error",
    });
  if (data.updated && data.updated.getTime() > latest) {
    future(checked.line("updated"), "updated", data.updated);
  }
  data.corrections?.forEach((correction, index) => {
    if (correction.date.getTime() > latest) {
      future(
        checked.line(`corrections.${index}.date`),
        "corrections",
        correction.date,
        `item ${index + 1}: `,
      );
    }
  });
  for (const update of updatesOf(article, timeZone).updates) {
    if (update.time.getTime() <= latest) continue;
    const local = isoDateTime(update.time, timeZone);
    const heading = `${local.slice(0, 10)} ${local.slice(11, 16)}${update.title ? ` — ${update.title}` : ""}`;
    future(
      checked.bodyLine + (update.line ?? 1) - 1,
      "updates",
      update.time,
      `update "## ${heading}": `,
    );
  }
  return found;
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
