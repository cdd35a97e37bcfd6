import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { BUILD_INFO_FILE } from "../../src/editor/build-info.ts";

/**
 * What a build knows about the pages it published, for the next build to
 * reuse: Astro's incremental-build manifest (which page came from which cache
 * key), the inline-script hashes of each page and what each year's search
 * index was made from.
 */
export interface PublishedState {
  /** Astro's incremental-build.json, as Astro wrote it. */
  astroManifest: string;
  /** Inline script hashes by page file (relative to the site); pages without any are left out. */
  scriptHashes: Record<string, string[]>;
  /** The key of each year's search index (see src/distribution/search-index.ts). */
  searchKeys: Record<string, string>;
  /** Each article page's "inode:digest", as the search index read it. */
  searchDigests: Record<string, string>;
}

const FOLDER = "dateline-published";

/**
 * The identity of a site folder: the digest of its build.json, which differs
 * from build to build (its time and digests) and goes wherever the site is
 * copied, so that a site restored from a CI cache (deploy/github-pages.yml)
 * is known again and its next build is incremental. A folder without one
 * (built before there was build.json) is known by its inode and birth time,
 * which renaming keeps. Either way the staging folder's identity is the
 * published site's after publishing; a site replaced or rebuilt by other
 * means has another, and its state is ignored.
 */
function identity(folder: string): string {
  const info = join(folder, BUILD_INFO_FILE);
  if (existsSync(info)) return createHash("sha256").update(readFileSync(info)).digest("hex");
  const stat = statSync(folder, { bigint: true });
  return `${stat.ino}-${stat.birthtimeNs}`;
}

/**
 * The state saved for the site now published in `out`, or undefined when
 * there is none for exactly that folder (first build, a build killed before
 * publishing, an output folder changed by hand): then nothing is reused.
 * States of other folders are deleted.
 */
export function loadPublishedState(cache: string, out: string): PublishedState | undefined {
  const root = join(cache, FOLDER);
  const id = existsSync(out) ? identity(out) : undefined;
  let state: PublishedState | undefined;
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    if (name === id) {
      try {
        const read = (file: string) => readFileSync(join(root, name, file), "utf8");
        state = {
          astroManifest: read("astro-manifest.json"),
          scriptHashes: JSON.parse(read("script-hashes.json")),
          searchKeys: JSON.parse(read("search-keys.json")),
          searchDigests: JSON.parse(read("search-digests.json")),
        };
        continue;
      } catch {
        // Unreadable: treated as absent, and deleted.
      }
    }
    rmSync(join(root, name), { recursive: true, force: true });
  }
  return state;
}

/**
 * Saves the state of the staged site under the staging folder's identity,
 * before it is published: complete or not at all (written aside, then renamed).
 */
export function savePublishedState(cache: string, staging: string, state: PublishedState): void {
  const root = join(cache, FOLDER);
  const target = join(root, identity(staging));
  const aside = `${target}.tmp`;
  rmSync(aside, { recursive: true, force: true });
  mkdirSync(aside, { recursive: true });
  writeFileSync(join(aside, "astro-manifest.json"), state.astroManifest);
  writeFileSync(join(aside, "script-hashes.json"), JSON.stringify(state.scriptHashes));
  writeFileSync(join(aside, "search-keys.json"), JSON.stringify(state.searchKeys));
  writeFileSync(join(aside, "search-digests.json"), JSON.stringify(state.searchDigests));
  rmSync(target, { recursive: true, force: true });
  renameSync(aside, target);
}
