import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeWhole } from "../lib/write-whole.ts";

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
 * The file's contents: each story's HTML with the digest of the text it was
 * rendered from, and the version before when the last sync changed it. In
 * `astro dev` a page can still hold the store of before the edit for a
 * moment after this file has changed; it finds its version here.
 */
type Saved = Record<string, Version & { before?: Version }>;
type Version = { digest: string; html: string };

/**
 * Stories are spread over this many files by a hash of their id, so that an
 * edit rewrites one sixteenth of the archive's HTML, not all of it (135 MB
 * at 30,000 stories).
 */
const SHARDS = 16;

/** The index beside the shards: each kept story's digest, by id. */
const INDEX_FILE = "index.json";

/** The shard a story's HTML is kept in. */
function shardOf(id: string): number {
  let hash = 0;
  for (let index = 0; index < id.length; index++) {
    hash = (Math.imul(hash, 31) + id.charCodeAt(index)) >>> 0;
  }
  return hash % SHARDS;
}

/**
 * The loader's side: which stories' HTML the last sync kept, and what this
 * one keeps. Only the index of digests is read up front; a shard's HTML is
 * read when a story in it changes or goes, so an edit reads and rewrites
 * one sixteenth of the archive's HTML.
 */
export class StoryHtmlWriter {
  /** The folder of the shards. */
  readonly folder: string;
  /** Each kept story's digest, as the last sync left them (the index file). */
  #previous: Record<string, string>;
  /** The shards that exist, as the last sync left them. */
  #present = new Set<number>();
  /** Shards read so far, as they are on disk. */
  #read = new Map<number, Saved>();
  #next: Record<string, string> = {};
  /** Stories rendered by this sync, by shard. */
  #rendered = new Map<number, Saved>();

  constructor(folder: string) {
    this.folder = folder;
    for (let shard = 0; shard < SHARDS; shard++) {
      if (existsSync(this.#file(shard))) this.#present.add(shard);
    }
    this.#previous = readIndex(this.#indexFile());
  }

  /** The file that keeps a story's HTML: what its stored entry names under `ASIDE_KEY`. */
  fileOf(id: string): string {
    return this.#file(shardOf(id));
  }

  #file(shard: number): string {
    return join(this.folder, `${shard}.json`);
  }

  #indexFile(): string {
    return join(this.folder, INDEX_FILE);
  }

  /** A shard's stories as they are on disk, read once. */
  #saved(shard: number): Saved {
    let saved = this.#read.get(shard);
    if (!saved) {
      saved = this.#present.has(shard) ? readSaved(this.#file(shard)) : {};
      this.#read.set(shard, saved);
    }
    return saved;
  }

  /** Whether the story's HTML for exactly this digest is kept: then it is kept again. */
  keep(id: string, digest: string): boolean {
    if (this.#previous[id] !== digest || !this.#present.has(shardOf(id))) return false;
    this.#next[id] = digest;
    return true;
  }

  set(id: string, digest: string, html: string): void {
    const shard = shardOf(id);
    const previous = this.#previous[id] !== undefined ? this.#saved(shard)[id] : undefined;
    let rendered = this.#rendered.get(shard);
    if (!rendered) this.#rendered.set(shard, (rendered = {}));
    rendered[id] = {
      digest,
      html,
      ...(previous && previous.digest !== digest
        ? { before: { digest: previous.digest, html: previous.html } }
        : {}),
    };
    this.#next[id] = digest;
  }

  /**
   * Writes each shard whose stories changed, were removed or is missing, with
   * the kept stories only, whole or not at all; then the index.
   */
  save(): void {
    const ids: string[][] = Array.from({ length: SHARDS }, () => []);
    for (const id of Object.keys(this.#next)) ids[shardOf(id)]?.push(id);
    const removed = new Set<number>();
    for (const id of Object.keys(this.#previous)) {
      if (!(id in this.#next)) removed.add(shardOf(id));
    }
    let wrote = false;
    for (let shard = 0; shard < SHARDS; shard++) {
      const rendered = this.#rendered.get(shard);
      if (!rendered && !removed.has(shard) && this.#present.has(shard)) continue;
      wrote = true;
      const next: Saved = {};
      for (const id of ids[shard] ?? []) {
        const saved = rendered?.[id] ?? this.#saved(shard)[id];
        if (saved) next[id] = rendered?.[id] ? saved : { digest: saved.digest, html: saved.html };
      }
      writeWhole(this.#file(shard), JSON.stringify(next));
      this.#present.add(shard);
      this.#read.set(shard, next);
    }
    // Last, so that a sync stopped while writing shards never leaves an index
    // naming HTML that is not there.
    if (wrote || !existsSync(this.#indexFile())) {
      writeWhole(this.#indexFile(), JSON.stringify(this.#next));
    }
    this.#previous = this.#next;
    this.#next = {};
    this.#rendered.clear();
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
const cached = new Map<string, { mtimeMs: number; saved: Saved }>();

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
    shard = { mtimeMs, saved: readSaved(file) };
    cached.set(file, shard);
  }
  const saved = shard.saved[entry.id];
  const digest = entry.digest === undefined ? saved?.digest : String(entry.digest);
  const version = [saved, saved?.before].find((each) => each?.digest === digest);
  if (version === undefined) {
    throw new Error(
      `${entry.id}: the story's HTML in ${file} is missing or from another version of it; delete the cache folder and build again`,
    );
  }
  return version.html;
}

/** How many shards were read (by the loader or the pages): for tests. */
export const shardReads = { count: 0 };

function readSaved(file: string): Saved {
  try {
    if (!existsSync(file)) return {};
    shardReads.count++;
    return JSON.parse(readFileSync(file, "utf8")) as Saved;
  } catch {
    // Unreadable: nothing kept, every story is rendered again.
    return {};
  }
}

function readIndex(file: string): Record<string, string> {
  try {
    return existsSync(file)
      ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, string>)
      : {};
  } catch {
    // Unreadable: nothing kept, every story is rendered again.
    return {};
  }
}
