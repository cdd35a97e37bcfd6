import type { SchemaContext } from "astro:content";
import { z } from "astro/zod";
import { describeValue } from "../lib/describe-value.ts";
import { articleSchema, type ArticleData } from "../schemas/article.ts";

/**
 * The image helper for tools that validate without a build: the path stays a
 * string, and the check looks for the file beside the article itself (see
 * `missingImages` in check-rules.ts), with the field's line. Astro's helper
 * turns it into image metadata instead, which only a build can do.
 */
const imagePath = (() =>
  z.string({
    error: (issue) =>
      `expected the path of an image file beside the article, such as ./photo.jpg; found ${describeValue(issue.input)}`,
  })) as unknown as SchemaContext["image"];

/** The article schema as the editor's tools use it: the build's, with image paths kept. */
export const toolSchema = articleSchema({ image: imagePath });

/** An article's frontmatter after validation, as the tools see it. */
export type ToolArticleData = Omit<ArticleData, "image"> & {
  image?: (Omit<NonNullable<ArticleData["image"]>, "src"> & { src: string }) | undefined;
};

/** One schema finding: the dotted field (`image.alt`) and what was expected and found. */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * Validates frontmatter against the build's schema: the data with defaults,
 * or every problem with its field.
 *
 * @example validateFrontmatter({ published: "soon" }).issues?.[0]
 * // { field: "headline", message: "expected a headline; found nothing" }
 */
export function validateFrontmatter(
  frontmatter: unknown,
): { data: ToolArticleData; issues?: undefined } | { data?: undefined; issues: FieldIssue[] } {
  const result = toolSchema.safeParse(frontmatter ?? {});
  if (result.success) return { data: result.data as ToolArticleData };
  return {
    issues: result.error.issues.map((issue) => ({
      field: issue.path.join(".") || "frontmatter",
      message: issue.message,
    })),
  };
}
