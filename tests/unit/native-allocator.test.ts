import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";
import { ALLOCATOR_DEFAULTS, allocatorSettings } from "../../scripts/publish/native-allocator.ts";

test("the Astro process gets the allocator settings that return freed memory at once", () => {
  expect(allocatorSettings({})).toEqual({
    MIMALLOC_PURGE_DELAY: "0",
    MIMALLOC_PURGE_DECOMMITS: "1",
    MIMALLOC_ARENA_EAGER_COMMIT: "0",
  });
});

test("a setting the user made in the environment is kept", () => {
  const settings = allocatorSettings({ MIMALLOC_PURGE_DELAY: "250", PATH: "/bin" });
  expect(settings["MIMALLOC_PURGE_DELAY"]).toBe("250");
  expect(settings["MIMALLOC_ARENA_EAGER_COMMIT"]).toBe(
    ALLOCATOR_DEFAULTS["MIMALLOC_ARENA_EAGER_COMMIT"],
  );
  expect(settings).not.toHaveProperty("PATH");
});

const ROOT = resolve(import.meta.dirname, "../..");
const PRELOAD = "./scripts/publish/allocator-preload.ts";

test("npm run dev sets them in Astro's own process before anything loads, keeping the user's", () => {
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  expect(scripts["dev"]).toContain(`--import ${PRELOAD} `);
  const run = spawnSync(
    process.execPath,
    ["--import", PRELOAD, "-e", "console.log(JSON.stringify(process.env))"],
    { cwd: ROOT, encoding: "utf8", env: { ...process.env, MIMALLOC_PURGE_DELAY: "250" } },
  );
  expect(run.stderr).toBe("");
  const env = JSON.parse(run.stdout) as Record<string, string>;
  expect(env["MIMALLOC_PURGE_DELAY"]).toBe("250");
  expect(env["MIMALLOC_PURGE_DECOMMITS"]).toBe("1");
  expect(env["MIMALLOC_ARENA_EAGER_COMMIT"]).toBe("0");
});
