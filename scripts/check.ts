#!/usr/bin/env node
/**
 * npm run check [-- DIR]
 *
 * Validates every article without building the site and reports every
 * problem at once as `file:line  field  message`.
 */
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkContent, contentFolderProblem, decodeImages } from "../src/editor/check-content.ts";
import { contentState } from "../src/editor/content-state.ts";
import { IMAGE_VERDICTS_FILE, ImageVerdicts } from "../src/editor/image-decode.ts";
import { formatProblems } from "../src/editor/check-rules.ts";
import { pipelineDigest } from "../src/lib/pipeline-digest.ts";
import { READINGS_FILE, ReadingMemo } from "../src/editor/reading-memo.ts";
import { buildNow } from "../src/site/build-time.ts";
import { cacheFolder } from "../src/site/cache-folder.ts";
import { CliError, run } from "./cli.ts";

const HELP = `Usage: npm run check [-- DIR]

Checks every article in DIR (default: $DATELINE_CONTENT or content/) against the
schema the build uses and the site's rules, without building the site, and lists
every problem at once as

  file:line  field  message

It runs the same rules as the build (src/editor/check-content.ts): what it
calls an error stops the build too.

Errors (exit code 1): a file that is not UTF-8 or whose name gives no address,
invalid frontmatter, Markdown nested too deep, a published story with no text,
two articles with the same permalink, a link to an article that does not exist,
is a draft or is scheduled later, an image that is missing, not an image or
outside the content folder, a damaged image, a symlink leaving the content folder
or leading nowhere, a live update without a valid time or dated before
publication, a date after the build's time, a field the schema does not know,
a character no page may carry.
Warnings (exit code 0): no summary, a headline over 110 characters, a section
the site does not list, a draft whose permalink another article has, a body
over 1 MB, a bidirectional control in a headline or name.
Notes: each scheduled story (published after DATELINE_BUILD_TIME, else now) and
when it goes out.

Options:
  -h, --help  this text`;

await run("check", async () => {
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
  const unusable = contentFolderProblem(dir, given);
  if (unusable) throw new CliError(unusable);
  // The build's own time: a story published after it is held back, and the
  // check says when it goes out.
  const now = buildNow("scheduled");
  // The build's readings of unchanged files, kept in its cache folder.
  const root = fileURLToPath(new URL("..", import.meta.url));
  const memo = new ReadingMemo(join(cacheFolder(root), READINGS_FILE), pipelineDigest(root, {}));
  const report = checkContent(dir, { now, cwd: process.cwd(), memo });
  await decodeImages(report, new ImageVerdicts(join(cacheFolder(root), IMAGE_VERDICTS_FILE)));
  const { files, problems } = report;
  // What `npm run due` reads of the folder, kept so that it need not read it again.
  contentState(dir, report.articles, { cwd: root, cacheFolder: cacheFolder(root) });
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const held = problems.filter((problem) => problem.severity === "note").length;
  if (problems.length > 0) console.log(formatProblems(problems));
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${files} articles checked in ${seconds} s: ${errors} errors, ${problems.length - errors - held} warnings${held ? `, ${held} scheduled` : ""}`,
  );
  if (errors > 0) process.exitCode = 1;
});
