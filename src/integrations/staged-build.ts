import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { STAGED_BUILD } from "../site/staged-build.ts";

/** How often the gate looks for the staging folder to be ready. */
const POLL_MS = 10;
/** How long it waits at most: linking 30,000 pages takes seconds, not minutes. */
const PATIENCE_MS = 10 * 60_000;

/**
 * What `astro build` does for `npm run build` (scripts/build.ts), which
 * stages the site in a folder that starts with the last build's pages linked:
 *
 * - a gate before rendering: scripts/build.ts starts Astro at once and links
 *   the pages while Astro syncs content and bundles (seconds of work on
 *   another core), then creates the file named in DATELINE_STAGING_READY;
 *   Astro decides to reuse a page when it comes to it, so rendering waits
 *   for that file (a Vite `buildApp` step, which runs before Astro's page
 *   generation, also `order: "post"`, from a plugin placed after the user's);
 * - the middleware of separate-writes.ts, so that a page rendered again is a
 *   new file rather than written into a linked one;
 * - at the end, the list of the files the routes made (Astro's
 *   `astro:build:done` names them, reused pages included) in the file named in
 *   DATELINE_BUILT_FILES: the steps after Astro read it rather than walk
 *   18,000 page folders (a second on its own).
 *
 * Without those variables (`astro build` by hand) it does nothing.
 */
export function stagedBuild(): AstroIntegration {
  return {
    name: "dateline:staged-build",
    hooks: {
      "astro:config:setup": ({ command, updateConfig, addMiddleware }) => {
        const ready = process.env[STAGED_BUILD.readyVariable];
        if (command !== "build" || !ready) return;
        addMiddleware({
          entrypoint: new URL("./separate-writes.ts", import.meta.url),
          order: "pre",
        });
        const parent = process.ppid;
        updateConfig({
          vite: {
            // The staging folder starts empty but for the pages linked into it.
            build: { emptyOutDir: false },
            plugins: [
              {
                name: "dateline:staging-gate",
                buildApp: {
                  order: "post",
                  handler: async () => {
                    const started = performance.now();
                    await untilExists(ready, parent);
                    const waited = (performance.now() - started) / 1000;
                    console.log(
                      `[stage] rendering waited ${waited.toFixed(2)}s for the linked pages`,
                    );
                  },
                },
              },
            ],
          },
        });
      },
      "astro:build:done": ({ dir, assets }) => {
        const list = process.env[STAGED_BUILD.builtFilesVariable];
        if (!list) return;
        const root = fileURLToPath(dir);
        const files = [...assets.values()]
          .flat()
          .map((url) => fileURLToPath(url).slice(root.length));
        writeFileSync(list, `${files.join("\n")}\n`);
      },
    },
  };
}

/**
 * Resolves once `file` exists. Fails when the build script that was to write
 * it has gone (this process was handed to another parent) or after
 * PATIENCE_MS: a build never waits for ever.
 */
export async function untilExists(file: string, parent: number): Promise<void> {
  const started = performance.now();
  while (!existsSync(file)) {
    if (process.ppid !== parent) {
      throw new Error(`the build script stopped before the staging folder was ready (${file})`);
    }
    if (performance.now() - started > PATIENCE_MS) {
      throw new Error(
        `the staging folder was not ready after ${PATIENCE_MS / 60_000} minutes (${file})`,
      );
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}
