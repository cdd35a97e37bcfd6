import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { ROOT } from "./build.ts";

/**
 * Every file under `dir` with a digest of its bytes, sorted by path: two
 * folders hold the same files, byte for byte, exactly when these are equal.
 */
export function readTree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const path of entries) {
    files[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
  }
  return files;
}

/** Paths under `dir` with a segment starting with a dot: build internals such as .prerender/. */
export function hiddenPaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((path) => path.split("/").some((segment) => segment.startsWith(".")));
}

/** A writable copy of the fixture site's content, outside the repository's fixtures. */
export function copyFixtureSite(name = "site"): string {
  const content = mkdtempSync(join(tmpdir(), "dateline-content-"));
  cpSync(join(ROOT, "tests/fixtures", name), content, { recursive: true, dereference: true });
  return content;
}
