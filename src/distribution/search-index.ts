import { createHash } from "node:crypto";
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";
import { ASSET_FOLDERS } from "../site/routes.ts";

/** What the search step did, for the build's log and the next build. */
export interface SearchIndexResult {
  /** Article pages in the index. */
  pages: number;
  /** Of those, pages read and indexed by this build (the rest came with reused years). */
  indexed: number;
  /** Years whose index was taken over from the published site, unchanged. */
  reused: string[];
  /** Each year's key: a digest of the article pages its index was made from. */
  keys: Record<string, string>;
  /** Each article page's digest with the file it was read from, "inode:digest", for the next build. */
  digests: Record<string, string>;
  seconds: number;
}

/** The published site, the keys its year indexes were made from and its pages' digests. */
export interface PublishedIndex {
  site: string;
  keys: Record<string, string>;
  digests: Record<string, string>;
}

/**
 * The files of a Pagefind bundle the site's search page uses: its search API,
 * worker, WebAssembly, metadata and index. Pagefind's ready-made interfaces
 * (pagefind-ui.js and friends) are not used, and are left out of every year.
 */
const KEPT = /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|.*\.pf_meta|wasm\..*)$/;

/**
 * Indexes a built site's articles for full-text search with Pagefind's Node
 * API: one index per year of publication, at `<site>/pagefind/<year>/`
 * (`ASSET_FOLDERS.search`), which the search page loads together (Pagefind's
 * `mergeIndex`). Only article pages are read, and only their bodies indexed:
 * the article template marks its `<article>` with `data-pagefind-body`.
 *
 * Pagefind cannot update an index in place, so a year with any changed, new
 * or removed story is indexed again whole; every other year's index is taken
 * over from the published site (`previous`) by hard links, when its key is
 * the same. A year's key is a digest of its article pages' paths and bytes.
 * Reading every page for it is not needed: scripts/build.ts stages an
 * unchanged page as a hard link to the published one, so a page whose inode
 * is the one recorded last time has the digest recorded with it (a page
 * written anew gets a new inode, never one the live site still uses, and is
 * read). A page rendered again with the same bytes keeps its year's key. So
 * publishing one story re-indexes its year, not the archive.
 *
 * With `staged` (the pages Astro's manifest lists and the files this build
 * wrote, see scripts/publish/staging.ts), the site is not walked either: the
 * article pages are those the manifest lists, and a page this build did not
 * write keeps the digest recorded for it.
 *
 * It runs as its own step after `astro build`, on the staged site, so that
 * the build's memory is released before Pagefind's is taken.
 */
export async function indexSite(
  site: string,
  previous?: PublishedIndex,
  staged?: { pages: Iterable<string>; written: Set<string> },
): Promise<SearchIndexResult> {
  const started = performance.now();
  const output = join(site, ASSET_FOLDERS.search);
  // Never write into an index left here: its files may be links to the live site's.
  rmSync(output, { recursive: true, force: true });
  const years = staged ? articlePagesOf(staged.pages) : articlePagesByYear(site);
  const version = pagefindVersion();
  const keys: Record<string, string> = {};
  const digests: Record<string, string> = {};
  const reused: string[] = [];
  let pages = 0;
  let indexed = 0;
  const stale: string[] = [];
  for (const [year, files] of years) {
    const hash = createHash("sha256").update(version);
    for (const file of files) {
      const recorded = previous?.digests[file];
      digests[file] =
        recorded && staged && !staged.written.has(file)
          ? recorded
          : pageDigest(site, file, recorded);
      // The bytes, not the file: a page written again unchanged keeps the key.
      hash.update(`\n${file} ${digests[file].slice(digests[file].indexOf(":") + 1)}`);
    }
    const key = hash.digest("base64url");
    keys[year] = key;
    pages += files.length;
    const published = previous && join(previous.site, ASSET_FOLDERS.search, year);
    if (published && previous.keys[year] === key && existsSync(published)) {
      linkTree(published, join(output, year));
      reused.push(year);
    } else {
      stale.push(year);
    }
  }
  try {
    for (const year of stale) {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
      const added = await index.addDirectory({
        path: site,
        glob: `${year}/[0-9][0-9]/[0-9][0-9]/*/*/index.html`,
      });
      if (added.errors.length > 0) throw new Error(added.errors.join("; "));
      const outputPath = join(output, year);
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0) throw new Error(written.errors.join("; "));
      await index.deleteIndex();
      dropUnused(outputPath);
      indexed += added.page_count;
    }
  } finally {
    if (stale.length > 0) await pagefind.close();
  }
  return { pages, indexed, reused, keys, digests, seconds: (performance.now() - started) / 1000 };
}

/**
 * Article pages (/YYYY/MM/DD/<section>/<slug>/index.html, relative to the
 * site) by year, newest year first: the files of the year folders, as
 * articlePagesOf orders them.
 */
export function articlePagesByYear(site: string): Map<string, string[]> {
  const files = existsSync(site)
    ? readdirSync(site, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && /^\d{4}$/.test(entry.name))
        .flatMap((year) =>
          readdirSync(join(site, year.name), { recursive: true, withFileTypes: true })
            .filter((entry) => entry.isFile())
            .map((entry) => relative(site, join(entry.parentPath, entry.name))),
        )
    : [];
  return articlePagesOf(files);
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

/**
 * A page's "inode:digest": the one recorded last time when the page is still
 * that file (a link to the published page), else read and digested.
 */
function pageDigest(site: string, file: string, recorded: string | undefined): string {
  const path = join(site, file);
  const inode = String(statSync(path, { bigint: true }).ino);
  if (recorded?.startsWith(`${inode}:`)) return recorded;
  return `${inode}:${createHash("sha256").update(readFileSync(path)).digest("base64url")}`;
}

/** Pagefind's version, from the installed package: a new one indexes every year again. */
function pagefindVersion(): string {
  const entry = fileURLToPath(import.meta.resolve("pagefind"));
  const manifest = join(dirname(entry), "..", "package.json");
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}

/** Hard-links every file under `from` into `to` (Pagefind's files are only ever written anew). */
function linkTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = join(entry.parentPath, entry.name);
    const target = join(to, relative(from, source));
    mkdirSync(dirname(target), { recursive: true });
    linkSync(source, target);
  }
}

/** Removes the bundle's files the search page does not load. */
function dropUnused(bundle: string): void {
  for (const entry of readdirSync(bundle, { withFileTypes: true })) {
    if (entry.isFile() && !KEPT.test(entry.name)) rmSync(join(bundle, entry.name));
  }
}
