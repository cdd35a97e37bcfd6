/**
 * Recognisers for raw article text as copied from a news page: page chrome,
 * headline, dateline, contributor line and a printed date. Pure functions;
 * scripts/import.ts does the reading and writing.
 */

/** Lines that news pages put around a story, never part of it. */
const CHROME_LINES = [
  /^stay updated on developing stories$/i,
  /^(breaking news|live updates?|developing story|advertisement|ad feedback|skip to (main )?content|share this( article)?|listen to this article)$/i,
  /^(updated|published)\b.*\d{4}$/i,
];

/** Names of recommendation and advertising widgets that trail stories. */
const WIDGET_LINES =
  /^(outbrain|taboola|recommended( for you)?|more from .+|related (articles|stories|content)|paid content|sponsored( content)?|promoted stories|around the web|ad feedback|advertisement)$/i;

export interface RawArticle {
  headline: string;
  /** Place from the dateline, e.g. "Washington". */
  dateline?: string | undefined;
  /** Source from the dateline or the contributor line, e.g. "CNN". */
  source?: string | undefined;
  contributors: string[];
  /** The story's paragraphs, without dateline and contributor line. */
  paragraphs: string[];
  /** A publication time printed in the page chrome, if one could be read. */
  printedDate?: { text: string } | undefined;
  /** What was left out, to tell the editor. */
  dropped: string[];
}

/** Why a text could not be imported. */
export class ImportError extends Error {
  override name = "ImportError";
}

/**
 * Splits a leading dateline off a first paragraph: `Place(Source) text`,
 * `Place (Source) — text` or `(Source) — text`.
 *
 * @example splitDateline("Washington(CNN) Former Attorney General…")
 * // { place: "Washington", source: "CNN", rest: "Former Attorney General…" }
 */
export function splitDateline(
  paragraph: string,
): { place?: string | undefined; source: string; rest: string } | undefined {
  const match =
    /^(?:(?<place>[\p{Lu}][\p{L}.'’ ,-]{0,60}?)\s*)?\((?<source>[\p{Lu}][\p{L}\d&.' -]{0,40})\)\s*(?:(?:—|–|--?)\s*)?(?<rest>\S[\s\S]*)$/u.exec(
      paragraph.trim(),
    );
  if (!match?.groups) return undefined;
  const { place, source = "", rest = "" } = match.groups;
  const cleanPlace = place?.replace(/[\s,]+$/, "");
  return { place: cleanPlace === "" ? undefined : cleanPlace, source: source.trim(), rest };
}

/**
 * Reads a closing contributor line: "CNN's A, B and C contributed to this report."
 *
 * @example parseContributorLine("CNN's Kaitlan Collins and Maegan Vazquez contributed to this report.")
 * // { source: "CNN", names: ["Kaitlan Collins", "Maegan Vazquez"] }
 */
export function parseContributorLine(
  line: string,
): { source: string; names: string[] } | undefined {
  const match =
    /^(?<source>[\p{Lu}][\p{L}\d&. ]*?)['’]s? (?<names>.+?) contributed to this report\.?$/u.exec(
      line.trim().replace(/[‘’]/g, "’"),
    );
  if (!match?.groups) return undefined;
  const names = (match.groups["names"] ?? "")
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((name) => name.trim())
    .filter(Boolean);
  return names.length > 0 ? { source: (match.groups["source"] ?? "").trim(), names } : undefined;
}

/**
 * Parses raw article text. `name` is only for messages. Throws ImportError
 * with what is missing when the text is not an article.
 */
export function parseRawArticle(text: string, name: string): RawArticle {
  if (text.includes("\u0000") || text.includes("\ufffd")) {
    throw new ImportError(`${name}: expected plain text (UTF-8); found binary data`);
  }
  const lines = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trim());
  if (lines.every((line) => line === ""))
    throw new ImportError(`${name}: expected article text; found an empty file`);
  const dropped: string[] = [];
  let printedDate: { text: string } | undefined;

  let start = 0;
  while (
    start < lines.length &&
    (lines[start] === "" || CHROME_LINES.some((pattern) => pattern.test(lines[start] ?? "")))
  ) {
    const line = lines[start] ?? "";
    if (line !== "") {
      dropped.push(line);
      if (/^(updated|published)\b/i.test(line)) printedDate = { text: line };
    }
    start++;
  }
  let end = lines.length;
  const trailing: string[] = [];
  while (end > start && (lines[end - 1] === "" || WIDGET_LINES.test(lines[end - 1] ?? ""))) {
    if (lines[end - 1] !== "") trailing.unshift(lines[end - 1] ?? "");
    end--;
  }
  dropped.push(...trailing);

  const blocks = lines
    .slice(start, end)
    .join("\n")
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean)
        .join(" "),
    )
    .filter(Boolean);
  const headline = blocks.shift();
  if (!headline)
    throw new ImportError(`${name}: expected a headline as the first line; found only page chrome`);
  if (headline.length > 300 || (/[.!?]["”’]?$/.test(headline) && headline.split(" ").length > 40)) {
    throw new ImportError(
      `${name}: expected a headline as the first line; found a paragraph ("${headline.slice(0, 60)}…")`,
    );
  }
  if (blocks.length === 0)
    throw new ImportError(`${name}: expected the story's text after the headline; found none`);

  let dateline: string | undefined;
  let source: string | undefined;
  const first = splitDateline(blocks[0] ?? "");
  if (first) {
    dateline = first.place;
    source = first.source;
    blocks[0] = first.rest;
  }
  let contributors: string[] = [];
  const credit = parseContributorLine(blocks.at(-1) ?? "");
  if (credit) {
    contributors = credit.names;
    source ??= credit.source;
    blocks.pop();
  }
  return { headline, dateline, source, contributors, paragraphs: blocks, printedDate, dropped };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Reads a date printed by a news page, such as "Updated 6:39 PM ET, Tue May 26, 2020",
 * as wall-clock parts (the time zone is the site's; "ET" and the like are not trusted).
 *
 * @example readPrintedDate("Updated 6:39 PM ET, Tue May 26, 2020") // { year: 2020, month: 5, day: 26, hour: 18, minute: 39 }
 */
export function readPrintedDate(
  text: string,
): { year: number; month: number; day: number; hour: number; minute: number } | undefined {
  const date =
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(
      text,
    );
  if (!date) return undefined;
  const time = /\b(\d{1,2}):(\d{2})\s*([ap])\.?m\.?/i.exec(text);
  let hour = time ? Number(time[1]) % 12 : 0;
  if (time && /p/i.test(time[3] ?? "")) hour += 12;
  return {
    year: Number(date[3]),
    month: MONTHS.indexOf((date[1] ?? "").toLowerCase()) + 1,
    day: Number(date[2]),
    hour,
    minute: time ? Number(time[2]) : 0,
  };
}
