/**
 * The Node options scripts/build.ts starts the Astro process with.
 *
 * - `--expose-gc`: the content loader collects its garbage before Vite
 *   bundles (src/editor/article-loader.ts).
 * - `--heap-growing-percent=30`: V8 lets its heap grow to a multiple of what
 *   is alive before collecting (up to 4x); at 1.3x, with the collection
 *   above, a clean 10,000-story build peaked at 1.29 GB against 1.54–1.56 GB,
 *   in the same time (README, Benchmark).
 * - `--experimental-async-context-frame`, where Node knows it (22.7 and
 *   later; Node 24 does this by default): Astro renders every page inside an
 *   AsyncLocalStorage scope, which on Node 22 is built on async_hooks, so
 *   hooks ran for every promise of the build (about 1 s of the page phase's
 *   own time by a CPU profile, and the garbage they make). With the flag the
 *   store is carried by AsyncContextFrame instead: a clean 10,000-story build
 *   used 8 s less CPU and took 5–9 s less (README, Benchmark).
 */
export const ASYNC_CONTEXT_FRAME = "--experimental-async-context-frame";

export function astroNodeFlags(
  known: ReadonlySet<string> = process.allowedNodeEnvironmentFlags,
): string[] {
  return [
    "--expose-gc",
    "--heap-growing-percent=30",
    ...(known.has(ASYNC_CONTEXT_FRAME) ? [ASYNC_CONTEXT_FRAME] : []),
  ];
}
