import { existsSync } from "node:fs";
import type { AstroIntegration } from "astro";

/** How often the gate looks for the staging folder to be ready. */
const POLL_MS = 10;
/** How long it waits at most: linking 30,000 pages takes seconds, not minutes. */
const PATIENCE_MS = 10 * 60_000;

/**
 * Holds `astro build` back before it renders its first page until the
 * staging folder holds the published pages it may reuse.
 *
 * scripts/build.ts starts Astro at once and links the published pages into
 * the staging folder while Astro syncs content and bundles (seconds of work
 * on another core), then writes the file named by DATELINE_STAGING_READY.
 * Astro decides to reuse a page when it renders it, so the gate sits just
 * before rendering: a Vite `buildApp` step, which runs before Astro's own
 * (the page generation, also `order: "post"`, from a plugin placed after the
 * user's). Without that variable (`astro build` run by hand) it does nothing.
 */
export function stagingGate(): AstroIntegration {
  return {
    name: "dateline:staging-gate",
    hooks: {
      "astro:config:setup": ({ command, updateConfig }) => {
        const ready = process.env["DATELINE_STAGING_READY"];
        if (command !== "build" || !ready) return;
        const parent = process.ppid;
        updateConfig({
          vite: {
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
                      `[stage] rendering waited ${waited.toFixed(2)}s for the published pages`,
                    );
                  },
                },
              },
            ],
          },
        });
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
