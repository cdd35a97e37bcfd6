import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, test } from "vitest";

/**
 * The layers of src/, lowest first, and what each may import: arrows only
 * point down. Pages, layouts and components sit on top and may import any
 * domain module; no domain module imports a component or a page.
 */
const ALLOWED: Record<string, readonly string[]> = {
  lib: ["lib"],
  site: ["lib", "site"],
  schemas: ["lib", "site", "schemas"],
  news: ["lib", "site", "schemas", "news"],
  markdown: ["lib", "news", "markdown"],
  distribution: ["lib", "site", "news", "distribution"],
  // The content loader renders stories with the site's Markdown pipeline.
  editor: ["lib", "site", "schemas", "news", "markdown", "editor"],
  // The content report closes a build with the editor's rules' findings.
  integrations: ["lib", "site", "distribution", "editor", "integrations"],
};

const root = resolve(import.meta.dirname, "../..");
const src = join(root, "src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : /\.(ts|astro)$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The relative imports of a file, resolved to paths under src/. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)].map((match) =>
    relative(src, resolve(dirname(file), match[1] ?? "")),
  );
}

const layer = (path: string) => (path.includes("/") ? path.split("/")[0]! : path);

test("every import points down the layers", () => {
  const wrong: string[] = [];
  for (const file of files(src)) {
    const from = relative(src, file);
    const allowed = ALLOWED[layer(from)];
    if (!allowed) continue; // pages, layouts, components: the top
    for (const target of imports(file)) {
      if (target === "site.config.ts" && from.startsWith("site/")) continue;
      if (!allowed.includes(layer(target))) wrong.push(`${from} imports ${target}`);
    }
  }
  expect(wrong).toEqual([]);
});

test("only the site context reads the config and Astro's BASE_URL", () => {
  const readers = files(src)
    .filter((file) => {
      const text = readFileSync(file, "utf8");
      return /site\.config\.ts["']/.test(text) || /import\.meta\.env\??\.BASE_URL/.test(text);
    })
    .map((file) => relative(src, file))
    .sort();
  expect(readers).toEqual(["site/site-context.ts", "site/site.ts"]);
});

test("no module names Astro's environment object alone, in code or comment", () => {
  // Astro replaces a bare `import.meta.env` (its pattern: not followed by a
  // dot) with an object of every environment variable whose name the file's
  // text contains, so the page code, and every page's cache key, would change
  // with the shell that started the build (src/site/site.ts).
  const bare = files(src)
    .filter((file) => /\bimport\.meta\.env\b(?!\.)/.test(readFileSync(file, "utf8")))
    .map((file) => relative(src, file));
  expect(bare).toEqual([]);
});

test("the checker sees the imports it judges", () => {
  expect(imports(join(src, "news/articles.ts"))).toContain("site/site.ts");
  expect(layer("components/layout/HeadMeta.astro")).toBe("components");
});
