import { characterName, firstForbidden, isBlank, spaceLayoutControls } from "../lib/characters.ts";
import { slugFromId } from "../lib/permalink.ts";
import { context, forbiddenInBody, unclosedHtml } from "./body-text.ts";
import type { CheckedFile, Problem, ValidArticle } from "./check-rules.ts";
import { FRONTMATTER, lineIn, parseFrontmatterYaml, type FieldLines } from "./frontmatter-yaml.ts";
import { deepestNesting, MAX_NESTING } from "./markdown-depth.ts";
import { validateFrontmatter } from "./validate-article.ts";

/** A file that opens a frontmatter block, whether or not it closes it. */
const OPENS_FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n/;

/** A story's text as the rules and the site read it: layout controls as spaces (src/lib/characters.ts). */
export const articleText = spaceLayoutControls;

/** Where an article file is, for messages and for the rules on its file name. */
export type ArticleLocation = Pick<CheckedFile, "file" | "path" | "id">;

/** An article read and judged on its own: the valid article, or why not. */
export interface ReadResult {
  article?: ValidArticle;
  /** The frontmatter as written (timestamps as text), for the build's own schema pass. */
  raw?: Record<string, unknown>;
  problems: Problem[];
}

/**
 * Reads one article file and applies every rule that needs only this file:
 * UTF-8, a file name that gives a slug, frontmatter YAML (timestamps as
 * written), the schema, Markdown nesting (before any parser sees it) and a
 * body for a published story. The build's loader and `npm run check` both
 * call this; lines come back as data.
 *
 * @example readArticle("---\nheadline: H\n---\n", { file: "a.md", path: "/c/a.md", id: "a" }).problems[0]
 * // { file: "a.md", line: 1, field: "published", message: "expected an ISO 8601 date-time …", severity: "error" }
 */
export function readArticle(input: Uint8Array | string, where: ArticleLocation): ReadResult {
  const error = (line: number, field: string, message: string): Problem => ({
    file: where.file,
    line,
    field,
    message,
    severity: "error",
  });
  const name = where.id.split("/").at(-1) ?? where.id;
  if (slugFromId(where.id) === "") {
    return {
      problems: [
        error(
          1,
          "file",
          `expected a file name with Latin letters or digits, which becomes the story's address; found "${name}.md", which gives an empty one (rename the file, e.g. tokyo-earthquake.md)`,
        ),
      ],
    };
  }
  const decoded = typeof input === "string" ? { text: input } : decode(input);
  if ("problem" in decoded) return { problems: [error(decoded.line, "file", decoded.problem)] };
  const text = articleText(decoded.text);
  const match = FRONTMATTER.exec(text);
  if (!match) {
    return {
      problems: [
        OPENS_FRONTMATTER.test(text)
          ? error(
              1,
              "frontmatter",
              `expected a line "---" closing the frontmatter that opens on line 1; found none (the file ends inside the frontmatter: add a line "---" after the last field)`,
            )
          : error(
              1,
              "frontmatter",
              `expected the file to start with a line "---", the YAML frontmatter and another "---"; found ${describeStart(text)}`,
            ),
      ],
    };
  }
  const yaml = match[1] ?? "";
  const yamlLines = yaml === "" ? 0 : yaml.split(/\r?\n/).length;
  const body = text.slice(match[0].length);
  const bodyLine = yamlLines + 3;
  const parsed = parseFrontmatterYaml(yaml);
  if (parsed.problem) {
    return { problems: [error(parsed.problem.line + 1, "frontmatter", parsed.problem.message)] };
  }
  const { frontmatter } = parsed;
  const checked = withLines({ ...where, body, bodyLine, lines: frontmatter.lines });
  const { line } = checked;
  const problems: Problem[] = [];
  // YAML escapes ("\v", "\e") reach the values without passing the text's mapping.
  const data = spaceControlsIn(frontmatter.data) as Record<string, unknown>;
  for (const { path, message } of forbiddenInValues(data)) {
    const { field, item } = itemOf(path.join("."));
    problems.push(error(line(path.join(".")), field, item ? `item ${item}: ${message}` : message));
  }
  const result = validateFrontmatter(data);
  if (result.issues) {
    for (const issue of result.issues) {
      const { field, item } = itemOf(issue.field);
      problems.push(
        error(line(issue.field), field, item ? `item ${item}: ${issue.message}` : issue.message),
      );
    }
  }
  const deep = deepestNesting(body);
  if (deep) {
    problems.push(
      error(
        bodyLine + deep.index,
        "body",
        `expected ${deep.kind} nested at most ${MAX_NESTING} levels deep; found ${deep.depth.toLocaleString("en-US")} levels`,
      ),
    );
  }
  // Characters no page may carry, and raw HTML that would swallow the text
  // after it (read by the parser, so only once the nesting is known to be safe).
  const findings = [...forbiddenInBody(body), ...(deep ? [] : unclosedHtml(body))];
  for (const { index, message } of findings)
    problems.push(error(bodyLine + index, "body", message));
  if (result.data && !result.data.draft && isBlank(body)) {
    problems.push(
      error(
        bodyLine,
        "body",
        "expected the story's text after the frontmatter; found nothing (a published story needs a body; set draft: true to keep it unpublished)",
      ),
    );
  }
  if (problems.length > 0 || !result.data) return { problems };
  return { article: { checked, data: result.data }, raw: data, problems: [] };
}

/** Frontmatter values with vertical tabs and form feeds as spaces, however they were written. */
function spaceControlsIn(value: unknown): unknown {
  if (typeof value === "string") return spaceLayoutControls(value);
  if (Array.isArray(value)) return value.map(spaceControlsIn);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, spaceControlsIn(inner)]),
    );
  }
  return value;
}

/** Every frontmatter text holding a character no page may carry, by its path. */
function forbiddenInValues(
  value: unknown,
  path: PropertyKey[] = [],
): { path: PropertyKey[]; message: string }[] {
  if (typeof value === "string") {
    const char = firstForbidden(value);
    if (!char) return [];
    return [
      {
        path,
        message: `expected text without control characters; found ${characterName(char.code)}${context(value, char.index)}, which no page or feed may carry (delete it; it is invisible in most editors)`,
      },
    ];
  }
  if (Array.isArray(value))
    return value.flatMap((item, index) => forbiddenInValues(item, [...path, index]));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, inner]) =>
      forbiddenInValues(inner, [...path, key]),
    );
  }
  return [];
}

/**
 * A checked file's `line(field)` from its frontmatter's lines: a field's file
 * line, the opening `---` (line 1) for a field that is missing.
 */
export function withLines<T extends { lines: FieldLines }>(file: T): T & Pick<CheckedFile, "line"> {
  const line = (field: string) => {
    const path = field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const at = lineIn(file.lines, path);
    return at === 0 ? 1 : at + 1;
  };
  return { ...file, line };
}

/** `authors.1` → field `authors`, item 2: editors count list items from one. */
function itemOf(path: string): { field: string; item?: number } {
  const parts = path.split(".");
  const index = parts.findIndex((part) => /^\d+$/.test(part));
  if (index < 0) return { field: path };
  return {
    field: parts.filter((part) => !/^\d+$/.test(part)).join("."),
    item: Number(parts[index]) + 1,
  };
}

/**
 * A file's bytes as text: UTF-8, or the line of the first byte that is not
 * (a Latin-1 export would otherwise be published as "Caf� in Z�rich").
 */
function decode(bytes: Uint8Array): { text: string } | { problem: string; line: number } {
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      problem: "expected a UTF-8 text file; found binary data (NUL bytes)",
      line: lineAt(bytes, nul),
    };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    return {
      problem: `expected UTF-8 text; found bytes that are not UTF-8 (0x${(bytes[at] ?? 0).toString(16).toUpperCase()} on line ${lineAt(bytes, at)}; save the file as UTF-8)`,
      line: lineAt(bytes, at),
    };
  }
}

/** The offset of the first byte that does not decode: found by decoding prefixes line by line. */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    end = end < 0 ? bytes.length : end + 1;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      for (let i = start; i < end; i++) {
        try {
          // Streaming: a character cut off at the end is not an error, a bad byte is.
          new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, i + 1), {
            stream: true,
          });
        } catch {
          // The byte that broke is often the one after a lone lead byte (é in
          // Latin-1 is 0xE9, a UTF-8 lead); name the lead byte then.
          return i > start && (bytes[i - 1] ?? 0) >= 0xc0 ? i - 1 : i;
        }
      }
      return start;
    }
    start = end;
  }
  return 0;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

/** The first line of a file that lacks frontmatter, for the message. */
function describeStart(text: string): string {
  const first = text.trimStart().split(/\r?\n/, 1)[0] ?? "";
  if (first === "") return "an empty file";
  return `"${first.length > 40 ? `${first.slice(0, 40)}…` : first}"`;
}
