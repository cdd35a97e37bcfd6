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
import { fileStamp } from "../lib/file-stamp.ts";
import { ASSET_FOLDERS } from "../site/routes.ts";

/** What the search step did, for the build's log and the next build. */
export interface SearchIndexResult {
  /** Article pages in the index. */
  pages: number;
  /** Of those, pages read and indexed by this build (the rest came with reused years). */
  indexed: number;
  /** Years whose index was taken over from the published site, unchanged. */
  reused: string[];
  /** Years indexed while Astro was still rendering, and kept. */
  early: string[];
  /** Each year's key: a digest of the article pages its index was made from. */
  keys: Record<string, string>;
  /** Each article page's digest with the file it was read from, "inode:digest", for the next build. */
  digests: Record<string, string>;
  seconds: number;
}

/** A year indexed while Astro was still rendering (scripts/publish/early-search.ts). */
export interface EarlyIndex {
  /** The year's key, from the pages it was made of. */
  key: string;
  files: string[];
  /** Each page's "inode:digest", as read for the key. */
  digests: Record<string, string>;
  /** Each page's file stamp as it was read: a digest holds while the stamp does. */
  stamps: Record<string, string>;
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
 * the build's memory is released before Pagefind's is taken; years indexed
 * while Astro rendered (`early`, see scripts/publish/early-search.ts) are
 * kept when their key is the year's.
 */
export async function indexSite(
  site: string,
  previous?: PublishedIndex,
  staged?: { pages: Iterable<string>; written: Set<string> },
  early: ReadonlyMap<string, EarlyIndex> = new Map(),
): Promise<SearchIndexResult> {
  const started = performance.now();
  const output = join(site, ASSET_FOLDERS.search);
  const years = staged ? articlePagesOf(staged.pages) : articlePagesByYear(site);
  const version = pagefindVersion();
  const keys: Record<string, string> = {};
  const digests: Record<string, string> = {};
  const reused: string[] = [];
  const kept: string[] = [];
  let pages = 0;
  let indexed = 0;
  const stale: string[] = [];
  for (const [year, files] of years) {
    const made = early.get(year);
    for (const file of files) {
      const recorded = previous?.digests[file];
      const read = made?.stamps[file];
      digests[file] =
        read !== undefined && read === fileStamp(join(site, file))
          ? (made?.digests[file] as string)
          : recorded && staged && !staged.written.has(file)
            ? recorded
            : pageDigest(site, file, recorded);
    }
    const key = yearKey(version, files, digests);
    keys[year] = key;
    pages += files.length;
    const published = previous && join(previous.site, ASSET_FOLDERS.search, year);
    if (made?.key === key) {
      kept.push(year);
      indexed += files.length;
    } else if (published && previous.keys[year] === key && existsSync(published)) {
      reused.push(year);
    } else {
      stale.push(year);
    }
  }
  // Nothing else is kept: an index left here may be links to the live site's.
  if (existsSync(output)) {
    for (const entry of readdirSync(output)) {
      if (!kept.includes(entry)) rmSync(join(output, entry), { recursive: true, force: true });
    }
  }
  for (const year of reused) {
    linkTree(join(previous?.site ?? "", ASSET_FOLDERS.search, year), join(output, year));
  }
  try {
    for (const year of stale) indexed += await indexYear(site, year, join(output, year));
  } finally {
    await pagefind.close();
  }
  return {
    pages,
    indexed,
    reused,
    early: kept,
    keys,
    digests,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Indexes a year of article pages while the build is still writing others
 * (scripts/publish/early-search.ts), into the year's place in the site's
 * search folder; returns the key its pages make. Not when the year's folder
 * holds other article pages than `files`, nor when the key is the one the
 * published site's index of the year was made from (`previous`: the search
 * step takes that one over).
 */
export async function indexYearEarly(
  site: string,
  year: string,
  files: readonly string[],
  previous?: Pick<PublishedIndex, "keys" | "digests">,
): Promise<EarlyIndex | undefined> {
  const onDisk = articlePagesByYear(site, year).get(year) ?? [];
  const wanted = new Set(files);
  if (onDisk.length !== wanted.size || onDisk.some((file) => !wanted.has(file))) return undefined;
  const digests: Record<string, string> = {};
  const stamps: Record<string, string> = {};
  for (const file of onDisk) {
    const path = join(site, file);
    stamps[file] = fileStamp(path);
    digests[file] = pageDigest(site, file, previous?.digests[file]);
    // Written to while it was read: the year is left to the search step.
    if (fileStamp(path) !== stamps[file]) return undefined;
  }
  const key = yearKey(pagefindVersion(), onDisk, digests);
  if (previous?.keys[year] === key) return undefined;
  const output = join(site, ASSET_FOLDERS.search, year);
  rmSync(output, { recursive: true, force: true });
  await indexYear(site, year, output);
  return { key, files: onDisk, digests, stamps };
}

/**
 * A year's key: a digest of Pagefind's version and its pages' paths and
 * bytes (not their files: a page written again unchanged keeps the key).
 */
function yearKey(
  version: string,
  files: readonly string[],
  digests: Record<string, string>,
): string {
  const hash = createHash("sha256").update(version);
  for (const file of files) {
    const digest = digests[file] as string;
    hash.update(`\n${file} ${digest.slice(digest.indexOf(":") + 1)}`);
  }
  return hash.digest("base64url");
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

/**
 * Article pages (/YYYY/MM/DD/<section>/<slug>/index.html, relative to the
 * site) by year, newest year first: the files of the year folders (or of
 * the year `only`), as articlePagesOf orders them.
 */
export function articlePagesByYear(site: string, only?: string): Map<string, string[]> {
  const files = existsSync(site)
    ? readdirSync(site, { withFileTypes: true })
        .filter(
          (entry) =>
            entry.isDirectory() &&
            /^\d{4}$/.test(entry.name) &&
            (only === undefined || entry.name === only),
        )
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
