/**
 * Imported first by scripts/build.ts, and preloaded into the Astro process it
 * starts (`node --import`).
 *
 * Astro's command ends with `process.exit()` as soon as the build is done
 * (astro/bin/astro.mjs). When its output goes to a pipe (CI, `| tee
 * build.log`, `npm run bench`) that is full at that moment, Node has queued
 * the rest in memory, and the exit drops it: the last pages, the content
 * report and "Complete!" never reach the log (6 of 8 piped one-edit builds at 10,000 stories).
 * Writing to stdout and stderr blocking instead makes the process wait for
 * its reader, so every line gets out before it exits.
 *
 * Blocking is a setting of the pipe, which the build script and Astro share,
 * and Node makes a pipe non-blocking when it first writes to it: so the build
 * script imports this before it starts Astro (and writes), and Astro's
 * process preloads it before its first line.
 */
for (const stream of [process.stdout, process.stderr]) {
  (stream as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle?.setBlocking?.(
    true,
  );
}
