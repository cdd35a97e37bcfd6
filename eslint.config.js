import eslintPluginAstro from "eslint-plugin-astro";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  {
    ignores: [
      "dist/",
      "dist.staging/",
      "dist.previous/",
      ".e2e-site.staging/",
      ".e2e-site.previous/",
      ".astro/",
      ".e2e-site/",
      "node_modules/",
      "test-results/",
      "playwright-report/",
    ],
  },
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
);
