/**
 * Settings for the memory allocator of Vite's bundler and Astro's compiler,
 * given to the Astro process scripts/build.ts starts (and to `astro dev`,
 * allocator-preload.ts).
 *
 * Vite bundles with Rolldown, native code whose allocator (mimalloc, which
 * Astro's compiler has too) keeps the memory it freed for reuse. The
 * bundling is over a second into the build and never comes back, but the
 * memory stayed with the process: at
 * 10,000 stories Astro's resident memory rose by 300 MB across Vite's two
 * seconds while its JavaScript heap shrank, and it stayed there for the
 * whole page phase, the build's peak (README, Benchmark). Returning freed
 * pages to the system at once, rather than after a delay, and not committing
 * whole arenas in advance, took the clean build's peak from 1.31–1.35 GB to
 * 1.13–1.16 GB.
 *
 * mimalloc reads these when each library loads; a value the user set in the
 * environment is kept.
 */
export const ALLOCATOR_DEFAULTS: Readonly<Record<string, string>> = {
  MIMALLOC_PURGE_DELAY: "0",
  MIMALLOC_PURGE_DECOMMITS: "1",
  MIMALLOC_ARENA_EAGER_COMMIT: "0",
};

/** The allocator settings for a child process: the defaults, except those `env` sets. */
export function allocatorSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  const settings: Record<string, string> = {};
  for (const [name, value] of Object.entries(ALLOCATOR_DEFAULTS)) {
    settings[name] = env[name] ?? value;
  }
  return settings;
}
