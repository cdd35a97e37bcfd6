#!/usr/bin/env node
/**
 * npm run check [-- DIR]
 *
 * Validates every article without building the site and reports every
 * problem at once as `file:line  field  message`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readArticle } from "../src/editor/check-article.ts";
import {
  brokenArticleLinks,
  formatProblems,
  missingImages,
  permalinks,
  updateProblems,
  warnings,
  type Problem,
  type ValidArticle,
} from "../src/editor/check-rules.ts";
import { site } from "../src/site.config.ts";
import { CliError, run } from "./cli.ts";

const HELP = `Usage: npm run check [-- DIR]

Checks every article in DIR (default: $DATELINE_CONTENT or content/) against the
schema the build uses and the site's rules, without building the site, and lists
every problem at once as

  file:line  field  message

Errors (exit code 1): invalid frontmatter (the build would fail on it), two
articles with the same permalink, a link to an article that does not exist or is
a draft, an image file that does not exist, a live update without a valid time or
dated before publication.
Warnings (exit code 0): no summary, a headline over 110 characters, a publication
time in the future on a story that is not a draft, a section the site does not
list, a draft whose permalink another article has.

Options:
  -h, --help  this text`;

/**
 * Every article file under a folder, as the site's collection finds them:
 * Markdown files, except README.md and names starting with `_` or `.`, and
 * nothing inside hidden folders.
 */
function articleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) =>
        (entry.isFile() || entry.isSymbolicLink()) &&
        entry.name.endsWith(".md") &&
        entry.name !== "README.md" &&
        !/^[_.]/.test(entry.name) &&
        !relative(dir, entry.parentPath)
          .split(/[\\/]/)
          .some((part) => part.startsWith(".")),
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

await run("check", () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { help: { type: "boolean", short: "h", default: false } },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length > 1) {
    throw new CliError(`expected one folder of articles; found ${positionals.length}`);
  }
  const started = performance.now();
  const given = positionals[0] ?? process.env["DATELINE_CONTENT"] ?? "content";
  const dir = resolve(given);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new CliError(`${given}: expected a folder of articles; found no such folder`);
  }
  const problems: Problem[] = [];
  const valid: ValidArticle[] = [];
  const files = articleFiles(dir);
  for (const path of files) {
    const where = {
      file: relative(process.cwd(), path),
      path,
      id: relative(dir, path).replace(/\.md$/, ""),
    };
    const result = readArticle(readFileSync(path, "utf8"), where);
    problems.push(...result.problems);
    if (result.article) valid.push(result.article);
  }
  const now = new Date();
  const sections = site.sections.map((section) => section.slug);
  const { problems: clashes, known } = permalinks(valid, site.timeZone);
  problems.push(...clashes);
  for (const article of valid) {
    problems.push(
      ...missingImages(article),
      ...brokenArticleLinks(article, known, site.url),
      ...updateProblems(article, site.timeZone),
      ...warnings(article, { now, sections }),
    );
  }
  const errors = problems.filter((problem) => problem.severity === "error").length;
  if (problems.length > 0) console.log(formatProblems(problems));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${files.length} articles checked in ${seconds} s: ${errors} errors, ${problems.length - errors} warnings`,
  );
  if (errors > 0) process.exitCode = 1;
});
