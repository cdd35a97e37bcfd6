/**
 * Recognisers for raw article text as copied from a news page: page chrome,
 * headline, byline, dateline, contributor line and a printed date. Pure
 * functions; scripts/import.ts does the reading and writing.
 */
import { TZDate } from "@date-fns/tz";
import { isoDateTime } from "../lib/dates.ts";

/** A line that prints when the story was published or updated. */
const DATE_LINE = /^(updated|published)\b.*\d{4}$/i;

/** Lines that news pages put around a story, never part of it. */
const CHROME_LINES = [
  /^stay updated on developing stories$/i,
  /^(breaking news|live updates?|developing story|advertisement|ad feedback|skip to (main )?content|share this( article)?|listen to this article)$/i,
  DATE_LINE,
];

/** Names of recommendation and advertising widgets that trail stories. */
const WIDGET_LINES =
  /^(outbrain|taboola|recommended( for you)?|more from .+|related (articles|stories|content)|paid content|sponsored( content)?|promoted stories|around the web|ad feedback|advertisement)$/i;

export interface RawArticle {
  headline: string;
  /** Place from the dateline, e.g. "Washington". */
  dateline?: string | undefined;
  /** Source from the dateline, the byline or the contributor line, e.g. "CNN". */
  source?: string | undefined;
  /** Names from a byline under the headline ("By A and B, CNN"). */
  authors: string[];
  contributors: string[];
  /** The story's paragraphs, without dateline and contributor line. */
  paragraphs: string[];
  /** A publication time printed around the headline, if one could be read. */
  printedDate?: { text: string } | undefined;
  /** What was left out, to tell the editor. */
  dropped: string[];
}

/** Why a text could not be imported. */
export class ImportError extends Error {
  override name = "ImportError";
}

/**
 * The text of a file's bytes: UTF-8, without a byte-order mark. Throws
 * ImportError for binary data (NUL bytes, as in images, PDFs and UTF-16) and
 * for bytes that are not UTF-8 (such as a Latin-1 export), instead of
 * importing garbled text.
 *
 * @example decodeText(new TextEncoder().encode("Headline\n\nText."), "raw.txt") // "Headline\n\nText."
 */
export function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.includes(0)) {
    throw new ImportError(`${name}: expected plain text (UTF-8); found binary data`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(
      `${name}: expected plain text (UTF-8); found bytes that are not UTF-8 (save the text as UTF-8 and import it again)`,
    );
  }
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

/** A name as bylines print it: capitalised words, with particles such as "de" or "van" between. */
const NAME = /^\p{Lu}[\p{L}.'’-]*(?: (?:\p{Lu}[\p{L}.'’-]*|[\p{Ll}]{1,3}))* \p{Lu}[\p{L}.'’-]*$/u;

/**
 * Reads a byline: "By A", "By A and B", "By A, B and C, CNN". A last part
 * after a comma that starts with an acronym ("CNN", "AP", "CNN Business") is
 * the source, not a name. Anything else, such as a first paragraph that starts
 * with "By the time…", is not a byline.
 *
 * @example parseByline("By Kaitlan Collins and Maegan Vazquez, CNN")
 * // { names: ["Kaitlan Collins", "Maegan Vazquez"], source: "CNN" }
 */
export function parseByline(line: string): { names: string[]; source?: string } | undefined {
  const match = /^By:?\s+(.+?)\s*$/u.exec(line.trim());
  if (!match || line.length > 160 || /[.!?]$/.test(line.trim())) return undefined;
  let rest = match[1] ?? "";
  let source: string | undefined;
  const last = /,\s*(\p{Lu}{2,}[\p{Lu}\d&]*(?: \p{Lu}[\p{L}]*)*)$/u.exec(rest);
  if (last) {
    source = last[1];
    rest = rest.slice(0, last.index);
  }
  const names = rest
    .split(/,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0 || !names.every((name) => NAME.test(name))) return undefined;
  return source ? { names, source } : { names };
}

/**
 * Parses raw article text. `name` is only for messages. Throws ImportError
 * with what is missing when the text is not an article.
 */
export function parseRawArticle(text: string, name: string): RawArticle {
  if (text.includes("\u0000")) {
    throw new ImportError(`${name}: expected plain text (UTF-8); found binary data`);
  }
  if (text.includes("\ufffd")) {
    throw new ImportError(
      `${name}: expected plain text; found the replacement character �, left by an earlier conversion that lost characters`,
    );
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
      if (DATE_LINE.test(line)) printedDate = { text: line };
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

  // The headline is the first line: what follows it without a blank line
  // (a byline, a time) is a block of its own. Other blocks are paragraphs,
  // their lines joined.
  const headlineEnd = lines.indexOf("", start);
  const rest = headlineEnd < 0 || headlineEnd > end ? end : headlineEnd;
  const blocks = [
    ...lines.slice(start, Math.min(start + 1, end)),
    ...lines.slice(start + 1, rest),
    ...lines
      .slice(rest, end)
      .join("\n")
      .split(/\n\s*\n/)
      .map((block) =>
        block
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean)
          .join(" "),
      ),
  ].filter(Boolean);
  const headline = blocks.shift();
  if (!headline)
    throw new ImportError(`${name}: expected a headline as the first line; found only page chrome`);
  if (headline.length > 300 || (/[.!?]["”’]?$/.test(headline) && headline.split(" ").length > 40)) {
    throw new ImportError(
      `${name}: expected a headline as the first line; found a paragraph ("${headline.slice(0, 60)}…")`,
    );
  }

  // What pages print between the headline and the story: a byline and the time.
  let byline: ReturnType<typeof parseByline>;
  for (let block = blocks[0]; block !== undefined && blocks.length > 1; block = blocks[0]) {
    const names = byline ? undefined : parseByline(block);
    if (names) {
      byline = names;
    } else if (DATE_LINE.test(block) || isBareDate(block)) {
      printedDate ??= { text: block };
      dropped.push(block);
    } else {
      break;
    }
    blocks.shift();
  }
  if (blocks.length === 0)
    throw new ImportError(`${name}: expected the story's text after the headline; found none`);

  const first = splitDateline(blocks[0] ?? "");
  if (first) blocks[0] = first.rest;
  const credit = parseContributorLine(blocks.at(-1) ?? "");
  if (credit) blocks.pop();
  if (blocks.length === 0)
    throw new ImportError(`${name}: expected the story's text after the headline; found none`);
  return {
    headline,
    dateline: first?.place,
    source: first?.source ?? byline?.source ?? credit?.source,
    authors: byline?.names ?? [],
    contributors: credit?.names ?? [],
    paragraphs: blocks,
    printedDate,
    dropped,
  };
}

/** A line that is a date alone, such as "Tue May 26, 2020" or "May 26, 2020 6:39 PM ET". */
function isBareDate(block: string): boolean {
  return (
    block.length <= 60 &&
    !/[.!?]$/.test(block) &&
    readPrintedDate(block) !== undefined &&
    block.replace(
      /\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|\d+|[ap]\.?m\.?|\b[A-Z]{1,4}T\b|[\s,:]/gi,
      "",
    ) === ""
  );
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

/**
 * A printed date, read as wall-clock time in the site's zone, as the ISO
 * 8601 text the frontmatter takes; `undefined` when the text holds no date
 * the tool can read or the day does not exist.
 *
 * @example publishedFromPrinted("Updated 6:39 PM ET, Tue May 26, 2020", "America/New_York")
 * // "2020-05-26T18:39:00-04:00"
 */
export function publishedFromPrinted(text: string, timeZone: string): string | undefined {
  const parts = readPrintedDate(text);
  if (!parts) return undefined;
  const { year, month, day, hour, minute } = parts;
  const date = new TZDate(year, month - 1, day, hour, minute, timeZone);
  if (date.getDate() !== day || date.getMonth() !== month - 1) return undefined;
  return isoDateTime(new Date(date.getTime()), timeZone);
}
