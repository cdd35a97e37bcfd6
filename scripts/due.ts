#!/usr/bin/env node
/**
 * npm run due -- --since <ISO time> | --last <build.json path or URL> [DIR]
 *
 * Whether a build now would publish something the last build did not: exit
 * 0 with `due: …` (build), 1 with `next: <time> <reason>` (nothing to do
 * yet), 2 on bad input. No build needed; it reads what `npm run check` reads.
 */
import { randomUUID } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  BuildInfoError,
  parseBuildInfo,
  shownFile,
  timeWithOffset,
} from "../src/editor/build-info.ts";
import {
  changedFiles,
  codeDigest,
  loadSnapshot,
  SNAPSHOT_FILE,
  snapshotHolds,
  type ContentSnapshot,
} from "../src/editor/content-snapshot.ts";
import { dueVerdict } from "../src/editor/due-verdict.ts";
import { buildNow, TIME_RULE_NAMES } from "../src/site/build-time.ts";
import { cacheFolder } from "../src/site/cache-folder.ts";
import { site } from "../src/site/site.ts";

const HELP = `Usage: npm run due -- --since <time> [DIR]
       npm run due -- --last <build.json file or URL> [DIR]

Says whether a build now would publish something the last build did not, for
a scheduler to build only then (README: "Keeping the site on time"):

  exit 0  due: <time> <reason> (<file>)   build now (or: the content changed)
  exit 1  next: <time> <reason> (<file>)  nothing to build before that time
  exit 2  bad input: a malformed time, a build.json that cannot be read

A build is due when a story's scheduled time has come, a story has left the
Google News sitemap's two days, the newsroom's midnight has turned a listed
"7:45 p.m." into a date, or (with --last) the content or the site's code is
not what the last build published.

  --since TIME  the last build's time, ISO 8601 with its offset
                (2021-03-02T09:00:00-05:00); edits are not seen without --last
  --last FILE   the last build's build.json: dist/build.json, or the live
                site's https://example.com/build.json
  DIR           the articles (default: $DATELINE_CONTENT or content/)

"Now" is DATELINE_BUILD_TIME when set, as for the build. No build is needed:
it reads the articles as npm run check does, and answers from what it kept
in the cache folder while no file has changed since.

Options:
  -h, --help  this text`;

/** Exit codes: a scheduler builds on 0, waits on 1; 2 is for a person to fix. */
const DUE = 0;
const NOT_DUE = 1;
const BAD_INPUT = 2;

/** Bad input: said in one line, exit 2. */
class BadInput extends Error {}

/** The project folder, with its trailing slash as Astro's root URL gives it (codeDigest). */
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** How long a live build.json may take to arrive. */
const FETCH_TIMEOUT_MS = 15_000;

/** A build.json is a few hundred bytes; anything much larger is not one. */
const MOST_BYTES = 64 * 1024;

/** The last build's build.json, from a file or a URL. */
async function readLast(source: string): Promise<ReturnType<typeof parseBuildInfo>> {
  let text: string;
  if (/^https?:\/\//i.test(source)) {
    const url = new URL(source);
    // Past any cache in front of the site (GitHub Pages keeps pages for 10 minutes).
    url.searchParams.set("due", randomUUID());
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { "cache-control": "no-cache" },
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
    } catch (error) {
      throw new BadInput(
        `${source}: could not be fetched (${reason(error)}); is the address right and the site up?`,
      );
    }
    if (!response.ok) {
      throw new BadInput(
        `${source}: the server answered ${response.status} ${response.statusText}${response.status === 404 ? "; a build writes build.json: deploy one first, or check the address" : ""}`,
      );
    }
    text = await response.text();
  } else {
    try {
      text = readFileSync(source, "utf8");
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new BadInput(
        code === "ENOENT"
          ? `${source}: no such file; a build writes it (npm run build writes dist/build.json)`
          : code === "EISDIR"
            ? `${source}: a folder; expected the build.json file in it`
            : `${source}: could not be read (${reason(error)})`,
      );
    }
  }
  if (text.length > MOST_BYTES) {
    throw new BadInput(
      `${source}: expected a build.json of Dateline's build (a few hundred bytes); found ${text.length} bytes`,
    );
  }
  try {
    return parseBuildInfo(text, source);
  } catch (error) {
    if (error instanceof BuildInfoError) throw new BadInput(error.message);
    throw error;
  }
}

/** An error's own words, with its cause's (fetch says "fetch failed" and puts the reason there). */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : "";
  return cause && !error.message.includes(cause) ? `${error.message}: ${cause}` : error.message;
}

/**
 * The folder's state: from the snapshot kept in the cache folder while no
 * file has changed since it was taken, else read as `npm run check` reads it
 * (its rules and readings cache), which keeps a new snapshot.
 */
async function contentNow(
  dir: string,
  now: Date,
): Promise<{ snapshot: ContentSnapshot; previous?: ContentSnapshot | undefined; errors: number }> {
  const cache = cacheFolder(ROOT);
  const code = codeDigest(ROOT);
  const kept = loadSnapshot(join(cache, SNAPSHOT_FILE));
  if (kept && snapshotHolds(kept, dir, code)) return { snapshot: kept, errors: 0 };
  // Loaded only now: the rules, the schema and the Markdown parser take a
  // third of a second to load, which the answer from the snapshot spares.
  const [{ checkContent }, { READINGS_FILE, ReadingMemo }, { contentState }] = await Promise.all([
    import("../src/editor/check-content.ts"),
    import("../src/editor/reading-memo.ts"),
    import("../src/editor/content-state.ts"),
  ]);
  const memo = new ReadingMemo(join(cache, READINGS_FILE), code);
  const report = checkContent(dir, { now, cwd: process.cwd(), memo });
  const { snapshot, previous } = contentState(dir, report.articles, {
    cwd: ROOT,
    cacheFolder: cache,
  });
  const errors = report.problems.filter((problem) => problem.severity === "error").length;
  return { snapshot, previous, errors };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      since: { type: "string" },
      last: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return DUE;
  }
  if ((values.since === undefined) === (values.last === undefined)) {
    throw new BadInput(
      `expected one of --since <time> and --last <build.json>; found ${values.since === undefined ? "neither" : "both"}`,
    );
  }
  if (positionals.length > 1) {
    throw new BadInput(`expected one folder of articles; found ${positionals.length}`);
  }
  let now: Date;
  try {
    now = buildNow(...TIME_RULE_NAMES);
  } catch (error) {
    throw new BadInput((error as Error).message);
  }
  const last = values.last === undefined ? undefined : await readLast(values.last);
  const since = last?.built ?? timeWithOffset(values.since ?? "");
  if (!since) {
    throw new BadInput(
      `--since: expected the last build's time, ISO 8601 with its offset such as 2021-03-02T09:00:00-05:00; found ${JSON.stringify(values.since)}`,
    );
  }
  const given = positionals[0] ?? process.env["DATELINE_CONTENT"] ?? "content";
  const dir = resolve(given);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    const { contentFolderProblem } = await import("../src/editor/check-content.ts");
    throw new BadInput(contentFolderProblem(dir, given) ?? `${given}: not a folder`);
  }
  const { snapshot, previous, errors } = await contentNow(dir, now);
  const verdict = dueVerdict({
    stories: snapshot.stories,
    digest: snapshot.digest,
    code: snapshot.code,
    since,
    now,
    timeZone: site.timeZone,
    liveForHours: site.liveForHours,
    last: last && { content: last.content, code: last.code },
    // Which files: known when the snapshot kept before is the last build's.
    changed: previous && previous.digest === last?.content ? changedFiles(previous, snapshot) : [],
    shown: (file) => shownFile(snapshot.root, file, process.cwd()),
  });
  console.log(verdict.line);
  if (errors > 0) {
    console.error(
      `due: npm run check finds ${errors} ${errors === 1 ? "error" : "errors"} in ${given}, which ${errors === 1 ? "stops" : "stop"} a build until fixed`,
    );
  }
  return verdict.due ? DUE : NOT_DUE;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof BadInput) console.error(`due: ${error.message}`);
    else if (
      error instanceof Error &&
      String((error as NodeJS.ErrnoException).code).startsWith("ERR_PARSE_ARGS")
    ) {
      console.error(`due: ${error.message}\nSee npm run due -- --help`);
    } else {
      // Never exit 1 for a failure: a scheduler would take it for "not due" and skip a build.
      console.error("due: unexpected error", error);
    }
    process.exitCode = BAD_INPUT;
  },
);
