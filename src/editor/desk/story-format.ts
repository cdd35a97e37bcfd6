import { dump } from "js-yaml";
import { isMap, isScalar, parse, parseDocument, type Pair } from "yaml";
import { articleFile } from "../article-file.ts";
import { FRONTMATTER, parseFrontmatterYaml } from "../frontmatter-yaml.ts";

/**
 * How the desk reads and writes a story file, so that nothing an editor wrote
 * is lost: the desk's own writer re-serialises a whole file (quoting, list
 * style, key order, Markdown escapes), while this one changes only what the
 * editor changed. A story read by the desk carries its file as read (under
 * `SOURCE_KEY`, never written); when it is saved, every field whose meaning
 * is unchanged keeps its lines byte for byte, a changed field's lines alone
 * are written anew, and the body is kept as read unless its text changed.
 * A new story is written as `npm run new` writes one (articleFile).
 *
 * Sveltia CMS itself trims a file before reading it and ends what it writes
 * with one line break, and reads CRLF line ends as LF: those, and a byte-order
 * mark, are the only changes a save makes to a story the editor did not touch.
 */

/** What the format needs to know of the schema. */
export interface StoryFormatOptions {
  /** The key under which a read story carries its file as read. */
  sourceKey: string;
  /** The frontmatter fields in the schema's order, where new ones are placed. */
  order: readonly string[];
  /** The schema's defaults: a field absent from a file means its default. */
  defaults: Readonly<Record<string, unknown>>;
}

/** A story as the desk holds it: its frontmatter fields, `body`, and its file as read. */
export type StoryValue = Record<string, unknown>;

/**
 * Reads a story file: the frontmatter as the build reads it (timestamps kept
 * as the text written), the body after the frontmatter's closing line.
 *
 * @example readStory("---\nheadline: H\n---\n\nText\n", options) // { headline: "H", body: "Text\n", _source: "---\n…" }
 */
export function readStory(text: string, options: StoryFormatOptions): StoryValue {
  const match = FRONTMATTER.exec(text);
  if (!match) return { body: text, [options.sourceKey]: text };
  let data: unknown;
  try {
    // The build's reading (YAML 1.2 core schema: timestamps stay text),
    // without the lines of fields the check keeps: the desk reads every story at start.
    data = parse(match[1] ?? "", { uniqueKeys: true }) ?? {};
  } catch {
    const parsed = parseFrontmatterYaml(match[1] ?? "");
    const problem = parsed.problem ?? { line: 1, message: "expected valid YAML" };
    throw new Error(
      `frontmatter line ${problem.line}: ${problem.message} (npm run check names the file and line)`,
    );
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new Error('frontmatter: expected fields such as "headline: …"');
  }
  const body = text.slice(match[0].length).replace(/^\n/, "");
  return { ...(data as StoryValue), body, [options.sourceKey]: text };
}

/**
 * Writes a story: a new one as `npm run new` would, an existing one with only
 * the changed fields' lines and, if its text changed, the body written anew.
 */
export function writeStory(value: StoryValue, options: StoryFormatOptions): string {
  const { [options.sourceKey]: source, body: rawBody, ...fields } = value;
  const body = typeof rawBody === "string" ? rawBody : "";
  if (typeof source !== "string") return newStory(fields, body, options);
  const match = FRONTMATTER.exec(source);
  if (!match) return source === body ? source : newStory(fields, body, options);
  const yaml = match[1] ?? "";
  const yamlStart = match[1] === undefined ? -1 : match[0].indexOf("\n") + 1;
  const head = yamlStart < 0 ? "" : editFrontmatter(yaml, fields, options);
  const opening = yamlStart < 0 ? match[0] : source.slice(0, yamlStart);
  const closing = yamlStart < 0 ? "" : source.slice(yamlStart + yaml.length, match[0].length);
  const written = source.slice(match[0].length);
  const keptBody = written.replace(/^\n/, "");
  const bodyText =
    sameText(keptBody, body) || keptBody === body
      ? written
      : `${written.startsWith("\n") ? "\n" : ""}${body.replace(/\s+$/, "")}\n`;
  if (yamlStart < 0) return `${opening}${bodyText}`;
  return `${opening}${head}${closing}${bodyText}`;
}

/** A new story, as `npm run new` writes one: fields in the schema's order, defaults left out. */
function newStory(fields: StoryValue, body: string, options: StoryFormatOptions): string {
  const ordered: Record<string, unknown> = {};
  for (const key of [...options.order, ...Object.keys(fields)]) {
    if (key in ordered || !(key in fields)) continue;
    const value = clean(fields[key]);
    if (value === undefined) continue;
    const fallback = options.defaults[key];
    if (typeof fallback === "boolean" && value === fallback) continue;
    ordered[key] = value;
  }
  return articleFile(ordered, body);
}

/**
 * The frontmatter with the changed fields' lines written anew, the removed
 * ones gone and the new ones in the schema's order; all other lines as read.
 */
function editFrontmatter(yaml: string, fields: StoryValue, options: StoryFormatOptions): string {
  const doc = parseDocument(yaml, { keepSourceTokens: false });
  const map = doc.contents;
  if (!isMap(map)) return yaml;
  const read = (doc.toJS() ?? {}) as StoryValue;
  const pairs = (map.items as Pair[]).filter((pair) => isScalar(pair.key));
  const starts = pairs.map(
    (pair) => (pair.key as { range?: [number, number, number] }).range?.[0] ?? 0,
  );
  const preamble = yaml.slice(0, starts[0] ?? yaml.length);
  const chunks = new Map<string, string>();
  const order: string[] = [];
  pairs.forEach((pair, index) => {
    const key = String((pair.key as { value: unknown }).value);
    const end = starts[index + 1] ?? yaml.length;
    let chunk = yaml.slice(starts[index], end);
    if (!chunk.endsWith("\n")) chunk += "\n";
    const next = fields[key];
    if (!sameValue(read[key], next, options.defaults[key])) {
      // The field's own text is replaced; comments and blank lines after it stay.
      const own = valueEnd(pair) - (starts[index] ?? 0);
      const rest = chunk
        .slice(own)
        .replace(/^[^\n]*\n/, (line) => (line.trim() === "" ? "\n" : line));
      const value = clean(next);
      chunk =
        value === undefined
          ? rest.replace(/^\n/, "")
          : `${fieldYaml(key, value).replace(/\n$/, "")}${rest}`;
    }
    chunks.set(key, chunk);
    order.push(key);
  });
  // Fields the file did not have: placed after the field before them in the schema's order.
  for (const key of Object.keys(fields)) {
    if (chunks.has(key) || sameValue(undefined, fields[key], options.defaults[key])) continue;
    const value = clean(fields[key]);
    if (value === undefined) continue;
    const rank = options.order.indexOf(key);
    const before = order.findLastIndex((known) => {
      const known_rank = options.order.indexOf(known);
      return rank < 0 || (known_rank >= 0 && known_rank < rank);
    });
    order.splice(before + 1, 0, key);
    chunks.set(key, fieldYaml(key, value));
  }
  const text = preamble + order.map((key) => chunks.get(key)).join("");
  return yaml.endsWith("\n") ? text : text.replace(/\n$/, "");
}

/** Where a field's own text ends: its value's end, before any comment after it. */
function valueEnd(pair: Pair): number {
  const range = (node: unknown) => (node as { range?: [number, number, number] } | null)?.range;
  return range(pair.value)?.[1] ?? range(pair.key)?.[1] ?? 0;
}

/** One field as YAML lines, as the house writer (articleFile) writes it. */
function fieldYaml(key: string, value: unknown): string {
  return dump({ [key]: value }, { lineWidth: -1, noRefs: true });
}

/** A value with its empty parts (absent, blank, empty list or object) taken out. */
function clean(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value)
      .map(([key, item]) => [key, clean(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Whether two values of a field mean the same to the build: blanks and
 * absence alike, a field's default and its absence alike, a single name and a
 * list of it alike, text alike but for surrounding spaces (the schema trims),
 * and two date-times with offsets alike when they are the same instant.
 */
export function sameValue(read: unknown, next: unknown, fallback?: unknown): boolean {
  const a = clean(read) ?? clean(fallback);
  const b = clean(next) ?? clean(fallback);
  return same(a, b);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  if (typeof a === "string" && Array.isArray(b)) return same([a], b);
  if (Array.isArray(a) && typeof b === "string") return same(a, [b]);
  if (typeof a === "string" && typeof b === "string") {
    if (a.trim() === b.trim()) return true;
    return ISO_WITH_OFFSET.test(a.trim()) && ISO_WITH_OFFSET.test(b.trim())
      ? Date.parse(a) === Date.parse(b)
      : false;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => same(item, b[index]));
  }
  if (typeof a === "object" && typeof b === "object" && a !== null && b !== null) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) =>
      same(clean((a as StoryValue)[key]), clean((b as StoryValue)[key])),
    );
  }
  return false;
}

/** Two bodies alike but for the line breaks at their end (the desk trims what it writes). */
function sameText(read: string, next: string): boolean {
  return read.replace(/\s+$/, "") === next.replace(/\s+$/, "");
}
