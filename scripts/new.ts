#!/usr/bin/env node
/**
 * npm run new -- "Headline" [--section politics] [--publish] [--force]
 *
 * Starts an article: a Markdown file in content/ named after the headline,
 * with valid frontmatter and `published` set to now in the site's time zone.
 */
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { articleFile } from "../src/editor/article-file.ts";
import { isoDateTime } from "../src/lib/dates.ts";
import { permalink, withBase } from "../src/lib/permalink.ts";
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

const HELP = `Usage: npm run new -- "Headline" [options]

Writes ${CONTENT_DIR}/<slug>.md with the headline, published set to now in ${site.timeZone},
and draft: true, then prints the file and the URL it will have.

Options:
  --section SLUG   the section (default: ${site.defaultSection})
  --publish        not a draft: it goes out with the next build
  --dir DIR        write into DIR instead of ${CONTENT_DIR}/
  --force          overwrite an existing file of that name
  -h, --help       this text`;

await run("new", () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      ...WRITE_OPTIONS,
      publish: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const headline = positionals.join(" ").trim();
  if (headline === "")
    throw new CliError(`expected a headline, as in: npm run new -- "Senate passes budget"`);
  const slug = slugify(headline);
  if (slug === "")
    throw new CliError(
      `expected a headline with letters or digits a file name can be made of (a to z once accents are folded, 0 to 9); found "${headline}"`,
    );
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const path = resolve(values.dir, `${slug}.md`);
  const body = "Write the story here. The first paragraph is the summary unless you add one.\n";
  const frontmatter = {
    headline,
    published: isoDateTime(now, site.timeZone),
    section: values.section,
    ...(values.publish ? {} : { draft: true }),
  };
  const shown = relative(process.cwd(), path);
  assertValid(shown, validateFrontmatter(frontmatter).issues);
  assertCanWrite([path], values.force);
  writeArticle(path, articleFile(frontmatter, body));
  const url = new URL(
    withBase(
      permalink({ published: now, section: values.section, slug }, site.timeZone),
      process.env["DATELINE_BASE"] ?? "/",
    ),
    site.url,
  );
  console.log(`Wrote ${shown}`);
  console.log(
    `URL:  ${url.href}${values.publish ? "" : "  (a draft: shown by npm run dev only, until you remove draft: true)"}`,
  );
});
