import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { writeWhole } from "../lib/write-whole.ts";
import { readArticle, withLines, type ArticleLocation, type ReadResult } from "./check-article.ts";
import type { Reuse } from "./check-rules.ts";

/** The file in the cache folder (Astro's `cacheDir`) that keeps readings between runs. */
export const READINGS_FILE = "dateline-readings.bin";

/** A reading as kept: the result without its body (a suffix of the file's text) or line function. */
interface Kept {
  digest: string;
  problems: ReadResult["problems"];
  article?: {
    raw: NonNullable<ReadResult["raw"]>;
    data: NonNullable<ReadResult["article"]>["data"];
    checked: Omit<NonNullable<ReadResult["article"]>["checked"], "body" | "line"> & {
      bodyLength: number;
    };
  };
}

/**
 * Readings of article files (`readArticle`: decoding, YAML, schema, nesting)
 * kept from one check to the next, so that only the files whose bytes changed
 * are parsed again. The YAML parser that gives every field's line is the
 * check's dearest part: two of the four seconds it takes on 10,000 stories.
 *
 * A reading is reused only for the same bytes at the same place (file, path
 * and id are in its digest) under the same code (`version`: a digest of the
 * rules' source, src/lib/pipeline-digest.ts), so what is reused is what
 * `readArticle` would return again. The build's loader and `npm run check`
 * both read through it (src/editor/check-content.ts); readings are kept in a
 * file in the cache folder, and in memory for as long as `astro dev` runs.
 */
export class ReadingMemo {
  readonly #file: string | undefined;
  readonly #version: string;
  #previous: Map<string, Kept>;
  #next = new Map<string, Kept>();
  #dirty = false;
  #fresh = new Set<string>();
  /** Files parsed since this memo was made: for tests and figures. */
  parsed = 0;
  /** The files (as problems name them) the last run parsed: new or changed since the run before. */
  changed: ReadonlySet<string> = new Set();

  readonly #writeAfter: number | undefined;
  #writeTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `file`: where readings are kept between runs; without it, in memory only.
   * `writeAfter` (ms): the file is written that long after the last run
   * rather than at its end (`astro dev`, where each edit's run would
   * otherwise wait for 10 MB to be written at 10,000 stories).
   */
  constructor(file: string | undefined, version: string, writeAfter?: number) {
    this.#file = file;
    this.#version = version;
    this.#writeAfter = writeAfter;
    this.#previous = file ? readKept(file, version) : new Map();
  }

  /**
   * `readArticle(bytes, where)`, from a kept reading when the bytes and place
   * are the same. A valid article comes with a `reuse` of its own, kept with
   * the reading: what a rule works out of it once (check-rules.ts
   * `perReading`) is not worked out again while the file is unchanged.
   */
  read(bytes: Uint8Array, text: string, where: ArticleLocation): ReadResult {
    const digest = this.#digest(bytes, JSON.stringify([where.file, where.path, where.id]));
    const kept = this.#previous.get(where.path);
    if (kept?.digest === digest) {
      this.#next.set(where.path, kept);
      return withReuse(restore(kept, text), this.#reuseOf(kept));
    }
    this.parsed++;
    this.#fresh.add(where.file);
    this.#dirty = true;
    const result = readArticle(bytes, where);
    // Kept as a frozen copy: the caller may change the result it is given.
    const next = frozen(structuredClone(keep(result, digest)));
    this.#next.set(where.path, next);
    return withReuse(result, this.#reuseOf(next));
  }

  /** What was worked out of each kept reading; it goes with the reading. */
  readonly #reuse = new WeakMap<Kept, Reuse>();

  #reuseOf(kept: Kept): Reuse {
    let reuse = this.#reuse.get(kept);
    if (!reuse) {
      reuse = keptValues();
      this.#reuse.set(kept, reuse);
    }
    return reuse;
  }

  /**
   * Digests of files' bytes by the buffer they came in: `astro dev` hands
   * over the same buffer while a file is unchanged (src/editor/file-bytes.ts,
   * which never writes into one), and hashing 10,000 files' bytes on every
   * edit took a tenth of a second.
   */
  readonly #digests = new WeakMap<Uint8Array, { place: string; digest: string }>();

  #digest(bytes: Uint8Array, place: string): string {
    const known = this.#digests.get(bytes);
    if (known?.place === place) return known.digest;
    const digest = createHash("sha1").update(place).update(bytes).digest("hex");
    this.#digests.set(bytes, { place, digest });
    return digest;
  }

  /**
   * Writes this run's readings (only those of files read in it, so readings of
   * removed files go) when any is new or any was dropped, then starts the next run.
   */
  save(): void {
    const dropped = [...this.#previous.keys()].some((path) => !this.#next.has(path));
    if (this.#file && (this.#dirty || dropped)) {
      if (this.#writeAfter === undefined) this.#write(this.#file, this.#next);
      else {
        clearTimeout(this.#writeTimer);
        const file = this.#file;
        // The readings of the last run by then.
        this.#writeTimer = setTimeout(
          () => this.#write(file, this.#previous),
          this.#writeAfter,
        ).unref();
      }
    }
    this.#previous = this.#next;
    this.#next = new Map();
    this.#dirty = false;
    this.changed = this.#fresh;
    this.#fresh = new Set();
  }

  #write(file: string, readings: Map<string, Kept>): void {
    try {
      writeWhole(file, serialize({ version: this.#version, readings: [...readings] }));
    } catch {
      // A cache folder that cannot be written costs the next check its
      // parsing, nothing more: the check itself is already done.
    }
  }
}

function keep(result: ReadResult, digest: string): Kept {
  if (!result.article || !result.raw) return { digest, problems: result.problems };
  const { file, path, id, bodyLine, lines, body } = result.article.checked;
  return {
    digest,
    problems: result.problems,
    article: {
      raw: result.raw,
      data: result.article.data,
      checked: { file, path, id, bodyLine, lines, bodyLength: body.length },
    },
  };
}

/**
 * A kept reading as `readArticle` returns it. Its parts are shared with every
 * run that reuses it, so they are frozen: a caller that tried to change one
 * would fail at once rather than change the next run's reading. (A copy per
 * reading cost a third of a second per check at 10,000 stories.)
 */
function restore(kept: Kept, text: string): ReadResult {
  if (!kept.article) return { problems: [...kept.problems] };
  const { bodyLength, ...checked } = kept.article.checked;
  const body = text.slice(text.length - bodyLength);
  return {
    problems: [...kept.problems],
    raw: kept.article.raw,
    article: { data: kept.article.data, checked: withLines({ ...checked, body }) },
  };
}

/** Values worked out once each, by key. */
function keptValues(): Reuse {
  const values = new Map<string, unknown>();
  return {
    get<T>(key: string, compute: () => T): T {
      if (values.has(key)) return values.get(key) as T;
      const value = compute();
      values.set(key, value);
      return value;
    },
  };
}

/** A reading's valid article with the values kept with it (none for a file that failed). */
function withReuse(result: ReadResult, reuse: Reuse): ReadResult {
  return result.article ? { ...result, article: { ...result.article, reuse } } : result;
}

/** Freezes a kept reading and everything in it (Dates included, as far as freezing goes). */
function frozen<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const part of Object.values(value)) frozen(part);
    Object.freeze(value);
  }
  return value;
}

/** The readings kept by an earlier run of the same code; none if unreadable or of other code. */
function readKept(file: string, version: string): Map<string, Kept> {
  try {
    const saved = deserialize(readFileSync(file)) as {
      version: string;
      readings: [string, Kept][];
    };
    return saved.version === version ? new Map(frozen(saved.readings)) : new Map();
  } catch {
    return new Map();
  }
}
