import { defineCollection } from "astro:content";
import { articleLoader } from "./editor/article-loader.ts";
import { articleSchema } from "./schemas/article.ts";
import { contentFolder } from "./site/content-folder.ts";

/** The folder articles are read from; `DATELINE_CONTENT` points a build elsewhere (benchmarks, fixtures). */
export const contentDir = contentFolder();

/**
 * Articles: every Markdown file under content/ (README.md and files
 * starting with `_` or `.` are ignored). The loader runs every rule of
 * `npm run check` before it stores anything (src/editor/article-loader.ts);
 * the schema, with a comment on every field, lives in src/schemas/article.ts
 * so that tools can validate without a build.
 */
const articles = defineCollection({
  loader: articleLoader({ base: contentDir }),
  schema: articleSchema,
});

export const collections = { articles };
