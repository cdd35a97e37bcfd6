#!/usr/bin/env node
/**
 * `npm run build`: builds the site into an empty staging folder and publishes
 * it in place of the output folder (dist/, or DATELINE_OUT) only when every
 * step succeeded. A failed or killed build leaves the published site as it was.
 *
 *   1. take the output's lock: one build at a time (output-lock.ts);
 *   2. repair what a build killed while publishing left behind;
 *   3. astro build into an empty staging folder (publish/astro-build.ts):
 *      Astro renders the pages whose content or templates changed and reuses
 *      the rest from its incremental-build cache (`experimental.incrementalBuild`),
 *      which this script links into the staging folder while Astro starts
 *      (publish/staging.ts);
 *   4. drop the linked pages this build no longer makes;
 *   5. read the pages once: `_headers` with their inline scripts' hashes;
 *   6. index the articles for search (only the years with a changed story);
 *   7. publish: two renames.
 *
 *   node scripts/build.ts [--force] [--timings]
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  accessSync,
  constants,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { indexSite } from "../src/distribution/search-index.ts";
import { basePath } from "../src/site/base-path.ts";
import { cacheFolder } from "../src/site/cache-folder.ts";
import { pageCopiesFolder, STAGED_BUILD } from "../src/site/staged-build.ts";
import { publish, recoverInterruptedPublish, stagingFolder } from "./publish/atomic-output.ts";
import { readBuiltPages } from "./publish/built-pages.ts";
import { allocatorSettings } from "./publish/native-allocator.ts";
import { astroNodeFlags } from "./publish/node-flags.ts";
import { lockBuild } from "./publish/output-lock.ts";
import { writeHeaders } from "./publish/script-hashes.ts";
import { dropStale, linkPageCopies } from "./publish/staging.ts";

const ROOT = resolve(import.meta.dirname, "..");
const out = resolve(ROOT, process.env["DATELINE_OUT"] ?? "dist");
const cache = cacheFolder(ROOT);
/**
 * Where Astro builds: inside the project, one folder per output. Astro keeps
 * its prerender chunks inside an output folder within the project, else in
 * the project's shared .astro/, and moves files from there into the output:
 * for an output on another disk that failed (EXDEV), and two builds into
 * other folders shared it.
 */
const staging = join(
  ROOT,
  "node_modules",
  ".dateline-staging",
  createHash("sha1").update(out).digest("hex").slice(0, 12),
);
/**
 * There while Astro renders. Astro writes its copy of each page it renders as
 * it goes, and the manifest saying which copy belongs to which content at the
 * end: a build stopped in between leaves copies the manifest does not
 * describe, so the next build renders every page rather than trust them.
 */
const rendering = join(cache, "dateline-rendering");
const ASTRO_MANIFEST = join(cache, "incremental-build.json");
/** The files Astro's routes made in the last build that got through Astro (src/integrations/staged-build.ts). */
const builtList = join(cache, "dateline-built-files.txt");
/** This build's list, until Astro has succeeded. */
const newBuiltList = `${builtList}.new`;
/** Written once the last build's pages are linked into the staging folder. */
const stagedMarker = join(cache, "dateline-staged");

/** Settled once the build has said how it ended: a process that exits before then failed. */
let finished = false;
/** Whether this build holds the lock, and so the staging folder is its own to remove. */
let locked = false;
/** The step under way, for a build that stops without a word. */
let current = "starting";

function log(step: string, message: string): void {
  console.log(`[${step}] ${message}`);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)}s`;
}

/** A failure the build explains in one sentence: no stack trace. */
class BuildError extends Error {}

/**
 * Why the output folder cannot be written, in words, before anything else
 * runs (a read-only or missing parent gave "ENOENT … mkdir" deep inside Astro).
 */
function outputProblem(): string | undefined {
  const parent = dirname(out);
  const probe = `${out}.probe-${process.pid}`;
  try {
    mkdirSync(parent, { recursive: true });
    accessSync(parent, constants.W_OK);
    mkdirSync(probe);
    rmSync(probe, { recursive: true, force: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EROFS"
        ? "it is on a read-only file system"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : `${(error as Error).message}`;
    return `cannot write beside the output folder in ${parent}: ${why}`;
  }
  return undefined;
}

/** The files Astro's routes made, listed in `list`, if it is there. */
function routeFiles(list: string): string[] {
  if (!existsSync(list)) return [];
  return readFileSync(list, "utf8").split("\n").filter(Boolean);
}

/**
 * The files of the staged site: those Astro's routes made and the project's
 * public/ folder, which Vite copies as it is. Walking the site instead took a
 * second at 18,000 pages.
 */
function builtFiles(made: readonly string[]): string[] {
  const publicFolder = join(ROOT, "public");
  const copied = existsSync(publicFolder)
    ? readdirSync(publicFolder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => relative(publicFolder, join(entry.parentPath, entry.name)))
    : [];
  return [...made, ...copied];
}

/** Starts `astro build` into the staging folder: `exited` resolves with its exit code. */
function astroBuild(args: string[]): { exited: Promise<number>; stop: () => void } {
  const child = spawn(
    process.execPath,
    [
      // DATELINE_PROFILE=DIR: a CPU profile of the Astro process, for `node --cpu-prof` tools.
      ...(process.env["DATELINE_PROFILE"]
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env["DATELINE_PROFILE"]}`]
        : []),
      ...astroNodeFlags(),
      join(ROOT, "scripts/publish/astro-build.ts"),
      ...args,
    ],
    {
      cwd: ROOT,
      // Its standard input stays open while this process lives: when it ends, Astro stops.
      stdio: ["pipe", "inherit", "inherit"],
      env: {
        ...process.env,
        // Vite's bundler returns the memory it freed (native-allocator.ts).
        ...allocatorSettings(process.env),
        // The shell's last command: Astro compiles it into every module that
        // reads `import.meta.env` as a whole (its own actions runtime does,
        // which feeds, endpoints and single pages bundle), so the same site
        // started by `npm run build`, a deploy script or `node scripts/build.ts`
        // would render those pages again rather than reuse them.
        _: undefined,
        DATELINE_OUT: staging,
        DATELINE_CACHE: cache,
        [STAGED_BUILD.builtFilesVariable]: newBuiltList,
        // Astro renders no page before this file exists (src/integrations/staged-build.ts).
        [STAGED_BUILD.readyVariable]: stagedMarker,
      },
    },
  );
  return {
    exited: new Promise((done) =>
      child.on("close", (code, signal) => done(code ?? (signal ? 1 : 0))),
    ),
    stop: () => child.kill("SIGKILL"),
  };
}

async function main(): Promise<number> {
  const started = performance.now();
  const problem = outputProblem();
  if (problem) throw new BuildError(problem);
  mkdirSync(cache, { recursive: true });
  await lockBuild([`${out}.lock`, join(cache, "dateline-build.lock")], (message) =>
    log("lock", message),
  ).catch((error: Error) => {
    throw new BuildError(error.message);
  });
  locked = true;
  const recovered = recoverInterruptedPublish(out);
  if (recovered) log("publish", recovered);

  if (existsSync(rendering)) {
    rmSync(ASTRO_MANIFEST, { force: true });
    log("build", "the last build stopped while rendering: every page is rendered again");
  }
  writeFileSync(rendering, "");
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  rmSync(stagedMarker, { force: true });
  rmSync(newBuiltList, { force: true });
  // Astro starts at once; the last build's pages are linked while it syncs
  // content and bundles, and it waits for them before rendering.
  const astro = astroBuild(process.argv.slice(2));
  let step = performance.now();
  let linked: Set<string>;
  try {
    linked = linkPageCopies(pageCopiesFolder(cache), staging, routeFiles(builtList));
    writeFileSync(stagedMarker, "");
  } catch (error) {
    astro.stop();
    await astro.exited;
    throw error;
  }
  log(
    "stage",
    `${linked.size} page(s) of the last build linked for reuse in ${seconds(step)}, while Astro started`,
  );
  current = "astro build";
  const code = await astro.exited;
  rmSync(stagedMarker, { force: true });
  if (code !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error(`build: astro build failed; ${out} was left as it was.`);
    return code;
  }
  rmSync(rendering, { force: true });
  const made = routeFiles(newBuiltList);
  renameSync(newBuiltList, builtList);
  const dropped = dropStale(staging, linked, new Set(made));
  if (dropped > 0) log("stage", `${dropped} page(s) this build no longer makes dropped`);
  // Astro removes its prerender chunks after a successful build; make sure.
  rmSync(join(staging, ".prerender"), { recursive: true, force: true });

  step = performance.now();
  current = "_headers";
  const pages = readBuiltPages(staging, builtFiles(made), cache, pageCopiesFolder(cache));
  const scripts = writeHeaders(staging, basePath(), pages);
  log(
    "headers",
    `_headers written: ${scripts} inline script hash(es), ${pages.size} page(s) read in ${seconds(step)}`,
  );

  step = performance.now();
  const digests = new Map([...pages].map(([page, { digest }]) => [page, digest]));
  current = "search index";
  const search = await indexSite(staging, digests, cache).catch((error: Error) => {
    throw new BuildError(`the search index could not be written: ${error.message}`);
  });
  log(
    "search",
    `Indexed ${search.indexed} of ${search.pages} pages (${search.reused.length} year index(es) unchanged) in ${seconds(step)}`,
  );

  step = performance.now();
  current = "publishing";
  if (statSync(staging).dev === statSync(dirname(out)).dev) {
    publish(out, staging);
  } else {
    // Another disk: copied beside the output first, so that publishing is still a rename there.
    const near = stagingFolder(out);
    rmSync(near, { recursive: true, force: true });
    cpSync(staging, near, { recursive: true });
    rmSync(staging, { recursive: true, force: true });
    publish(out, near);
  }
  log(
    "publish",
    `${out} replaced by the new build in ${seconds(step)}; ${seconds(started)} in all`,
  );
  return 0;
}

process.on("exit", (code) => {
  if (finished) return;
  // The event loop ran dry with a step still waiting: a tool it waited for
  // died without a word (Pagefind's backend panicking on a full disk did,
  // and the build exited 0 having published nothing).
  if (locked) rmSync(staging, { recursive: true, force: true });
  console.error(
    `build: the ${current} step stopped without finishing (a tool it waited for ended without a word); ${out} was left as it was.`,
  );
  if (code === 0) process.exitCode = 1;
});

main().then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    finished = true;
    if (locked) rmSync(staging, { recursive: true, force: true });
    const message = error instanceof Error ? error.message : String(error);
    // A failure the build explains needs no stack trace; anything else is a fault in its code.
    const trace = error instanceof BuildError ? "" : `\n${(error as Error).stack ?? ""}`;
    console.error(`build: ${message}\n${out} was left as it was.${trace}`);
    process.exitCode = 1;
  },
);
