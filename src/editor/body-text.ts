import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { characterName, firstForbidden, isForbidden } from "../lib/characters.ts";

/** A finding in a story's Markdown: its line index in the body and what is wrong. */
export interface BodyFinding {
  index: number;
  message: string;
}

/** A numeric character reference, as Markdown and HTML both read them: `&#27;`, `&#x1B;`. */
const REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));/g;

/**
 * Characters a page or feed may never carry (src/lib/characters.ts), typed
 * into the body or written as a character reference (`&#27;`): the first of
 * each line, named with its line and column.
 *
 * @example forbiddenInBody("Storm\u001b warning") // [{ index: 0, message: 'expected text without control characters; found U+001B escape at column 6 …' }]
 */
export function forbiddenInBody(body: string): BodyFinding[] {
  const found: BodyFinding[] = [];
  const raw = firstForbidden(body) !== undefined;
  const references = body.includes("&#");
  if (!raw && !references) return found;
  body.split("\n").forEach((line, index) => {
    const char = raw ? firstForbidden(line) : undefined;
    if (char) {
      found.push({
        index,
        message: `expected text without control characters; found ${characterName(char.code)} at column ${char.index + 1}${context(line, char.index)}, which no page or feed may carry (delete it; it is invisible in most editors)`,
      });
      return;
    }
    if (!references || !line.includes("&#")) return;
    for (const match of line.matchAll(REFERENCE)) {
      const code = match[1] ? Number.parseInt(match[1], 16) : Number(match[2]);
      if (!isForbidden(code) && code <= 0x10ffff && code !== 0) continue;
      found.push({
        index,
        message: `expected text without control characters; found the character reference ${match[0]} (${code > 0x10ffff ? "no character at all" : characterName(code)}) at column ${(match.index ?? 0) + 1}, which no page or feed may carry (delete it)`,
      });
      return;
    }
  });
  return found;
}

/** Where a character is, in words an editor can search for: `after "Storm"`. */
export function context(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 24), index).trimStart();
  return before === "" ? " (at the start)" : ` (after "${before}")`;
}

/**
 * How each kind of raw HTML block (CommonMark's start conditions 1 to 5)
 * ends: until its end, the Markdown parser takes every later line as part of
 * it, and the sanitizer then drops them (a comment, a script) or shows them
 * as raw text (a `<pre>`).
 */
const HTML_BLOCKS: { start: RegExp; end: RegExp; what: string; close: string }[] = [
  { start: /^<!--/, end: /-->/, what: 'an HTML comment "<!--"', close: '"-->"' },
  {
    start: /^<(script|pre|style|textarea)(?=[\s>]|$)/i,
    end: /<\/(script|pre|style|textarea)>/i,
    what: "a raw HTML <$1> element",
    close: '"</$1>"',
  },
  { start: /^<\?/, end: /\?>/, what: 'a processing instruction "<?"', close: '"?>"' },
  { start: /^<!\[CDATA\[/, end: /\]\]>/, what: 'a CDATA section "<![CDATA["', close: '"]]>"' },
  { start: /^<![a-zA-Z]/, end: />/, what: 'a declaration "<!"', close: '">"' },
];

/** Raw HTML that can open a block running to the end of its container. */
const MAY_OPEN_BLOCK = /<(?:!|\?|(?:script|pre|style|textarea)(?=[\s>]|$))/im;

/**
 * Raw HTML blocks that are never closed (an unclosed `<!--` swallows the
 * rest of the story, the whole of it when it comes first): one finding each,
 * at the line that opens it. Read with the site's Markdown parser, so that
 * what counts as a block is what the renderer will do. Call it only on a
 * body whose nesting the check has found shallow enough to parse.
 */
export function unclosedHtml(body: string): BodyFinding[] {
  if (!body.includes("<") || !MAY_OPEN_BLOCK.test(body)) return [];
  const found: BodyFinding[] = [];
  // Only an HTML block (a child of the story, a quote or a list item) runs
  // on; inline HTML in a paragraph (`a <pre> tag`) is one tag and ends there.
  const visit = (node: Nodes, flow: boolean) => {
    if (node.type === "html" && flow) {
      const value = node.value.trimStart();
      const block = HTML_BLOCKS.find((candidate) => candidate.start.test(value));
      if (block && !block.end.test(value.replace(block.start, ""))) {
        const name = block.start.exec(value)?.[1] ?? "";
        const start = node.position?.start.line ?? 1;
        const lines = (node.position?.end.line ?? start) - start;
        found.push({
          index: start - 1,
          message: `expected ${block.close.replace("$1", name.toLowerCase())} to close ${block.what.replace("$1", name.toLowerCase())} opened on this line; found none, so ${lines === 0 ? "what follows it" : `the ${lines.toLocaleString("en-US")} line${lines === 1 ? "" : "s"} after it`} would not be published as text (close it, or delete it)`,
        });
      }
      return;
    }
    if (!("children" in node)) return;
    const holdsBlocks =
      node.type === "root" || node.type === "blockquote" || node.type === "listItem";
    for (const child of node.children) visit(child as Nodes, holdsBlocks);
  };
  visit(fromMarkdown(body), false);
  return found;
}
