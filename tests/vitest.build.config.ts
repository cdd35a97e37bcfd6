import { defineConfig } from "vitest/config";

// Tests that run whole builds of fixture sites: slow, so apart from the unit
// tests, and one file at a time so two builds never compete for both cores.
export default defineConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["tests/build/**/*.test.ts"],
    testTimeout: 180_000,
    // Builds run in beforeAll hooks too; on a busy machine one takes well over 10 s.
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
