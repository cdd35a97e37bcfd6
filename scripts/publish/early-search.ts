import { rmSync } from "node:fs";
import {
  articlePagesOf,
  indexYearEarly,
  type EarlyIndex,
  type PublishedIndex,
} from "../../src/distribution/search-index.ts";
import { ProgressReader } from "../../src/site/build-progress.ts";

/** How often the build's progress file is read while Astro runs. */
const POLL_MS = 100;

/**
 * How long after the last write of one of a year's article pages a year
 * that also reuses pages of the last build waits before it is indexed.
 */
const QUIET_MS = 500;

/** A year of article pages, while its pages are being written. */
interface YearWait {
  /** Its pages not written by this build yet. */
  unwritten: Set<string>;
  /** Of those, how many are not reused pages of the last build (linked) either. */
  absent: number;
  /** When this build last wrote one of its pages (performance.now()), if it did. */
  lastWrite?: number;
  /** The place of its last page in the article route's order. */
  last: number;
  /** Whether Astro has written a page that comes after all of its own since it last wrote one. */
  passed: boolean;
}

/**
 * Indexes years of articles for search while `astro build` is still
 * rendering, on the core Astro's page phase leaves partly idle. What Astro
 * does comes through the progress file (src/site/build-progress.ts): the
 * article pages it makes, and each file once written. Its article route
 * renders the newest year first, then come the listings.
 *
 * - A year whose every page this build wrote (a clean build) is indexed as
 *   soon as the last is written.
 * - A year that also reuses pages of the last build (linked into the staging
 *   folder) and had a page written (an edit) is indexed once Astro has moved
 *   on to later pages (an older year's, a listing) and QUIET_MS passed
 *   without a write of one of its own: until then a reused page of it could
 *   still be rendered again.
 *
 * Either way the index is kept with the key of the pages it read; the search
 * step after Astro (indexSite) takes it only if the year's key, worked out
 * from the finished site, is the same, and indexes the year again otherwise.
 * A guess that came too early costs work, never a wrong index. A year whose
 * folder holds other article pages than the expected ones (a deleted story's
 * page, still linked) is left to that step, and so is a year whose pages
 * were written again with the bytes they had: the published index is taken
 * over.
 */
export class EarlySearch {
  readonly #site: string;
  readonly #reader: ProgressReader;
  readonly #timer: ReturnType<typeof setInterval>;
  /** The pages linked from the published site, once known. */
  #linked: ReadonlySet<string> | undefined;
  /** The years not ready yet, once the expected pages are known. */
  #waiting: Map<string, YearWait> | undefined;
  /** Each expected article page's place in the article route's order. */
  #places = new Map<string, number>();
  /** The expected article pages by year, once known. */
  #byYear = new Map<string, string[]>();
  /** Years ready to index, in the order they were finished. */
  readonly #ready: string[] = [];
  /** The years indexed, each with how often each page had been written when it was. */
  readonly #indexes = new Map<string, { index: EarlyIndex; writes: Map<string, number> }>();
  /** The indexing of ready years, while it runs. */
  #draining: Promise<void> | undefined;
  #stopped = false;
  #failure: string | undefined;

  /** The published site's year keys and page digests, if there is one. */
  readonly #previous: Pick<PublishedIndex, "keys" | "digests"> | undefined;

  constructor(
    site: string,
    progressFile: string,
    previous?: Pick<PublishedIndex, "keys" | "digests">,
  ) {
    this.#site = site;
    this.#previous = previous;
    rmSync(progressFile, { force: true });
    this.#reader = new ProgressReader(progressFile);
    this.#timer = setInterval(() => this.#poll(), POLL_MS);
  }

  /** The published pages linked into the staging folder (before Astro renders). */
  linked(pages: ReadonlySet<string>): void {
    this.#linked = pages;
  }

  #poll(): void {
    const now = performance.now();
    const written = this.#reader.read();
    const { expected } = this.#reader.progress;
    if (this.#waiting === undefined) {
      if (expected === undefined || this.#linked === undefined) return;
      this.#waiting = new Map();
      this.#places = new Map(expected.map((file, place) => [file, place]));
      this.#byYear = articlePagesOf(expected);
      for (const [year, files] of this.#byYear) {
        const wait: YearWait = { unwritten: new Set(files), absent: 0, last: 0, passed: false };
        for (const file of files) {
          if (!this.#linked.has(file)) wait.absent++;
          wait.last = Math.max(wait.last, this.#places.get(file) ?? 0);
        }
        this.#waiting.set(year, wait);
      }
      this.#wrote(this.#reader.progress.written.keys(), now);
    } else {
      this.#wrote(written, now);
    }
    for (const [year, wait] of this.#waiting) {
      const done =
        wait.unwritten.size === 0 ||
        (wait.absent === 0 &&
          wait.lastWrite !== undefined &&
          wait.passed &&
          now - wait.lastWrite >= QUIET_MS);
      if (!done) continue;
      this.#waiting.delete(year);
      this.#ready.push(year);
    }
    this.#drain();
  }

  /**
   * Notes files written by Astro. The article route renders its pages in the
   * order it listed them, and the other routes' pages after them, except a
   * few single pages before: a page written after a year's last write, from
   * later in that order or from another route, shows Astro has passed the
   * year (pages in flight aside, which the key check covers).
   */
  #wrote(files: Iterable<string>, now: number): void {
    for (const file of files) {
      const place = this.#places.get(file);
      const year = place === undefined ? undefined : file.slice(0, 4);
      for (const [other, wait] of this.#waiting ?? []) {
        if (other !== year && (place === undefined || place > wait.last)) wait.passed = true;
      }
      const wait = year === undefined ? undefined : this.#waiting?.get(year);
      if (!wait) continue;
      if (wait.unwritten.delete(file) && !this.#linked?.has(file)) wait.absent--;
      wait.lastWrite = now;
      wait.passed = false;
    }
  }

  /** Indexes the ready years one after the other, unless that is under way. */
  #drain(): void {
    if (this.#draining || this.#ready.length === 0) return;
    this.#draining = (async () => {
      for (let year = this.#ready.shift(); year !== undefined; year = this.#ready.shift()) {
        if (this.#stopped) break;
        const files = this.#byYear.get(year) ?? [];
        // How often each page had been written when Pagefind started reading.
        const writes = new Map(files.map((file) => [file, this.#writesOf(file)]));
        try {
          const index = await indexYearEarly(this.#site, year, files, this.#previous);
          if (index) this.#indexes.set(year, { index, writes });
        } catch (error) {
          // The search step indexes the year again, and reports its own failure.
          this.#failure ??= error instanceof Error ? error.message : String(error);
        }
      }
      this.#draining = undefined;
    })();
  }

  /** How often Astro has reported writing a file so far. */
  #writesOf(file: string): number {
    return this.#reader.progress.written.get(file) ?? 0;
  }

  /**
   * Once Astro has finished: indexes the years still ready (the last few
   * pages' writes are read now) and returns the years indexed, each with its
   * key. A year one of whose pages was written while or after it was indexed
   * is left out (Pagefind may have read it half-written, even if its bytes
   * end up as they were).
   */
  async finish(): Promise<{ indexes: Map<string, EarlyIndex>; failure?: string }> {
    clearInterval(this.#timer);
    this.#poll();
    while (this.#draining) await this.#draining;
    const indexes = new Map<string, EarlyIndex>();
    for (const [year, { index, writes }] of this.#indexes) {
      if (index.files.every((file) => this.#writesOf(file) === writes.get(file))) {
        indexes.set(year, index);
      }
    }
    return { indexes, ...(this.#failure ? { failure: this.#failure } : {}) };
  }

  /** Stops indexing (the build failed); resolves when the index being made is done. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#stopped = true;
    await this.#draining;
  }
}
