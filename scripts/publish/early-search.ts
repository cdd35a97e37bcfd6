import { rmSync } from "node:fs";
import {
  articlePagesOf,
  indexYearEarly,
  type EarlyIndex,
} from "../../src/distribution/search-index.ts";
import { ProgressReader } from "../../src/site/build-progress.ts";

/** How often the build's progress file is read while Astro runs. */
const POLL_MS = 100;

/**
 * Indexes years of articles for search while `astro build` is still
 * rendering: a year is indexed as soon as this build has written every
 * article page of it (its article route renders the newest year first, then
 * the listings), on the core Astro's page phase leaves partly idle. What
 * Astro reports comes through the progress file (src/site/build-progress.ts).
 *
 * Each index is kept with the key of the pages it read; the search step
 * after Astro (indexSite) takes it only if the year's key, worked out from
 * the finished site, is the same, and indexes the year again otherwise. A
 * year some of whose pages were not written by this build (reused from the
 * last one) is left to that step, as is any year whose folder holds other
 * article pages than the expected ones.
 */
export class EarlySearch {
  readonly #site: string;
  readonly #reader: ProgressReader;
  readonly #timer: ReturnType<typeof setInterval>;
  /** Expected article pages by year, not yet written. */
  #missing: Map<string, Set<string>> | undefined;
  /** Years ready to index, in the order they were finished. */
  readonly #ready: string[] = [];
  readonly #indexes = new Map<string, EarlyIndex>();
  /** The indexing of ready years, while it runs. */
  #draining: Promise<void> | undefined;
  #stopped = false;
  #failure: string | undefined;

  constructor(site: string, progressFile: string) {
    this.#site = site;
    rmSync(progressFile, { force: true });
    this.#reader = new ProgressReader(progressFile);
    this.#timer = setInterval(() => this.#poll(), POLL_MS);
  }

  #poll(): void {
    const written = this.#reader.read();
    const { expected } = this.#reader.progress;
    if (this.#missing === undefined) {
      if (expected === undefined) return;
      this.#missing = new Map();
      for (const [year, files] of articlePagesOf(expected)) {
        this.#missing.set(
          year,
          new Set(files.filter((file) => !this.#reader.progress.written.has(file))),
        );
      }
    } else {
      for (const file of written) this.#missing.get(file.slice(0, 4))?.delete(file);
    }
    for (const [year, missing] of this.#missing) {
      if (missing.size > 0) continue;
      this.#missing.delete(year);
      this.#ready.push(year);
    }
    this.#drain();
  }

  /** Indexes the ready years one after the other, unless that is under way. */
  #drain(): void {
    if (this.#draining || this.#ready.length === 0) return;
    this.#draining = (async () => {
      const byYear = articlePagesOf(this.#reader.progress.expected ?? []);
      for (let year = this.#ready.shift(); year !== undefined; year = this.#ready.shift()) {
        if (this.#stopped) break;
        try {
          const index = await indexYearEarly(this.#site, year, byYear.get(year) ?? []);
          if (index) this.#indexes.set(year, index);
        } catch (error) {
          // The search step indexes the year again, and reports its own failure.
          this.#failure ??= error instanceof Error ? error.message : String(error);
        }
      }
      this.#draining = undefined;
    })();
  }

  /**
   * Once Astro has finished: indexes the years still ready (the last few
   * pages' writes are read now) and returns the years indexed, each with its
   * key. A year one of whose pages was written again after it was indexed is
   * left out.
   */
  async finish(): Promise<{ indexes: Map<string, EarlyIndex>; failure?: string }> {
    clearInterval(this.#timer);
    this.#poll();
    while (this.#draining) await this.#draining;
    const { written } = this.#reader.progress;
    for (const [year, index] of this.#indexes) {
      if (index.files.some((file) => (written.get(file) ?? 0) > 1)) this.#indexes.delete(year);
    }
    return { indexes: this.#indexes, ...(this.#failure ? { failure: this.#failure } : {}) };
  }

  /** Stops indexing (the build failed); resolves when the index being made is done. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#stopped = true;
    await this.#draining;
  }
}
