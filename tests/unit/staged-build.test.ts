import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test, vi } from "vitest";
import { stagedBuild, untilExists } from "../../src/integrations/staged-build.ts";

const folder = mkdtempSync(join(tmpdir(), "staged-build-"));
afterEach(() => vi.unstubAllEnvs());

test("waits for the file, then goes on", async () => {
  const file = join(folder, "ready-1");
  const started = performance.now();
  setTimeout(() => writeFileSync(file, ""), 150);
  await untilExists(file, process.ppid);
  expect(performance.now() - started).toBeGreaterThanOrEqual(140);
});

test("stops waiting when the build script that was to write it is gone", async () => {
  await expect(untilExists(join(folder, "never"), process.ppid + 1)).rejects.toThrow(
    /build script stopped/,
  );
});

/** The Vite plugins the gate adds for a command. */
function pluginsFor(command: "build" | "dev") {
  const updates: { vite?: { plugins?: unknown[] } }[] = [];
  const setup = stagedBuild().hooks["astro:config:setup"] as (options: unknown) => void;
  setup({
    command,
    updateConfig: (update: (typeof updates)[number]) => updates.push(update),
    addMiddleware: () => {},
  });
  return updates.flatMap((update) => update.vite?.plugins ?? []) as {
    buildApp: { order: string; handler: () => Promise<void> };
  }[];
}

test("holds the build's page rendering until the last build's pages are linked", async () => {
  const file = join(folder, "ready-2");
  vi.stubEnv("DATELINE_STAGING_READY", file);
  expect(pluginsFor("dev")).toEqual([]);
  const [gate] = pluginsFor("build");
  // After the bundles are built, with Astro's page generation (also "post").
  expect(gate?.buildApp.order).toBe("post");
  let done = false;
  const waiting = gate?.buildApp.handler().then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(done).toBe(false);
  writeFileSync(file, "");
  await waiting;
  expect(done).toBe(true);
});

test("does nothing for a build not started by scripts/build.ts", () => {
  vi.stubEnv("DATELINE_STAGING_READY", "");
  expect(pluginsFor("build")).toEqual([]);
});
