import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { articleSchema } from "./schemas/article.ts";

/** The folder articles are read from; `DATELINE_CONTENT` points a build elsewhere (benchmarks, fixtures). */
export const contentDir = process.env["DATELINE_CONTENT"] ?? "./content";

/**
 * Articles: every Markdown file under content/ (README.md and files
 * starting with `_` or `.` are ignored). The schema, with a comment on every field, lives in
 * src/schemas/article.ts so that tools can validate without a build.
 */
const articles = defineCollection({
  loader: glob({
    base: contentDir,
    pattern: ["**/[^_.]*.md", "!**/README.md"],
    // The whole relative path, so two files with the same name in different
    // folders stay two entries; the slug is taken from the file name alone.
    generateId: ({ entry }) => entry.replace(/\.md$/, ""),
  }),
  schema: articleSchema,
});

export const collections = { articles };
