import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import {
  changedFiles,
  loadSnapshot,
  saveSnapshot,
  snapshotHolds,
  takeSnapshot,
  type SnapshotArticle,
} from "../../src/editor/content-snapshot.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dateline-snapshot-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const LONG_AGO = new Date("2021-01-01T00:00:00Z");
const published = new Date("2021-03-01T12:00:00Z");

/** Writes a file with a time well before any reading (not "racy"). */
function write(folder: string, file: string, text: string | Buffer): void {
  const path = join(folder, file);
  writeFileSync(path, text);
  utimesSync(path, LONG_AGO, LONG_AGO);
}

/** An article as the rules would hand it over. */
function article(folder: string, file: string, text: string, draft = false): SnapshotArticle {
  return {
    path: join(folder, file),
    text,
    story: { published, draft, developing: false, timeUnknown: false, lastChange: published },
  };
}

/** A small folder: two stories, a draft, a picture and a README, and its articles. */
function folder(at: string): SnapshotArticle[] {
  write(at, "a.md", "---\nheadline: A\n---\nA");
  write(at, "b.md", "---\nheadline: B\n---\nB");
  write(at, "draft.md", "---\ndraft: true\n---\n");
  write(at, "photo.jpg", Buffer.from([1, 2, 3]));
  write(at, "README.md", "How to write");
  return [
    article(at, "a.md", "---\nheadline: A\n---\nA"),
    article(at, "b.md", "---\nheadline: B\n---\nB"),
    article(at, "draft.md", "---\ndraft: true\n---\n", true),
  ];
}

const take = (
  at: string,
  articles: SnapshotArticle[],
  previous?: ReturnType<typeof takeSnapshot>,
) => takeSnapshot(at, articles, { code: "code", since: Date.now(), previous });

describe("a snapshot's digest", () => {
  test("is the same for the same content in another folder (a CI runner, another machine)", () => {
    const other = mkdtempSync(join(tmpdir(), "dateline-snapshot-other-"));
    try {
      expect(take(other, folder(other)).digest).toBe(take(dir, folder(dir)).digest);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  test("changes with a story's text or a picture's bytes, not with a draft or a README", () => {
    const articles = folder(dir);
    const before = take(dir, articles);
    write(dir, "draft.md", "---\ndraft: true\n---\nMore words");
    write(dir, "README.md", "How to write, again");
    const drafted = [...articles.slice(0, 2), article(dir, "draft.md", "More words", true)];
    expect(take(dir, drafted).digest).toBe(before.digest);
    write(dir, "photo.jpg", Buffer.from([1, 2, 4]));
    const picture = take(dir, articles);
    expect(picture.digest).not.toBe(before.digest);
    expect(changedFiles(before, picture)).toEqual(["photo.jpg"]);
    const edited = [article(dir, "a.md", "---\nheadline: A!\n---\nA"), ...articles.slice(1)];
    expect(changedFiles(picture, take(dir, edited))).toEqual(["a.md"]);
    // A story published from a draft counts.
    const out = [...articles.slice(0, 2), article(dir, "draft.md", "---\n---\nNow out")];
    expect(changedFiles(picture, take(dir, out))).toEqual(["draft.md"]);
  });

  test("is of the text the rules read, not the file as it is by then", () => {
    const articles = folder(dir);
    const read = take(dir, articles);
    write(dir, "a.md", "changed after the reading");
    expect(take(dir, articles).digest).toBe(read.digest);
  });
});

describe("a kept snapshot", () => {
  test("holds while no file changes, and is kept and read back whole", () => {
    const snapshot = take(dir, folder(dir));
    const file = join(dir, ".cache", "state.json");
    saveSnapshot(file, snapshot);
    const kept = loadSnapshot(file);
    expect(kept).toEqual(snapshot);
    expect(kept && snapshotHolds(kept, dir, "code")).toBe(true);
  });

  test.each([
    ["a file changes", () => write(dir, "b.md", "---\nheadline: B2\n---\nB")],
    ["a file is added", () => write(dir, "c.md", "new")],
    ["a file is removed", () => rmSync(join(dir, "photo.jpg"))],
    ["a file is touched", () => utimesSync(join(dir, "a.md"), published, published)],
  ])("does not hold when %s", (_, change) => {
    const snapshot = take(dir, folder(dir));
    change();
    expect(snapshotHolds(snapshot, dir, "code")).toBe(false);
  });

  test("does not hold for other code, or for a file changed around its reading", () => {
    const articles = folder(dir);
    expect(snapshotHolds(take(dir, articles), dir, "other code")).toBe(false);
    // Written a moment before the reading began: its time may not tell a later write apart.
    writeFileSync(join(dir, "a.md"), "---\nheadline: A\n---\nA");
    expect(snapshotHolds(take(dir, articles), dir, "code")).toBe(false);
  });

  test("keeps a picture's digest while its size and time are the same", () => {
    const articles = folder(dir);
    const first = take(dir, articles);
    // The same size and time, other bytes: taken as unchanged (as make and git do).
    write(dir, "photo.jpg", Buffer.from([9, 9, 9]));
    expect(take(dir, articles, first).files["photo.jpg"]).toEqual(first.files["photo.jpg"]);
    expect(take(dir, articles).files["photo.jpg"]).not.toEqual(first.files["photo.jpg"]);
  });

  test("a missing or unreadable file is no snapshot", () => {
    expect(loadSnapshot(join(dir, "none.json"))).toBeUndefined();
    write(dir, "bad.json", "{");
    expect(loadSnapshot(join(dir, "bad.json"))).toBeUndefined();
  });
});

test("hidden files are no part of the content, as for the rules", () => {
  const articles = folder(dir);
  const before = take(dir, articles);
  cpSync(join(dir, "a.md"), join(dir, ".a.md"));
  write(dir, ".DS_Store", "x");
  expect(take(dir, articles).digest).toBe(before.digest);
  expect(snapshotHolds(before, dir, "code")).toBe(true);
});
