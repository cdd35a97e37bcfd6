/// <reference types="vitest/config" />
import { availableParallelism } from "node:os";
import { getViteConfig } from "astro/config";

// Astro's Vite config, so tests can import `astro:content` types and render
// components through the Container API.
export default getViteConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["tests/unit/**/*.test.ts"],
    // Some tests start threads or compile a large schema: seconds on a busy machine.
    testTimeout: 30_000,
    // One worker per core, where Vitest leaves one core free: most of a file's
    // time is importing modules, which the second core halves (2 cores: 33
    // against 52 s).
    maxWorkers: availableParallelism(),
  },
});
