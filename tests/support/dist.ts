import { readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { ROOT } from "./build.ts";

/** The built site under test: dist/, or DATELINE_OUT when set. */
export function distDir(): string {
  return resolve(ROOT, process.env["DATELINE_OUT"] ?? "dist");
}

/** Every file of a built site with the given extension, relative to `dir`. */
export function filesIn(dir: string, extension: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
