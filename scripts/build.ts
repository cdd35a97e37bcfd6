#!/usr/bin/env node
/**
 * `npm run build`: builds the site into a staging folder and publishes it in
 * place of the output folder (dist/, or DATELINE_OUT) only when every step
 * succeeded. A failed or killed build leaves the published site as it was.
 *
 *   1. repair what a build killed while publishing left behind;
 *   2. stage: hard-link the published pages Astro may reuse (no copying),
 *      while
 *   3. astro build into the staging folder (incremental: unchanged pages
 *      skipped) starts; it renders no page before the links are made;
 *   4. drop linked pages this build no longer makes; write _headers;
 *   5. index the articles for search (only the years with a changed story;
 *      a year whose pages this build wrote is indexed as soon as they are
 *      written, while Astro renders the rest);
 *   6. publish: two renames.
 *
 *   node scripts/build.ts [astro build options]
 */
// First: this process's output blocking before Astro inherits it (whole-output.ts).
import "./publish/whole-output.ts";
import { spawn } from "node:child_process";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { indexSite } from "../src/distribution/search-index.ts";
import { basePath } from "../src/site/base-path.ts";
import { cacheFolder } from "../src/site/cache-folder.ts";
import { PROGRESS_VARIABLE } from "../src/site/build-progress.ts";
import { publish, recoverInterruptedPublish, stagingFolder } from "./publish/atomic-output.ts";
import { EarlySearch } from "./publish/early-search.ts";
import { allocatorSettings } from "./publish/native-allocator.ts";
import { astroNodeFlags } from "./publish/node-flags.ts";
import { loadPublishedState, savePublishedState } from "./publish/published-state.ts";
import { writeHeaders } from "./publish/script-hashes.ts";
import {
  finishStaging,
  linkPublishedPages,
  pageCopiesFolder,
  prepareStaging,
} from "./publish/staging.ts";

const ROOT = resolve(import.meta.dirname, "..");
const out = resolve(ROOT, process.env["DATELINE_OUT"] ?? "dist");
const cache = cacheFolder(ROOT);
const staging = stagingFolder(out);
/** The files the Astro process wrote into the staging folder (keep-links.ts). */
const writtenList = join(cache, "dateline-written.txt");
/** Written once the published pages are linked into the staging folder. */
const stagedMarker = join(cache, "dateline-staged");
/** What the Astro process reports as it renders (src/site/build-progress.ts). */
const progressFile = join(cache, "dateline-progress.txt");

function log(step: string, message: string): void {
  console.log(`[${step}] ${message}`);
}

/**
 * Starts `astro build` into the staging folder: `exited` resolves with its
 * exit code, `stop` ends it.
 */
function astroBuild(args: string[]): { exited: Promise<number>; stop: () => void } {
  const child = spawn(
    process.execPath,
    [
      // DATELINE_PROFILE=DIR: a CPU profile of the Astro process, for `node --cpu-prof` tools.
      ...(process.env["DATELINE_PROFILE"]
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env["DATELINE_PROFILE"]}`]
        : []),
      // The garbage collector's settings and AsyncLocalStorage without async_hooks.
      ...astroNodeFlags(),
      "--import",
      pathToFileURL(join(ROOT, "scripts/publish/keep-links.ts")).href,
      // Every line of Astro's output reaches a piped log before it exits.
      "--import",
      pathToFileURL(join(ROOT, "scripts/publish/whole-output.ts")).href,
      // Its lines written in batches, not one system call each.
      "--import",
      pathToFileURL(join(ROOT, "scripts/publish/batched-output.ts")).href,
      join(ROOT, "node_modules/astro/bin/astro.mjs"),
      "build",
      ...args,
    ],
    {
      cwd: ROOT,
      stdio: "inherit",
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
        // Keeps the linked pages: astro.config.ts turns Vite's emptyOutDir off.
        DATELINE_STAGED: "1",
        DATELINE_LINKED_ROOTS: staging,
        DATELINE_PAGE_COPIES: pageCopiesFolder(cache),
        DATELINE_WRITTEN: writtenList,
        [PROGRESS_VARIABLE]: progressFile,
        // Astro renders no page before this file exists (src/integrations/staging-gate.ts).
        DATELINE_STAGING_READY: stagedMarker,
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

/** The HTML files of the project's public/ folder, which Vite copies into the site as they are. */
function publicPages(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
}

async function main(): Promise<number> {
  const started = performance.now();
  const since = () => `${((performance.now() - started) / 1000).toFixed(2)}s`;
  const recovered = recoverInterruptedPublish(out);
  if (recovered) log("publish", recovered);

  const state = loadPublishedState(cache, out);
  const reusable = prepareStaging(staging, cache, state?.astroManifest);
  rmSync(writtenList, { force: true });
  rmSync(stagedMarker, { force: true });
  // Astro starts at once; the published pages are linked while it syncs
  // content and bundles, and it waits for them before rendering.
  const early = new EarlySearch(
    staging,
    progressFile,
    state && { keys: state.searchKeys, digests: state.searchDigests },
  );
  const astro = astroBuild(process.argv.slice(2));
  let linked: Set<string>;
  try {
    linked = linkPublishedPages(out, staging, reusable);
    early.linked(linked);
    writeFileSync(stagedMarker, "");
  } catch (error) {
    astro.stop();
    await astro.exited;
    await early.stop();
    throw error;
  }
  log(
    "stage",
    `${linked.size} published page(s) linked for reuse in ${since()}, while Astro started`,
  );
  const code = await astro.exited;
  rmSync(stagedMarker, { force: true });
  rmSync(join(cache, "dist"), { force: true });
  if (code !== 0) {
    await early.stop();
    rmSync(progressFile, { force: true });
    rmSync(staging, { recursive: true, force: true });
    console.error(`build: astro build failed; ${out} was left as it was.`);
    return code;
  }
  const staged = finishStaging(staging, cache, linked, writtenList);
  rmSync(writtenList, { force: true });
  // What Astro wrote, so that the steps below need not walk the site.
  const told = staged.written && { pages: staged.pages, written: staged.written };

  const stepStart = performance.now();
  const headers = writeHeaders(
    staging,
    basePath(),
    state?.scriptHashes ?? {},
    told && { ...told, extra: publicPages(join(ROOT, "public")) },
  );
  log(
    "headers",
    `_headers written: ${headers.hashes} inline script hash(es), ${headers.read} page(s) read in ${((performance.now() - stepStart) / 1000).toFixed(2)}s`,
  );

  const finishing = performance.now();
  const indexedEarly = await early.finish();
  // Waiting for a year still being indexed is the search step's time too.
  const waited = (performance.now() - finishing) / 1000;
  rmSync(progressFile, { force: true });
  if (indexedEarly.failure) {
    log("search", `indexing while Astro rendered failed (${indexedEarly.failure}); indexing now`);
  }
  const search = await indexSite(
    staging,
    state ? { site: out, keys: state.searchKeys, digests: state.searchDigests } : undefined,
    told,
    indexedEarly.indexes,
  );
  const reused = search.reused.length;
  log(
    "search",
    `Indexed ${search.indexed} of ${search.pages} pages (${reused} year index(es) reused, ${search.early.length} of ${indexedEarly.indexes.size} made while Astro rendered kept) in ${(waited + search.seconds).toFixed(2)}s after Astro`,
  );

  savePublishedState(cache, staging, {
    astroManifest: staged.manifest,
    scriptHashes: headers.byPage,
    searchKeys: search.keys,
    searchDigests: search.digests,
  });
  const publishStart = performance.now();
  publish(out, staging);
  log(
    "publish",
    `${out} replaced by the new build in ${((performance.now() - publishStart) / 1000).toFixed(2)}s; ${since()} in all`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    rmSync(stagedMarker, { force: true });
    rmSync(join(cache, "dist"), { force: true });
    rmSync(staging, { recursive: true, force: true });
    console.error(`build: ${error.message}\n${out} was left as it was.`);
    process.exit(1);
  },
);
