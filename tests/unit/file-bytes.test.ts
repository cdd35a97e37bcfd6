import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { FileBytes } from "../../src/editor/file-bytes.ts";

test("a file is read once while unchanged, again when the watcher names it or its stat changes", () => {
  const dir = mkdtempSync(join(tmpdir(), "dateline-bytes-"));
  try {
    const file = join(dir, "story.md");
    writeFileSync(file, "first");
    const bytes = new FileBytes();
    expect(bytes.read(file).toString()).toBe("first");
    expect(bytes.read(file).toString()).toBe("first");
    expect(bytes.reads).toBe(1);

    // Named by the watcher: read again even if nothing in its stat shows it.
    bytes.forget(file);
    expect(bytes.read(file).toString()).toBe("first");
    expect(bytes.reads).toBe(2);

    // Written without an event (a missed one): same size, another time.
    writeFileSync(file, "again");
    utimesSync(file, new Date("2020-01-01T00:00:00Z"), new Date("2020-01-01T00:00:00Z"));
    expect(bytes.read(file).toString()).toBe("again");
    expect(bytes.reads).toBe(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
