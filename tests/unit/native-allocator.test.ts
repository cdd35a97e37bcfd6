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
