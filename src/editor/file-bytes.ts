import { readFileSync } from "node:fs";
import { fileStamp } from "../lib/file-stamp.ts";

/** A file's bytes as kept, with what its stat said when they were read. */
interface Held {
  bytes: Buffer;
  /** The file's stamp when they were read: a file written since has another. */
  stamp: string;
}

/**
 * The article files' bytes, kept between the rules' runs while `astro dev`
 * runs: every save re-runs the rules over the whole folder (a story's
 * problems can come from another's), and reading 10,000 files again took
 * half a second of each edit's wait. A file is read again when the watcher
 * names it, or when its size or times changed (a change the watcher missed);
 * any other file's bytes are the ones read before.
 */
export class FileBytes {
  readonly #held = new Map<string, Held>();
  /** Files read from disk since this was made: for tests and figures. */
  reads = 0;

  /** The file's bytes: kept ones while it is unchanged, else read now. */
  read = (path: string): Buffer => {
    const stamp = fileStamp(path);
    const held = this.#held.get(path);
    if (held?.stamp === stamp) return held.bytes;
    this.reads++;
    const bytes = readFileSync(path);
    this.#held.set(path, { bytes, stamp });
    return bytes;
  };

  /** Forgets a file the watcher says was written, added or removed: it is read again. */
  forget(path: string): void {
    this.#held.delete(path);
  }
}
