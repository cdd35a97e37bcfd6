import { readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { site } from "../site/site.ts";
import { articleText, readArticle } from "./check-article.ts";
import {
  articleImages,
  brokenArticleLinks,
  futureProblems,
  isScheduled,
  onceEach,
  permalinks,
  updateProblems,
  warnings,
  type Problem,
  type ValidArticle,
} from "./check-rules.ts";
import { isInside, realPath } from "./content-paths.ts";
import type { ImageVerdicts, NamedImage } from "./image-decode.ts";
import type { ReadingMemo } from "./reading-memo.ts";
import { nameKeys } from "../news/grouping.ts";
import { readPeople } from "../news/people.ts";

/** A valid article with what the build needs besides the rules' view of it. */
export interface CheckedArticle extends ValidArticle {
  /** The frontmatter as written (timestamps as text), for the build's schema pass. */
  raw: Record<string, unknown>;
  /** The file's text, for the build's digest and rendering. */
  text: string;
  /** `published` is after the build time: held back from the built site. */
  scheduled: boolean;
}

/** Everything the rules found in a content folder. */
export interface ContentReport {
  /** Article files found, valid or not. */
  files: number;
  /** The articles that passed every per-file rule (cross-file errors may still name them). */
  articles: CheckedArticle[];
  /** Errors, warnings and notes, each with file, line and field. */
  problems: Problem[];
  /** The image files the articles name that passed the rules, for `decodeImages`. */
  images: NamedImage[];
}

/**
 * Checks every article in a content folder with every rule the site has:
 * the one entry point of both `npm run check` and the build's loader
 * (src/editor/article-loader.ts), so the two cannot disagree.
 *
 * `now` is the build time (scheduled stories are those published after it);
 * files are named relative to `cwd`, as both tools print them. With `memo`,
 * files whose bytes did not change since its last run are not parsed again;
 * with `read`, files' bytes come from it (`astro dev` keeps them between runs,
 * src/editor/file-bytes.ts) instead of the disk.
 */
export function checkContent(dir: string, options: CheckOptions): ContentReport {
  const steps = contentChecks(dir, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How checkContent reads a folder: see there. */
export interface CheckOptions {
  now: Date;
  cwd: string;
  memo?: ReadingMemo;
  read?: (path: string) => Buffer;
}

/**
 * checkContent, a file at a time: yields each article that passed the
 * per-file rules as soon as it is read, and returns the whole report. The
 * build's loader renders the stories meanwhile, on other threads, and lets
 * their answers in between files (src/editor/article-loader.ts).
 */
export function* contentChecks(
  dir: string,
  options: CheckOptions,
): Generator<CheckedArticle, ContentReport> {
  const root = realPath(dir) ?? dir;
  const problems: Problem[] = [];
  const articles: CheckedArticle[] = [];
  const { files, outside } = articleFiles(root);
  const shown = (path: string) => relative(options.cwd, path) || path;
  for (const { path, target, dangling } of outside) {
    problems.push({
      file: shown(path),
      line: 1,
      field: "file",
      message: dangling
        ? `expected a file or folder inside the content folder; found a symlink to ${target}, which does not exist (copy the story in, or delete the link)`
        : `expected a file or folder inside the content folder; found a symlink to ${target}, outside it (copy the file in instead)`,
      severity: "error",
    });
  }
  for (const path of files) {
    const where = { file: shown(path), path, id: relative(root, path).replace(/\.md$/, "") };
    const bytes = (options.read ?? readFileSync)(path);
    const text = articleText(bytes.toString("utf8"));
    const result = options.memo ? options.memo.read(bytes, text, where) : readArticle(bytes, where);
    problems.push(...result.problems);
    if (result.article && result.raw) {
      const article: CheckedArticle = {
        ...result.article,
        reuse: result.article.reuse ?? onceEach(),
        raw: result.raw,
        text,
        scheduled: isScheduled(result.article.data, options.now),
      };
      articles.push(article);
      yield article;
    }
  }
  const sections = site.sections.map((section) => section.slug);
  const { problems: clashes, known } = permalinks(articles, site.timeZone);
  problems.push(...clashes);
  const images: NamedImage[] = [];
  for (const article of articles) {
    const named = articleImages(article, root);
    images.push(...named.files.map((image) => ({ ...image, file: article.checked.file })));
    problems.push(
      ...named.problems,
      ...brokenArticleLinks(article, known, site.origin),
      ...updateProblems(article, site.timeZone),
      ...futureProblems(article, options.now, site.timeZone),
      ...warnings(article, { now: options.now, sections, timeZone: site.timeZone }),
    );
  }
  // The optional people files (src/schemas/person.ts), checked against the credits.
  const credited = new Set(
    articles.flatMap((article) =>
      nameKeys([...(article.data.authors ?? []), ...(article.data.contributors ?? [])]).map(
        ({ key }) => key,
      ),
    ),
  );
  for (const { path, ...problem } of readPeople(root, credited).problems) {
    problems.push({ file: shown(path), ...problem });
  }
  options.memo?.save();
  return { files: files.length, articles, problems, images };
}

/**
 * The rule that needs a decoder, and so cannot run inside the synchronous
 * checks: every image the articles name is decoded whole (a damaged one is
 * refused by name, src/editor/image-decode.ts). `npm run check` and the
 * build's loader both call it on checkContent's report, which it adds to.
 */
export async function decodeImages(report: ContentReport, verdicts: ImageVerdicts): Promise<void> {
  report.problems.push(...(await verdicts.problems(report.images)));
}

/**
 * Why a content folder cannot be checked or built, in the words both
 * `npm run check` and the build use (`named`: the folder as the user gave
 * it); undefined when it is a folder.
 */
export function contentFolderProblem(dir: string, named: string): string | undefined {
  const found = statSync(dir, { throwIfNoEntry: false });
  if (found?.isDirectory()) return undefined;
  return `${named}: expected a folder of articles; found ${found ? "a file" : "no such folder"}`;
}

/**
 * Every article file under a folder: Markdown files, except README.md and
 * names starting with `_` or `.`, and nothing inside hidden folders. Symlinks
 * are followed only while they stay inside the folder; those that leave it,
 * and those that lead nowhere (a story or a folder of stories that would
 * vanish in silence), are listed apart, to be refused by name.
 */
export function articleFiles(root: string): {
  files: string[];
  outside: { path: string; target: string; dangling?: boolean }[];
} {
  const files: string[] = [];
  const outside: { path: string; target: string; dangling?: boolean }[] = [];
  const seen = new Set<string>([root]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = realPath(path);
        if (!target) {
          // A link to a story (or, with no extension, to a folder of them) that is gone.
          if (entry.name.endsWith(".md") || !entry.name.includes(".")) {
            outside.push({ path, target: danglingTarget(path), dangling: true });
          }
          continue;
        }
        const markdownOrFolder = entry.name.endsWith(".md") || statSync(target).isDirectory();
        if (!isInside(root, target)) {
          if (markdownOrFolder) outside.push({ path, target });
          continue;
        }
        if (seen.has(target)) continue;
        seen.add(target);
        isDir = statSync(target).isDirectory();
        isFile = !isDir;
      }
      if (isDir) walk(path);
      else if (
        isFile &&
        entry.name.endsWith(".md") &&
        entry.name !== "README.md" &&
        !entry.name.startsWith("_")
      ) {
        files.push(path);
      }
    }
  };
  walk(root);
  return { files: files.sort(), outside };
}

/** Where a symlink that leads nowhere points, as an absolute path. */
function danglingTarget(path: string): string {
  try {
    return resolve(dirname(path), readlinkSync(path));
  } catch {
    return path;
  }
}
