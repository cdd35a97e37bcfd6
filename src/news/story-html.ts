import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Stories' rendered HTML, kept beside Astro's data store rather than in it.
 *
 * Astro bundles the whole data store into the build as one JavaScript module,
 * so every byte in it is parsed by Vite and held in memory by every page
 * render; the HTML is nine tenths of it (45 of 54 MB at 10,000 stories). Here
 * it is in JSON files in the cache folder, written by the content loader
 * (src/editor/article-loader.ts) and each read once per build by the pages
 * that show a story's body (the article page and the feeds).
 *
 * A stored entry whose HTML is here says so: its `rendered.metadata` names
 * its file under `ASIDE_KEY`, and its `rendered.html` is empty. A story with
 * images in its body keeps its HTML in the data store, where Astro's image
 * pipeline fills in the images when the page renders it.
 */
export const ASIDE_KEY = "datelineHtml";

/**
 * A shard file holds two lines of JSON: first the index (each story's digest,
 * and the digest of its version before when the last sync changed it), then
 * the HTML of each (and of the version before). The loader reads only the
 * index of a shard it does not rewrite; a page reads both. In `astro dev` a
 * page can still hold the store of before an edit for a moment after the
 * file changed: it finds its version here. (JSON never holds a raw newline,
 * so the first one ends the index.)
 */
type Index = Record<string, { digest: string; before?: string }>;
type Html = Record<string, { html: string; before?: string }>;

/**
 * Stories are spread over this many files by a hash of their id, so that an
 * edit rewrites one sixteenth of the archive's HTML, not all of it (135 MB
 * at 30,000 stories).
 */
const SHARDS = 16;

/** The shard a story's HTML is kept in. */
function shardOf(id: string): number {
  let hash = 0;
  for (let index = 0; index < id.length; index++) {
    hash = (Math.imul(hash, 31) + id.charCodeAt(index)) >>> 0;
  }
  return hash % SHARDS;
}

/** The loader's side: what was kept from the last sync, and what this one keeps. */
export class StoryHtmlWriter {
  /** The folder of the shards. */
  readonly folder: string;
  /** Each shard's index as the last sync left it. */
  #previous: Index[];
  /** Each shard's HTML as the last sync left it: read only for a shard being rewritten. */
  #previousHtml: (Html | undefined)[] = Array.from({ length: SHARDS }, () => undefined);
  #next: Index[] = Array.from({ length: SHARDS }, () => ({}));
  /** HTML rendered in this sync; the rest comes from the last one. */
  #nextHtml: Html[] = Array.from({ length: SHARDS }, () => ({}));
  #changed = new Set<number>();

  constructor(folder: string) {
    this.folder = folder;
    this.#previous = Array.from({ length: SHARDS }, (_, shard) => readIndex(this.#file(shard)));
  }

  /** The file that keeps a story's HTML: what its stored entry names under `ASIDE_KEY`. */
  fileOf(id: string): string {
    return this.#file(shardOf(id));
  }

  #file(shard: number): string {
    return join(this.folder, `${shard}.json`);
  }

  /** Whether the story's HTML for exactly this digest is kept: then it is kept again. */
  keep(id: string, digest: string): boolean {
    const shard = shardOf(id);
    if (this.#previous[shard]?.[id]?.digest !== digest) return false;
    (this.#next[shard] as Index)[id] = { digest };
    return true;
  }

  set(id: string, digest: string, html: string): void {
    const shard = shardOf(id);
    const previous = this.#previous[shard]?.[id];
    const before =
      previous && previous.digest !== digest ? this.#previousHtmlOf(shard)[id]?.html : undefined;
    (this.#next[shard] as Index)[id] = {
      digest,
      ...(previous && before !== undefined ? { before: previous.digest } : {}),
    };
    (this.#nextHtml[shard] as Html)[id] = { html, ...(before !== undefined ? { before } : {}) };
    this.#changed.add(shard);
  }

  #previousHtmlOf(shard: number): Html {
    this.#previousHtml[shard] ??= readShard(this.#file(shard)).html;
    return this.#previousHtml[shard];
  }

  /**
   * Writes each shard whose stories changed, were removed or is missing, with
   * the kept stories only, whole or not at all.
   */
  save(): void {
    mkdirSync(this.folder, { recursive: true });
    for (let shard = 0; shard < SHARDS; shard++) {
      const file = this.#file(shard);
      const next = this.#next[shard] as Index;
      const removed = Object.keys(this.#previous[shard] ?? {}).some((id) => !(id in next));
      if (this.#changed.has(shard) || removed || !existsSync(file)) {
        const rendered = this.#nextHtml[shard] as Html;
        const html: Html = {};
        for (const id of Object.keys(next)) {
          const kept = this.#previousHtmlOf(shard)[id]?.html;
          const entry = rendered[id] ?? (kept === undefined ? undefined : { html: kept });
          // HTML lost from a damaged file: left out, so the page says so
          // rather than publish the story empty.
          if (entry === undefined) delete next[id];
          else html[id] = entry;
        }
        const aside = `${file}.${process.pid}.tmp`;
        writeFileSync(aside, `${JSON.stringify(next)}\n${JSON.stringify(html)}`);
        renameSync(aside, file);
        this.#previousHtml[shard] = html;
      }
    }
    this.#previous = this.#next;
    this.#next = Array.from({ length: SHARDS }, () => ({}));
    this.#nextHtml = Array.from({ length: SHARDS }, () => ({}));
    this.#changed.clear();
  }
}

/** The entry as stored: what `isKeptAside` and `storyHtml` read of it. */
type StoredEntry = {
  id: string;
  digest?: string | number | undefined;
  rendered?: { html: string; metadata?: Record<string, unknown> } | undefined;
};

/** Whether a stored story's HTML is kept here rather than in the data store. */
export function isKeptAside(entry: Pick<StoredEntry, "rendered">): boolean {
  return typeof entry.rendered?.metadata?.[ASIDE_KEY] === "string";
}

/** The shards read so far, by file, with the time each was written. */
const cached = new Map<string, { mtimeMs: number; index: Index; html: Html }>();

/**
 * A stored story's body as HTML: from the data store, or from the file the
 * loader kept it in (read once, and again only when it has changed, as in
 * `astro dev` after an edit).
 */
export function storyHtml(entry: StoredEntry): string {
  if (!isKeptAside(entry)) return entry.rendered?.html ?? "";
  const file = entry.rendered?.metadata?.[ASIDE_KEY] as string;
  const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  let shard = cached.get(file);
  if (shard?.mtimeMs !== mtimeMs) {
    shard = { mtimeMs, ...readShard(file) };
    cached.set(file, shard);
  }
  const index = shard.index[entry.id];
  const digest = entry.digest === undefined ? index?.digest : String(entry.digest);
  const html =
    index && digest === index.digest
      ? shard.html[entry.id]?.html
      : index?.before !== undefined && digest === index.before
        ? shard.html[entry.id]?.before
        : undefined;
  if (html === undefined) {
    throw new Error(
      `${entry.id}: the story's HTML in ${file} is missing or from another version of it; delete the cache folder and build again`,
    );
  }
  return html;
}

/** A shard's index alone (its first line): what the loader needs of a shard it keeps. */
function readIndex(file: string): Index {
  try {
    if (!existsSync(file)) return {};
    const text = readFileSync(file, "utf8");
    const end = text.indexOf("\n");
    return end < 0 ? {} : (JSON.parse(text.slice(0, end)) as Index);
  } catch {
    // Unreadable: nothing kept, every story is rendered again.
    return {};
  }
}

/** A shard whole; empty when missing or unreadable (its stories are rendered again). */
function readShard(file: string): { index: Index; html: Html } {
  try {
    if (!existsSync(file)) return { index: {}, html: {} };
    const text = readFileSync(file, "utf8");
    const end = text.indexOf("\n");
    if (end < 0) return { index: {}, html: {} };
    return {
      index: JSON.parse(text.slice(0, end)) as Index,
      html: JSON.parse(text.slice(end + 1)) as Html,
    };
  } catch {
    return { index: {}, html: {} };
  }
}
