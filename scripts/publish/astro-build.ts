/**
 * The Astro process of `npm run build`: scripts/build.ts starts it with the
 * Node options of node-flags.ts, and this runs Astro's build through its
 * JavaScript API (`build` from "astro", what `astro build` calls).
 *
 * Two things `astro build` from the command line does not do:
 * - it stops when the build script has gone (killed by the out-of-memory
 *   killer, say), instead of building on as an orphan into a staging
 *   folder the next build wants: the build script holds this process's
 *   standard input open, and its end means the script is gone;
 * - it exits only once every line it logged has been written: Astro's
 *   command line calls `process.exit()` as soon as the build is done, which
 *   drops whatever output is still queued for a slow pipe (a CI log, `| tee`).
 *
 *   node scripts/publish/astro-build.ts [--force] [--timings]
 */
import { build } from "astro";

process.stdin.on("end", () => {
  console.error("build: the build script stopped; Astro stops too.");
  process.exit(1);
});
process.stdin.resume();

/** Resolves once nothing written to stdout or stderr waits to be written, or after `patienceMs`. */
async function drained(patienceMs = 10_000): Promise<void> {
  const started = performance.now();
  while (process.stdout.writableLength + process.stderr.writableLength > 0) {
    if (performance.now() - started > patienceMs) return;
    await new Promise((done) => setTimeout(done, 10));
  }
}

/**
 * An error as the person building reads it. Astro's errors for what they
 * wrote (a story the rules refuse, a bad setting) are the message and its
 * hint, without a stack trace; anything else is a fault in the code, with
 * its stack for whoever fixes it.
 */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const hint = (error as { hint?: unknown }).hint;
  if (error.name === "AstroUserError" || typeof hint === "string") {
    return `${error.message}${typeof hint === "string" && hint ? `\n  Hint: ${hint}` : ""}`;
  }
  return error.stack ?? error.message;
}

const flags = new Set(process.argv.slice(2));
let code = 0;
try {
  await build({ force: flags.has("--force") }, { timings: flags.has("--timings") });
} catch (error) {
  console.error(describe(error));
  code = 1;
}
await drained();
process.exit(code);
