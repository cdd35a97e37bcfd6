import { load, YAMLException } from "js-yaml";
import { fieldLine, type CheckedFile, type Problem, type ValidArticle } from "./check-rules.ts";
import { validateFrontmatter } from "./validate-article.ts";

/** The frontmatter block, as Astro finds it; an empty block (`---` twice) counts. */
const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/**
 * Reads one article file's text the way the build does and validates its
 * frontmatter with the build's schema: the article for the cross-file rules,
 * or its problems with their lines.
 *
 * YAML is read with js-yaml 5, which keeps timestamps as text. The build's
 * YAML reader (js-yaml 4, inside Astro) turns `2020-05-26T18:39:00` into a
 * date in UTC before the schema sees it, so there a time without an offset
 * slips through; here the schema sees the text and asks for the offset.
 *
 * @example readArticle("---\nheadline: H\n---\n", { file: "a.md", path: "/c/a.md", id: "a" }).problems
 * // [{ file: "a.md", line: 1, field: "published", message: "expected an ISO 8601 date-time …", severity: "error" }]
 */
export function readArticle(
  text: string,
  where: Pick<CheckedFile, "file" | "path" | "id">,
): { article?: ValidArticle; problems: Problem[] } {
  const error = (line: number, field: string, message: string): Problem => ({
    file: where.file,
    line,
    field,
    message,
    severity: "error",
  });
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return {
      problems: [
        error(
          1,
          "frontmatter",
          `expected the file to start with a line "---", the YAML frontmatter and another "---"; found ${describeStart(text)}`,
        ),
      ],
    };
  }
  const yaml = match[1] ?? "";
  const frontmatterLines = yaml === "" ? [] : yaml.split(/\r?\n/);
  const checked: CheckedFile = {
    ...where,
    frontmatterLines,
    body: text.slice(match[0].length),
    bodyLine: frontmatterLines.length + 3,
  };
  let frontmatter: unknown = {};
  try {
    // js-yaml 5 refuses a document without content; Astro reads it as no fields.
    if (!yaml.split(/\r?\n/).every((line) => /^\s*(#.*)?$/.test(line))) frontmatter = load(yaml);
  } catch (thrown) {
    if (!(thrown instanceof YAMLException)) throw thrown;
    const line = thrown.mark ? thrown.mark.line + 2 : 1;
    return {
      problems: [error(line, "frontmatter", `expected valid YAML; found ${thrown.reason}`)],
    };
  }
  if (frontmatter !== undefined && frontmatter !== null && typeof frontmatter !== "object") {
    return {
      problems: [
        error(
          2,
          "frontmatter",
          `expected fields such as "headline: …"; found ${typeof frontmatter}`,
        ),
      ],
    };
  }
  const result = validateFrontmatter(frontmatter);
  if (result.issues) {
    return {
      problems: result.issues.map((issue) =>
        error(fieldLine(frontmatterLines, issue.field), issue.field, issue.message),
      ),
    };
  }
  return { article: { checked, data: result.data }, problems: [] };
}

/** The first line of a file that lacks frontmatter, for the message. */
function describeStart(text: string): string {
  const first = text.trimStart().split(/\r?\n/, 1)[0] ?? "";
  if (first === "") return "an empty file";
  return `"${first.length > 40 ? `${first.slice(0, 40)}…` : first}"`;
}
