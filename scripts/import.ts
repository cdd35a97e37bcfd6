#!/usr/bin/env node
/**
 * npm run import -- FILE... [--published ISO] [--section SLUG] [--dir content] [--force]
 *
 * Turns raw article text copied from a news page into article files.
 */
import { readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { TZDate } from "@date-fns/tz";
import { articleFile, markdownFromParagraphs } from "../src/lib/article-file.ts";
import { isoDateTime } from "../src/lib/dates.ts";
import { ImportError, parseRawArticle, readPrintedDate } from "../src/lib/importer.ts";
import { slugify } from "../src/lib/slug.ts";
import { site } from "../src/site.config.ts";
import { CliError, run, writeNew } from "./cli.ts";

const HELP = `Usage: npm run import -- FILE... [options]

Converts raw article text, as copied from a news page, into content/<slug>.md:
drops page chrome before the headline and widget text after the story (and says
what it dropped), takes the first real line as the headline, a leading
"Place (Source) —" as dateline and source, and a closing "Source's A, B and C
contributed to this report." as contributors. The body is written as escaped
Markdown, so nothing in the text turns into formatting or HTML.

Options:
  --published ISO  publication time, e.g. 2020-05-26T00:00:00-04:00
                   (required unless the text prints a date the tool can read)
  --section SLUG   the section (default: ${site.defaultSection})
  --draft          import as a draft
  --dir DIR        write into DIR instead of content/
  --force          overwrite existing files
  -h, --help       this text`;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;

await run("import", () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      published: { type: "string" },
      section: { type: "string", default: site.defaultSection },
      draft: { type: "boolean", default: false },
      dir: { type: "string", default: "content" },
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (positionals.length === 0)
    throw new CliError("expected one or more files to import; see npm run import -- --help");
  if (values.published !== undefined && !ISO_WITH_OFFSET.test(values.published)) {
    throw new CliError(
      `--published: expected an ISO 8601 date-time with offset, such as 2020-05-26T00:00:00-04:00; found "${values.published}"`,
    );
  }
  // Check every file before writing any, so one bad file leaves nothing half done.
  const articles = positionals.map((file) => {
    let text: string;
    try {
      if (!statSync(file).isFile())
        throw new ImportError(`${file}: expected a text file; found a folder`);
      text = readFileSync(file, "utf8");
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw new ImportError(
        `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    const raw = parseRawArticle(text, file);
    const printed = raw.printedDate && readPrintedDate(raw.printedDate.text);
    const published =
      values.published ??
      (printed &&
        isoDateTime(
          new Date(
            new TZDate(
              printed.year,
              printed.month - 1,
              printed.day,
              printed.hour,
              printed.minute,
              site.timeZone,
            ).getTime(),
          ),
          site.timeZone,
        ));
    if (!published) {
      throw new ImportError(
        `${file}: expected a publication time; found none in the text (give it with --published 2020-05-26T00:00:00-04:00)`,
      );
    }
    return { file, raw, published };
  });
  for (const { file, raw, published } of articles) {
    const path = resolve(values.dir, `${slugify(raw.headline)}.md`);
    const frontmatter = {
      headline: raw.headline,
      published,
      dateline: raw.dateline,
      source: raw.source,
      contributors: raw.contributors,
      section: values.section,
      ...(values.draft ? { draft: true } : {}),
    };
    writeNew(path, articleFile(frontmatter, markdownFromParagraphs(raw.paragraphs)), values.force);
    console.log(`${file} → ${relative(process.cwd(), path) || join(values.dir, "")}`);
    for (const line of raw.dropped) console.log(`  dropped page text: "${line}"`);
    if (raw.dateline || raw.source)
      console.log(`  dateline: ${raw.dateline ?? "(no place)"} (${raw.source ?? site.shortName})`);
    if (raw.contributors.length > 0) console.log(`  contributors: ${raw.contributors.join(", ")}`);
  }
});
