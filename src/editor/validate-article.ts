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
    issues: result.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => unknownField(issue.path, key))
        : [{ field: issue.path.join(".") || "frontmatter", message: issue.message }],
    ),
  };
}

/**
 * A field the schema does not know, named with the nearest one it does
 * (`darft`: did you mean `draft`?). The known fields are read from the
 * schema itself, the one list of them.
 */
function unknownField(path: readonly PropertyKey[], key: string): FieldIssue {
  const known = fieldsAt(toolSchema, path);
  const near = nearest(key, known);
  return {
    field: [...path, key].join("."),
    message: near
      ? `expected a field the site knows; found "${key}" (did you mean "${near}"?)`
      : `expected a field the site knows (${known.join(", ")}); found "${key}"`,
  };
}

/** The schema's own type under optional, default, pipe and refinement wrappers. */
function unwrap(schema: unknown): unknown {
  let current = schema as { def?: { innerType?: unknown; in?: unknown } } | undefined;
  while (current?.def?.innerType ?? current?.def?.in) {
    current = (current.def.innerType ?? current.def.in) as typeof current;
  }
  return current;
}

/** The field names of the object a path leads to in a schema (list items by index). */
export function fieldsAt(schema: unknown, path: readonly PropertyKey[]): string[] {
  let current = unwrap(schema) as { shape?: Record<string, unknown>; element?: unknown };
  for (const part of path) {
    const next = typeof part === "number" ? current.element : current.shape?.[String(part)];
    current = unwrap(next) as typeof current;
  }
  return Object.keys(current.shape ?? {});
}

/**
 * The known name nearest a typo: at most one edit (an insertion, a deletion,
 * a change, two neighbours swapped) per three letters, and at least one.
 *
 * @example nearest("darft", ["draft", "dateline"]) // "draft"
 */
export function nearest(typed: string, known: readonly string[]): string | undefined {
  const word = typed.toLowerCase();
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(word, name.toLowerCase());
    if (
      distance <= Math.max(1, Math.floor(name.length / 3)) &&
      distance < (best?.distance ?? Infinity)
    ) {
      best = { name, distance };
    }
  }
  return best?.name;
}

/** Edits from one word to another, a swap of neighbours counting as one (optimal string alignment). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(
        (above[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (above[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = value;
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
