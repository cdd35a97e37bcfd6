import { appendFileSync, existsSync, openSync, readSync, closeSync } from "node:fs";

/**
 * What `astro build` tells scripts/build.ts while it runs, so that search can
 * index a year of articles while Astro renders the rest of the site (see
 * scripts/publish/early-search.ts): which article pages the build makes, and
 * each page once it is written. The build script names a file in
 * DATELINE_PROGRESS; each line is appended to it, and it reads the file as it
 * grows. Without that variable (`astro build` by hand, `astro dev`) nothing
 * is written.
 *
 * Lines: `expect <page>` for each article page (relative to the output
 * folder), then `expected <count>`; `wrote <page>` for any file the build has
 * finished writing.
 */
export const PROGRESS_VARIABLE = "DATELINE_PROGRESS";

function progressFile(): string | undefined {
  return process.env[PROGRESS_VARIABLE] || undefined;
}

/** Appends lines to the progress file, when the build script asked for one. */
export function reportProgress(lines: readonly string[]): void {
  const file = progressFile();
  if (file === undefined || lines.length === 0) return;
  // One append: the file's lines from two writers never interleave.
  appendFileSync(file, `${lines.join("\n")}\n`);
}

/**
 * The article route's list of the pages it makes, as paths of the output
 * folder (`YYYY/MM/DD/section/slug/index.html`, from each page's address).
 */
export function announceArticlePages(addresses: readonly string[]): void {
  if (progressFile() === undefined) return;
  reportProgress([
    ...addresses.map((address) => `expect ${address.replace(/^\//, "")}index.html`),
    `expected ${addresses.length}`,
  ]);
}

/** What the progress file has said so far: the article pages expected, and the files written. */
export interface Progress {
  /** The article pages the build makes, once the whole list has arrived. */
  expected?: string[];
  /** Files written so far, with how many times each was written. */
  written: Map<string, number>;
}

/** Reads a progress file as it grows: each `read` takes the lines appended since the last. */
export class ProgressReader {
  readonly #file: string;
  #offset = 0;
  #rest = "";
  #listed: string[] = [];
  #buffer: Buffer | undefined;
  readonly progress: Progress = { written: new Map() };

  constructor(file: string) {
    this.#file = file;
  }

  /** Reads what was appended; returns the pages written since the last read. */
  read(): string[] {
    if (!existsSync(this.#file)) return [];
    const fd = openSync(this.#file, "r");
    const chunks: Buffer[] = [];
    try {
      // One buffer for every read: the file is read ten times a second.
      const buffer = (this.#buffer ??= Buffer.alloc(1 << 16));
      for (;;) {
        const count = readSync(fd, buffer, 0, buffer.length, this.#offset);
        if (count === 0) break;
        this.#offset += count;
        chunks.push(Buffer.from(buffer.subarray(0, count)));
      }
    } finally {
      closeSync(fd);
    }
    const text = this.#rest + Buffer.concat(chunks).toString("utf8");
    const end = text.lastIndexOf("\n");
    this.#rest = text.slice(end + 1);
    const written: string[] = [];
    for (const line of end < 0 ? [] : text.slice(0, end).split("\n")) {
      const space = line.indexOf(" ");
      const kind = line.slice(0, space);
      const value = line.slice(space + 1);
      if (kind === "wrote") {
        this.progress.written.set(value, (this.progress.written.get(value) ?? 0) + 1);
        written.push(value);
      } else if (kind === "expect") {
        this.#listed.push(value);
      } else if (kind === "expected" && Number(value) === this.#listed.length) {
        this.progress.expected = this.#listed;
        this.#listed = [];
      }
    }
    return written;
  }
}
