import { createHash } from "node:crypto";
import {
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { ASSET_FOLDERS } from "../site/routes.ts";

/** What the search step did, for the build's log. */
export interface SearchIndexResult {
  /** Article pages in the index. */
  pages: number;
  /** Of those, pages read and indexed by this build (the rest came with kept years). */
  indexed: number;
  /** Years whose index was taken from the cache folder, unchanged. */
  reused: string[];
  /** Each year's key: a digest of Pagefind's version and the year's article pages. */
  keys: Record<string, string>;
  seconds: number;
}

/**
 * The files of a Pagefind bundle the site's search page uses: its search API,
 * worker, WebAssembly, metadata and index. Pagefind's ready-made interfaces
 * (pagefind-ui.js and friends) are not used, and are left out of every year.
 */
const KEPT = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|.*\.pf_meta|wasm\..*)$/;

/** The year indexes kept for the next build, in the cache folder: `<year>/` with its key in `KEY_FILE`. */
const CACHE = "dateline-search";
const KEY_FILE = ".dateline-key";

/**
 * Indexes a built site's articles for full-text search with Pagefind's Node
 * API: one index per year of publication, at `<site>/pagefind/<year>/`
 * (`ASSET_FOLDERS.search`), which the search page loads together (Pagefind's
 * `mergeIndex`). Only article pages are read, and only their bodies indexed:
 * the article template marks its `<article>` with `data-pagefind-body`.
 *
 * Pagefind cannot update an index in place, so a year with any changed, new
 * or removed story is indexed again whole. Each year's index is kept in the
 * cache folder with its key, a digest of Pagefind's version and the year's
 * article pages (paths and bytes, `digests`); a year whose key is the kept
 * one is copied from there. So publishing one story re-indexes its year,
 * not the archive.
 *
 * @param digests the digest of every page of the site, by path relative to it (built-pages.ts)
 */
export async function indexSite(
  site: string,
  digests: ReadonlyMap<string, string>,
  cache: string,
): Promise<SearchIndexResult> {
  const started = performance.now();
  const output = join(site, ASSET_FOLDERS.search);
  const kept = join(cache, CACHE);
  const years = articlePagesOf(digests.keys());
  const version = pagefindVersion();
  const keys: Record<string, string> = {};
  const reused: string[] = [];
  let pages = 0;
  let indexed = 0;
  rmSync(output, { recursive: true, force: true });
  mkdirSync(kept, { recursive: true });
  try {
    for (const [year, files] of years) {
      const key = yearKey(version, files, digests);
      keys[year] = key;
      pages += files.length;
      const keptYear = join(kept, year);
      if (readKey(keptYear) === key) {
        cpSync(keptYear, join(output, year), {
          recursive: true,
          filter: (source) => basename(source) !== KEY_FILE,
        });
        reused.push(year);
        continue;
      }
      indexed += await indexYear(site, year, join(output, year));
      // Kept whole or not at all: copied aside with its key, then renamed.
      const aside = `${keptYear}.new`;
      rmSync(aside, { recursive: true, force: true });
      cpSync(join(output, year), aside, { recursive: true });
      writeFileSync(join(aside, KEY_FILE), key);
      rmSync(keptYear, { recursive: true, force: true });
      renameSync(aside, keptYear);
    }
  } finally {
    await pagefind.close();
  }
  // Years no story is in any more.
  for (const entry of readdirSync(kept)) {
    if (!(entry in keys)) rmSync(join(kept, entry), { recursive: true, force: true });
  }
  return { pages, indexed, reused, keys, seconds: (performance.now() - started) / 1000 };
}

/** The key a kept year index was made with, if there is one. */
function readKey(folder: string): string | undefined {
  try {
    return readFileSync(join(folder, KEY_FILE), "utf8");
  } catch {
    return undefined;
  }
}

/** A year's key: a digest of Pagefind's version and its pages' paths and bytes. */
function yearKey(
  version: string,
  files: readonly string[],
  digests: ReadonlyMap<string, string>,
): string {
  const digest = createHash("sha256").update(version);
  for (const file of files) digest.update(`\n${file} ${digests.get(file)}`);
  return digest.digest("base64url");
}

/** Indexes a year's article pages with Pagefind into `output`; returns how many it read. */
async function indexYear(site: string, year: string, output: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const added = await index.addDirectory({
    path: site,
    glob: `${year}/[0-9][0-9]/[0-9][0-9]/*/*/index.html`,
  });
  if (added.errors.length > 0) throw new Error(added.errors.join("; "));
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(written.errors.join("; "));
  await index.deleteIndex();
  dropUnused(output);
  return added.page_count;
}

/** An article page's path: YYYY/MM/DD/<section>/<slug>/index.html. */
const ARTICLE_PAGE = /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/[^/]+\/index\.html$/;

/**
 * The article pages among `pages` (relative to the site) by year: newest
 * year first, then folder by folder (a folder's name before any longer
 * name it starts, as a directory listing sorts them).
 */
export function articlePagesOf(pages: Iterable<string>): Map<string, string[]> {
  const years = new Map<string, string[][]>();
  for (const page of pages) {
    if (!ARTICLE_PAGE.test(page)) continue;
    const parts = page.split("/");
    const year = parts[0] as string;
    const list = years.get(year);
    if (list) list.push(parts);
    else years.set(year, [parts]);
  }
  const byFolder = (a: string[], b: string[]) => {
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) return (a[i] as string) < (b[i] as string) ? -1 : 1;
    }
    return 0;
  };
  return new Map(
    [...years.keys()]
      .sort()
      .reverse()
      .map((year) => [
        year,
        (years.get(year) ?? []).sort(byFolder).map((parts) => parts.join("/")),
      ]),
  );
}

/** Pagefind's version, from the installed package: a new one indexes every year again. */
function pagefindVersion(): string {
  const entry = fileURLToPath(import.meta.resolve("pagefind"));
  const manifest = join(dirname(entry), "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** Removes the bundle's files the search page does not load. */
function dropUnused(bundle: string): void {
  for (const entry of readdirSync(bundle, { withFileTypes: true })) {
    if (entry.isFile() && !KEPT.test(entry.name)) rmSync(join(bundle, entry.name));
  }
}
