import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
} from "yaml";

/**
 * The most values YAML aliases (`*name`) may add when the frontmatter is
 * read: the `yaml` package's own guard against alias bombs ("billion
 * laughs": nine aliases of nine aliases… expand a few lines to gigabytes).
 * A frontmatter has no use for more than a few.
 */
export const MAX_ALIAS_COUNT = 100;

/**
 * The frontmatter block, as Astro finds it: its YAML is the first group. An
 * empty block (`---` twice) counts. The check and the desk split files with it.
 */
export const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

/** Frontmatter as read from the YAML text, with the line of every field. */
export interface ParsedFrontmatter {
  /** The fields, timestamps kept as the text the editor wrote. */
  data: Record<string, unknown>;
  /** The line of every field, as data (kept with a cached reading); `lineIn` looks one up. */
  lines: FieldLines;
}

/**
 * The line of every field and list item in a frontmatter, keyed by its path
 * as JSON (`["authors",1]`): map keys as the YAML has them, list indexes as
 * numbers. Plain data, so a reading can be cached with its lines.
 */
export type FieldLines = Record<string, number>;

/** A YAML syntax error: what is wrong and on which frontmatter line. */
export interface YamlProblem {
  line: number;
  message: string;
}

/**
 * Reads frontmatter YAML with the `yaml` package's YAML 1.2 core schema: a
 * timestamp stays the text the editor wrote (YAML 1.1 readers, Astro's among
 * them, turn `2020-05-26` and `2020-05-26T00:00:00Z` into the same Date, and
 * `2020-05-26T18:39:00` into UTC), so the schema can judge it as written.
 * Positions come from the parser, not from searching the text.
 */
export function parseFrontmatterYaml(
  yaml: string,
): { frontmatter: ParsedFrontmatter; problem?: undefined } | { problem: YamlProblem } {
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) return { problem: describeYamlError(yaml, error, counter) };
  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    const found = isSeq(contents) ? "a list" : `the text ${JSON.stringify(String(doc.toJS()))}`;
    return {
      problem: { line: 1, message: `expected fields such as "headline: …"; found ${found}` },
    };
  }
  let data: Record<string, unknown>;
  try {
    data = (doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {}) as Record<string, unknown>;
  } catch (error) {
    // The package throws a ReferenceError for an alias bomb; anything else is not ours to word.
    if (!(error instanceof ReferenceError)) throw error;
    return {
      problem: {
        line: firstAliasLine(doc, counter),
        message: `expected YAML whose aliases (*name) repeat at most ${MAX_ALIAS_COUNT} values; found aliases that expand it far beyond that (an alias bomb: write the values out instead)`,
      },
    };
  }
  return { frontmatter: { data, lines: fieldLines(doc, counter) } };
}

/**
 * The frontmatter line (1 = first line after the opening `---`) of the value
 * at a path such as ["authors", 1] or ["image", "alt"]; the nearest enclosing
 * field's line when the path is missing, 0 when none is.
 */
export function lineIn(lines: FieldLines, path: readonly PropertyKey[]): number {
  for (let length = path.length; length > 0; length--) {
    const line = lines[JSON.stringify(path.slice(0, length))];
    if (line !== undefined) return line;
  }
  return 0;
}

/** Every field's line: a key's line for a field (whatever its value), an item's own for a list item. */
function fieldLines(doc: Document, counter: LineCounter): FieldLines {
  const lines: FieldLines = {};
  const lineAt = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
    return range ? counter.linePos(range[0]).line : 0;
  };
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const at = [...path, pair.key.value as PropertyKey];
        const key = JSON.stringify(at);
        // The first of equal keys, as a lookup finds it (duplicates are refused anyway).
        if (!(key in lines)) lines[key] = lineAt(pair.key);
        walk(pair.value, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        const at = [...path, index];
        const line = lineAt(item);
        if (line > 0) lines[JSON.stringify(at)] = line;
        walk(item, at);
      });
    }
  };
  walk(doc.contents, []);
  return lines;
}

/** The frontmatter line of the first alias in a document. */
function firstAliasLine(doc: Document, counter: LineCounter): number {
  let line = 1;
  visit(doc, {
    Alias: (_, node) => {
      if (!isAlias(node) || !node.range) return undefined;
      line = counter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

/** The messages the parser words for programmers, said for editors. */
function describeYamlError(
  yaml: string,
  error: { code: string; message: string; pos: [number, number] },
  counter: LineCounter,
): YamlProblem {
  const line = counter.linePos(error.pos[0]).line;
  const quote = /^Missing closing (["'])quote/.exec(error.message)?.[1];
  if (quote) {
    const opened = unclosedQuoteLine(yaml, quote);
    return {
      line: opened ?? line,
      message: `expected valid YAML; found a value opened with ${quote} and never closed (close it with ${quote} at the end of the value)`,
    };
  }
  const reason = error.message.split(" at line ")[0] ?? error.message;
  const hints: Record<string, string> = {
    DUPLICATE_KEY: "the same field twice (keep one)",
    TAB_AS_INDENT: "a tab used for indentation (indent with spaces)",
    BLOCK_AS_IMPLICIT_KEY: 'a second ": " in a value (put the value in quotes)',
    MULTILINE_IMPLICIT_KEY: 'a line that is neither "field: value" nor part of a list',
    BAD_INDENT: "a bracket or list that is not closed or not indented under its field",
  };
  const hint = hints[error.code];
  return {
    line,
    message: `expected valid YAML; found ${hint ?? reason.charAt(0).toLowerCase() + reason.slice(1)}${hint ? ` (${reason})` : ""}`,
  };
}

/** The line whose value starts with a quote that no later character on it closes. */
function unclosedQuoteLine(yaml: string, quote: string): number | undefined {
  const lines = yaml.split(/\r?\n/);
  const pattern = new RegExp(`^\\s*(?:- )?(?:[^\\s:#][^:]*:\\s+)?${quote}`);
  for (const [index, text] of lines.entries()) {
    const start = pattern.exec(text);
    if (!start) continue;
    const rest = text.slice(start[0].length);
    const closed = quote === '"' ? /(^|[^\\])"/.test(rest) : /'(?!')/.test(rest.replace(/''/g, ""));
    if (!closed) return index + 1;
  }
  return undefined;
}
