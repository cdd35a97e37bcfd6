import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** What a story's rendered HTML depends on besides its own text. */
const PIPELINE_SOURCES = ["src", "astro.config.ts", "package-lock.json"];

/**
 * A digest of the code that renders Markdown: every source file under src/,
 * the Astro config and the lockfile, plus the options the build was given
 * (base path). Mixed into each story's cache digest, so a change to a
 * remark/rehype plugin, a helper it imports or a dependency re-renders every
 * story instead of publishing HTML made by the old code. The whole of src/ is
 * hashed rather than the plugins alone because a plugin's imports can reach
 * anywhere in it; a code change is a deploy, not a publish, so the cost of a
 * full re-render then is acceptable.
 *
 * @example pipelineDigest("/site", { base: "/" }) // "3f2a…" (40 hex digits)
 */
export function pipelineDigest(cwd: string, options: Record<string, unknown>): string {
  const hash = createHash("sha1").update(JSON.stringify(options));
  for (const entry of PIPELINE_SOURCES) {
    const path = join(cwd, entry);
    if (!existsSync(path)) continue;
    const files = entry === "src" ? sourceFiles(path).map((file) => join(path, file)) : [path];
    for (const file of files) hash.update(file.slice(cwd.length)).update(readFileSync(file));
  }
  return hash.digest("hex");
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
