#!/usr/bin/env node
/**
 * npm run import -- FILE... [--published ISO] [--section SLUG] [--dir content] [--force]
 *
 * Turns raw article text copied from a news page into article files.
 */
import { readFileSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { articleFile, markdownFromParagraphs } from "../src/editor/article-file.ts";
import {
  decodeText,
  ImportError,
  parseRawArticle,
  publishedFromPrinted,
} from "../src/editor/importer.ts";
import { slugify } from "../src/lib/slug.ts";
import { validateFrontmatter } from "../src/editor/validate-article.ts";
import { site } from "../src/site.config.ts";
import {
  assertCanWrite,
  assertValid,
  CliError,
  CONTENT_DIR,
  run,
  WRITE_OPTIONS,
  writeArticle,
} from "./cli.ts";

const HELP = `Usage: npm run import -- FILE... [options]

Converts raw article text, as copied from a news page, into ${CONTENT_DIR}/<slug>.md:
drops page chrome before the headline and widget text after the story (and says
what it dropped), takes the first real line as the headline, a byline under it
("By A and B, CNN") as authors, a leading "Place (Source) —" as dateline and
source, and a closing "Source's A, B and C contributed to this report." as
contributors. The body is written as escaped Markdown, so nothing in the text
turns into formatting or HTML. Every file is read and checked before any is
written; a file it cannot make sense of is an error, and nothing is written.

Options:
  --published ISO  publication time, e.g. 2020-05-26T00:00:00-04:00 (required
                   unless the text prints a date the tool can read, such as
                   "Updated 6:39 PM ET, Tue May 26, 2020", read in ${site.timeZone})
  --section SLUG   the section (default: ${site.defaultSection})
  --draft          import as a draft
  --dir DIR        write into DIR instead of ${CONTENT_DIR}/
  --force          overwrite existing files
  -h, --help       this text`;

/** Reads one input file's text, or says why it cannot. */
function readText(file: string): string {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (!stats) throw new ImportError(`${file}: expected a text file; found no such file`);
  if (!stats.isFile()) throw new ImportError(`${file}: expected a text file; found a folder`);
  try {
    return decodeText(readFileSync(file), file);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ImportError(
      `${file}: expected a readable text file; found it cannot be read (${code})`,
    );
  }
}

await run("import", () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...WRITE_OPTIONS,
      published: { type: "string" },
      draft: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length === 0)
    throw new CliError("expected one or more files to import; see npm run import -- --help");
  if (values.published !== undefined) {
    const check = validateFrontmatter({ headline: "-", published: values.published });
    const problem = check.issues?.find((issue) => issue.field === "published");
    if (problem) throw new CliError(`--published: ${problem.message}`);
  }
  // Read and check every file before writing any, so one bad file leaves nothing half done.
  const articles = positionals.map((file) => {
    const raw = parseRawArticle(readText(file), file);
    const printed = raw.printedDate && publishedFromPrinted(raw.printedDate.text, site.timeZone);
    const published = values.published ?? printed;
    if (!published) {
      throw new ImportError(
        `${file}: expected a publication time; found none in the text${raw.printedDate ? ` that the tool can read ("${raw.printedDate.text}")` : ""} (give it with --published 2020-05-26T00:00:00-04:00)`,
      );
    }
    const frontmatter = {
      headline: raw.headline,
      published,
      dateline: raw.dateline,
      source: raw.source,
      authors: raw.authors,
      contributors: raw.contributors,
      section: values.section,
      ...(values.draft ? { draft: true } : {}),
    };
    const path = resolve(values.dir, `${slugify(raw.headline)}.md`);
    assertValid(relative(process.cwd(), path), validateFrontmatter(frontmatter).issues);
    const text = articleFile(frontmatter, markdownFromParagraphs(raw.paragraphs));
    return { file, raw, path, text, dateFrom: values.published ? undefined : printed };
  });
  assertCanWrite(
    articles.map((article) => article.path),
    values.force,
    positionals,
  );
  for (const { file, raw, path, text, dateFrom } of articles) {
    writeArticle(path, text);
    console.log(`${file} → ${relative(process.cwd(), path)}`);
    console.log(`  headline: ${raw.headline}`);
    if (dateFrom) console.log(`  published: ${dateFrom} (read from "${raw.printedDate?.text}")`);
    if (raw.authors.length > 0) console.log(`  byline: ${raw.authors.join(", ")}`);
    if (raw.dateline || raw.source)
      console.log(`  dateline: ${raw.dateline ?? "(no place)"} (${raw.source ?? site.shortName})`);
    if (raw.contributors.length > 0) console.log(`  contributors: ${raw.contributors.join(", ")}`);
    console.log(`  ${raw.paragraphs.length} paragraphs`);
    for (const line of raw.dropped) console.log(`  dropped page text: "${line}"`);
  }
});
