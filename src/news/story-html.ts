import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Stories' rendered HTML, kept beside Astro's data store rather than in it.
 *
 * Astro bundles the whole data store into the build as one JavaScript module,
 * so every byte in it is parsed by Vite and held in memory by every page
 * render; the HTML is nine tenths of it (45 of 54 MB at 10,000 stories). Here
 * it is one JSON file in the cache folder, written by the content loader
 * (src/editor/article-loader.ts) and read once per build by the pages that
 * show a story's body (the article page and the feeds).
 *
 * A stored entry whose HTML is here says so: its `rendered.metadata` names
 * this file under `ASIDE_KEY`, and its `rendered.html` is empty. A story with
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

/** The loader's side: what was kept from the last sync, and what this one keeps. */
export class StoryHtmlWriter {
  readonly file: string;
  #previous: Saved;
  #next: Saved = {};
  #changed = false;

  constructor(file: string) {
    this.file = file;
    this.#previous = readSaved(file);
  }

  /** Whether the story's HTML for exactly this digest is kept: then it is kept again. */
  keep(id: string, digest: string): boolean {
    const saved = this.#previous[id];
    if (saved?.digest !== digest) return false;
    this.#next[id] = { digest: saved.digest, html: saved.html };
    return true;
  }

  set(id: string, digest: string, html: string): void {
    const previous = this.#previous[id];
    this.#next[id] = {
      digest,
      html,
      ...(previous && previous.digest !== digest
        ? { before: { digest: previous.digest, html: previous.html } }
        : {}),
    };
    this.#changed = true;
  }

  /** Writes the kept stories (and only those), whole or not at all, when anything changed. */
  save(): void {
    const removed = Object.keys(this.#previous).some((id) => !(id in this.#next));
    if (!this.#changed && !removed && existsSync(this.file)) return;
    const aside = `${this.file}.${process.pid}.tmp`;
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(aside, JSON.stringify(this.#next));
    renameSync(aside, this.file);
    this.#previous = this.#next;
    this.#next = {};
    this.#changed = false;
  }
}

let cached: { file: string; mtimeMs: number; saved: Saved } | undefined;

/**
 * A stored story's body as HTML: from the data store, or from the file the
 * loader kept it in (read once, and again only when it has changed, as in
 * `astro dev` after an edit).
 */
export function storyHtml(entry: {
  id: string;
  digest?: string | number | undefined;
  rendered?: { html: string; metadata?: Record<string, unknown> } | undefined;
}): string {
  const file = entry.rendered?.metadata?.[ASIDE_KEY];
  if (typeof file !== "string") return entry.rendered?.html ?? "";
  const mtimeMs = existsSync(file) ? statSync(file).mtimeMs : -1;
  if (cached?.file !== file || cached.mtimeMs !== mtimeMs) {
    cached = { file, mtimeMs, saved: readSaved(file) };
  }
  const saved = cached.saved[entry.id];
  const digest = entry.digest === undefined ? saved?.digest : String(entry.digest);
  const version = [saved, saved?.before].find((each) => each?.digest === digest);
  if (version === undefined) {
    throw new Error(
      `${entry.id}: the story's HTML in ${file} is missing or from another version of it; delete the cache folder and build again`,
    );
  }
  return version.html;
}

function readSaved(file: string): Saved {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Saved) : {};
  } catch {
    // Unreadable: nothing kept, every story is rendered again.
    return {};
  }
}
