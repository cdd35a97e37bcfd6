import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DerivedMemo } from "./derived-memo.ts";

/** What is worked out from a story's text once: see getArticles. */
export interface DerivedFields {
  summary: string;
  words: number;
  /** Live updates, newest first, with ISO times. */
  updates: { time: string; title: string; id: string }[];
  problems: string[];
}

/**
 * The memo of derived fields in the build's cache folder, when the build has
 * one of its own (DATELINE_CACHE, set by scripts/build.ts); otherwise none,
 * and every field is derived. Its version is a digest of the built module that
 * derives them, whose text names every chunk it imports by content hash, and
 * of the lockfile, which pins the libraries it imports: a change to either
 * derives everything again.
 */
export function derivedMemo(): DerivedMemo<DerivedFields> | undefined {
  const cache = process.env["DATELINE_CACHE"];
  if (!cache) return undefined;
  const version = createHash("sha1");
  const self = import.meta.url.startsWith("file:") ? fileURLToPath(import.meta.url) : "";
  version.update(self && existsSync(self) ? readFileSync(self) : `${Date.now()}`);
  const lockfile = join(process.cwd(), "package-lock.json");
  if (existsSync(lockfile)) version.update(readFileSync(lockfile));
  return new DerivedMemo(join(cache, "dateline-derived.json"), version.digest("hex"));
}
