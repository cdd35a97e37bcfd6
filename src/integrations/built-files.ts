import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** The variable naming the file the list goes to: set by scripts/build.ts. */
export const BUILT_FILES_VARIABLE = "DATELINE_BUILT_FILES";

/**
 * Ends `astro build` by writing the files its routes made (Astro's
 * `astro:build:done` hook names them, pages it took unchanged from its cache
 * included), one per line, relative to the output folder, to the file named
 * in DATELINE_BUILT_FILES. The steps after Astro (`_headers`, search) read
 * that list rather than walk the site: walking 18,000 page folders took a
 * second on its own. Without the variable (`astro build` by hand) it does
 * nothing.
 */
export function builtFiles(): AstroIntegration {
  return {
    name: "dateline:built-files",
    hooks: {
      "astro:build:done": ({ dir, assets }) => {
        const list = process.env[BUILT_FILES_VARIABLE];
        if (!list) return;
        const root = fileURLToPath(dir);
        const files = [...assets.values()]
          .flat()
          .map((url) => fileURLToPath(url).slice(root.length));
        writeFileSync(list, `${files.join("\n")}\n`);
      },
    },
  };
}
