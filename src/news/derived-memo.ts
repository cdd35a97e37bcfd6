import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Results worked out from each story's text, remembered from one build to
 * the next: a build after one edit derives one story's summary and word
 * count, not the whole archive's.
 *
 * The memo is only ever a faster way to the same result: an entry is keyed
 * by a digest of everything its result is derived from (`key`), and the
 * whole memo is dropped when `version` (a digest of the code that derives
 * the results) changes.
 */
export class DerivedMemo<T> {
  #file: string;
  #version: string;
  #previous: Map<string, T>;
  #next = new Map<string, T>();
  /** How many results were derived rather than remembered, for tests and logs. */
  derived = 0;

  constructor(file: string, version: string) {
    this.#file = file;
    this.#version = version;
    this.#previous = new Map();
    try {
      if (existsSync(file)) {
        const saved = JSON.parse(readFileSync(file, "utf8")) as {
          version: string;
          entries: [string, T][];
        };
        if (saved.version === version) this.#previous = new Map(saved.entries);
      }
    } catch {
      // An unreadable memo is an empty one.
    }
  }

  /** The remembered result for `key`, else `derive()`'s (remembered for next time). */
  get(key: readonly unknown[], derive: () => T): T {
    const id = createHash("sha1").update(JSON.stringify(key)).digest("base64url");
    let value = this.#next.get(id) ?? this.#previous.get(id);
    if (value === undefined) {
      value = derive();
      this.derived++;
    }
    this.#next.set(id, value);
    return value;
  }

  /** Writes the results used in this build (and only those) for the next one, whole or not at all. */
  save(): void {
    mkdirSync(dirname(this.#file), { recursive: true });
    const aside = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(aside, JSON.stringify({ version: this.#version, entries: [...this.#next] }));
    renameSync(aside, this.#file);
  }
}
