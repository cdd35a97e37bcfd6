#!/usr/bin/env node
/**
 * npm run check [-- DIR]
 *
 * Validates every article without building the site and reports every
 * problem at once as `file:line  field  message`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "astro/zod";
import { load, YAMLException } from "js-yaml";
import {
  brokenArticleLinks,
  fieldLine,
  formatProblems,
  missingImages,
  permalinks,
  updateProblems,
  warnings,
  type CheckedFile,
  type Problem,
  type ValidArticle,
} from "../src/lib/check-rules.ts";
import { articleSchema } from "../src/schemas/article.ts";
import { site } from "../src/site.config.ts";
import { run } from "./cli.ts";

const HELP = `Usage: npm run check [-- DIR]

Checks every article in DIR (default: $DATELINE_CONTENT or content/) against the
schema and the site's rules, without building the site, and lists every problem as

  file:line  field  message

Errors (exit code 1): invalid frontmatter, two articles with the same permalink, a
link to an article that does not exist, an image file that does not exist, a live
update without a valid time or dated before publication.
Warnings (exit code 0): no summary, a headline over 110 characters, a publication
time in the future on a story that is not a draft, a section the site does not list.`;

/** Paths in frontmatter are checked for existence separately. */
const schema = articleSchema({ image: (() => z.string()) as never });

/** Every article file under a folder, as the site's collection finds them. */
function articleFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(
      (entry) =>
        (entry.isFile() || entry.isSymbolicLink()) &&
        entry.name.endsWith(".md") &&
        entry.name !== "README.md" &&
        !/^[_.]/.test(entry.name),
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
  const started = performance.now();
  const dir = resolve(positionals[0] ?? process.env["DATELINE_CONTENT"] ?? "content");
  const problems: Problem[] = [];
  const valid: ValidArticle[] = [];
  const files = articleFiles(dir);
  for (const path of files) {
    const file = relative(process.cwd(), path);
    const text = readFileSync(path, "utf8");
    const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
    if (!match) {
      problems.push({
        file,
        line: 1,
        field: "frontmatter",
        message: "expected the file to start with --- and YAML frontmatter; found none",
        severity: "error",
      });
      continue;
    }
    const frontmatterLines = (match[1] ?? "").split(/\r?\n/);
    const checked: CheckedFile = {
      file,
      path,
      id: relative(dir, path).replace(/\.md$/, ""),
      frontmatterLines,
      body: text.slice(match[0].length),
      bodyLine: frontmatterLines.length + 3,
    };
    let data: unknown;
    try {
      data = load(match[1] ?? "");
    } catch (error) {
      const line = error instanceof YAMLException && error.mark ? error.mark.line + 2 : 1;
      problems.push({
        file,
        line,
        field: "frontmatter",
        message: `expected valid YAML; found ${(error as Error).message.split("\n")[0]}`,
        severity: "error",
      });
      continue;
    }
    const result = schema.safeParse(data ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join(".") || "frontmatter";
        problems.push({
          file,
          line: fieldLine(frontmatterLines, field),
          field,
          message: issue.message,
          severity: "error",
        });
      }
      continue;
    }
    valid.push({ checked, data: result.data });
  }
  const now = new Date();
  const sections = site.sections.map((section) => section.slug);
  const published = valid.filter((article) => !article.data.draft);
  const { problems: duplicates, paths } = permalinks(published, site.timeZone);
  problems.push(...duplicates);
  for (const article of valid) {
    problems.push(
      ...missingImages(article),
      ...brokenArticleLinks(article, paths),
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
