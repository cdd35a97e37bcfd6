/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

// Astro's Vite config, so tests can import `astro:content` types and render
// components through the Container API.
export default getViteConfig({
  test: {
    root: new URL("..", import.meta.url).pathname,
    include: ["tests/unit/**/*.test.ts"],
    // Some tests start threads or compile a large schema: seconds on a busy machine.
    testTimeout: 30_000,
  },
});
