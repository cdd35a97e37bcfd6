import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, test } from "vitest";
import { readArticle, type ReadResult } from "../../src/editor/check-article.ts";
import { checkContent } from "../../src/editor/check-content.ts";
import type { CheckedFile } from "../../src/editor/check-rules.ts";
import { ReadingMemo } from "../../src/editor/reading-memo.ts";

const where = (id: string) => ({ file: `content/${id}.md`, path: `/site/content/${id}.md`, id });
const bytes = (text: string) => new TextEncoder().encode(text);

const FILES: Record<string, string> = {
  full: [
    "---",
    "headline: A full story",
    "published: 2020-05-26T12:00:00-04:00",
    "section: politics",
    "authors:",
    "  - Ana Ruiz",
    "  - Ben Cole",
    "image:",
    "  src: ./photo.jpg",
    "  alt: A photo",
    "tags: [courts, elections]",
    "---",
    "",
    "The story's **text**.",
    "",
  ].join("\n"),
  bom: "\uFEFF---\nheadline: H\npublished: 2020-05-26T12:00:00Z\n---\n\nCafé text.\n",
  "bad-yaml": '---\nheadline: "Unclosed\npublished: 2020-05-26T12:00:00Z\n---\n\nText.\n',
  "bad-field": "---\nheadline: H\npublished: soon\nauthors:\n  - 3\n---\n\nText.\n",
  "no-frontmatter": "Just text.\n",
};

/**
 * A checked file with its `line` answers in place of the function (functions
 * compare by identity), without the memo's `reuse` (what it holds is tested
 * in check-reuse.test.ts).
 */
const answered = <T extends { checked: CheckedFile; reuse?: unknown }>(article: T) => {
  const fields = ["headline", "published", "authors.1", "image.alt", "image.caption", "summary"];
  return {
    ...article,
    reuse: undefined,
    checked: { ...article.checked, line: fields.map((field) => article.checked.line(field)) },
  };
};
/** What a reading says, the `line` answers included. */
const said = (result: ReadResult) => ({
  ...result,
  article: result.article && answered(result.article),
});

const folders: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), "dateline-memo-"));
  folders.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test("a kept reading is what readArticle says of the same bytes, lines included", () => {
  const memo = new ReadingMemo(undefined, "v1");
  const read = () =>
    Object.entries(FILES).map(([id, text]) => said(memo.read(bytes(text), text, where(id))));
  const fresh = Object.entries(FILES).map(([id, text]) =>
    said(readArticle(bytes(text), where(id))),
  );
  expect(read()).toEqual(fresh);
  expect(memo.parsed).toBe(5);
  memo.save();
  expect(read()).toEqual(fresh);
  expect(memo.parsed).toBe(5);
  // The lines really are the file's: the second author on line 7, a missing
  // field at the opening `---`, a missing sub-field at its group.
  expect(fresh[0]?.article?.checked.line).toEqual([2, 3, 7, 10, 8, 1]);
});

test("only changed or moved files are parsed again", () => {
  const memo = new ReadingMemo(undefined, "v1");
  const text = FILES["full"] as string;
  memo.read(bytes(text), text, where("a"));
  memo.read(bytes(text), text, where("b"));
  memo.save();
  expect(memo.parsed).toBe(2);
  const edited = text.replace("A full story", "An edited story");
  expect(memo.read(bytes(edited), edited, where("a")).article?.data.headline).toBe(
    "An edited story",
  );
  expect(memo.parsed).toBe(3);
  memo.read(bytes(text), text, where("b"));
  memo.save();
  expect([...memo.changed]).toEqual(["content/a.md"]);
  memo.read(bytes(edited), edited, where("a"));
  // The same bytes under another name are another file (its id, its address).
  expect(memo.read(bytes(text), text, where("c")).article?.checked.id).toBe("c");
  expect(memo.parsed).toBe(4);
  expect(memo.read(bytes(text), text, where("b")).article?.checked.id).toBe("b");
  expect(memo.parsed).toBe(4);
});

test("a kept reading cannot be changed by a caller, and changing a fresh one changes nothing kept", () => {
  const memo = new ReadingMemo(undefined, "v1");
  const text = FILES["full"] as string;
  const first = memo.read(bytes(text), text, where("a"));
  (first.article?.data as { headline: string }).headline = "Changed";
  (first.raw as { tags: string[] }).tags.push("more");
  memo.save();
  const second = memo.read(bytes(text), text, where("a"));
  expect(second.article?.data.headline).toBe("A full story");
  expect(second.raw?.["tags"]).toEqual(["courts", "elections"]);
  expect(() => {
    (second.article?.data as { headline: string }).headline = "Changed";
  }).toThrow(TypeError);
  expect(() => (second.raw as { tags: string[] }).tags.push("more")).toThrow(TypeError);
  second.problems.push({ file: "x", line: 1, field: "f", message: "m", severity: "warning" });
  memo.save();
  expect(memo.read(bytes(text), text, where("a")).problems).toEqual([]);
  expect(memo.parsed).toBe(1);
});

test("readings are kept in a file for the next run of the same code, and dropped with their files", () => {
  const file = join(folder(), "cache", "readings.bin");
  const text = FILES["full"] as string;
  const first = new ReadingMemo(file, "v1");
  first.read(bytes(text), text, where("a"));
  first.read(bytes(text), text, where("b"));
  first.save();

  const next = new ReadingMemo(file, "v1");
  expect(next.read(bytes(text), text, where("a")).article?.checked.body).toBe(
    "\nThe story's **text**.\n",
  );
  expect(next.parsed).toBe(0);
  next.save(); // b was not read: its reading goes.

  const after = new ReadingMemo(file, "v1");
  after.read(bytes(text), text, where("a"));
  after.read(bytes(text), text, where("b"));
  expect(after.parsed).toBe(1);

  // Other code (a changed rule or schema) parses everything again.
  const changed = new ReadingMemo(file, "v2");
  changed.read(bytes(text), text, where("a"));
  expect(changed.parsed).toBe(1);
});

test("an unreadable readings file is ignored", () => {
  const file = join(folder(), "readings.bin");
  writeFileSync(file, "not a serialized memo");
  const memo = new ReadingMemo(file, "v1");
  const text = FILES["full"] as string;
  expect(memo.read(bytes(text), text, where("a")).problems).toEqual([]);
  expect(memo.parsed).toBe(1);
});

test("checkContent with a memo reports what it reports without one, parsing only changes", () => {
  const content = folder();
  for (const [id, text] of Object.entries(FILES)) writeFileSync(join(content, `${id}.md`), text);
  const options = { now: new Date("2026-01-01T00:00:00Z"), cwd: content };
  const memo = new ReadingMemo(join(content, ".cache", "readings.bin"), "v1");
  const plain = checkContent(content, options);
  const normal = (report: typeof plain) => ({
    ...report,
    articles: report.articles.map(answered),
  });
  expect(normal(checkContent(content, { ...options, memo }))).toEqual(normal(plain));
  expect(memo.parsed).toBe(5);
  memo.parsed = 0;
  writeFileSync(join(content, "bom.md"), (FILES["bom"] as string).replace("Café", "Tea"));
  const again = checkContent(content, { ...options, memo });
  expect(memo.parsed).toBe(1);
  expect(normal(again)).toEqual(normal(checkContent(content, options)));
});

test("a readings file that cannot be written does not stop the check", () => {
  const blocker = join(folder(), "not-a-folder");
  writeFileSync(blocker, "a file where the cache folder would be");
  const memo = new ReadingMemo(join(blocker, "readings.bin"), "v1");
  const text = FILES["full"] as string;
  memo.read(bytes(text), text, where("a"));
  expect(() => memo.save()).not.toThrow();
  expect(memo.read(bytes(text), text, where("a")).problems).toEqual([]);
  expect(memo.parsed).toBe(1);
});

test("with writeAfter, the file is written once runs pause, with the last run's readings", async () => {
  const file = join(folder(), "cache", "readings.bin");
  const text = FILES["full"] as string;
  const memo = new ReadingMemo(file, "v1", 50);
  memo.read(bytes(text), text, where("a"));
  memo.save();
  // Not yet: the run's end does not wait for the file.
  expect(existsSync(file)).toBe(false);
  memo.read(bytes(text), text, where("a"));
  memo.read(bytes(text), text, where("b"));
  memo.save();
  await new Promise((done) => setTimeout(done, 150));
  const next = new ReadingMemo(file, "v1");
  next.read(bytes(text), text, where("a"));
  next.read(bytes(text), text, where("b"));
  expect(next.parsed).toBe(0);
});

test("the same buffer at the same place is not hashed again; at another place it is another file", () => {
  const memo = new ReadingMemo(undefined, "v1");
  const text = FILES["full"] as string;
  const held = Buffer.from(text);
  expect(memo.read(held, text, where("a")).article?.data.headline).toBe("A full story");
  memo.save();
  // Buffers handed over are never written into (src/editor/file-bytes.ts):
  // one that was is taken at its first digest, which shows none was worked out.
  held.write("X", text.indexOf("A full story"));
  expect(memo.read(held, text, where("a")).article?.data.headline).toBe("A full story");
  expect(memo.parsed).toBe(1);
  // Another place is never the same reading, whatever the buffer.
  expect(memo.read(held, text, where("b")).article?.checked.id).toBe("b");
  expect(memo.parsed).toBe(2);
});
