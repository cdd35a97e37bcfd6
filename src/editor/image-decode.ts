import { readFileSync } from "node:fs";
import sharp from "sharp";
import { fileStamp } from "../lib/file-stamp.ts";
import { writeWhole } from "../lib/write-whole.ts";
import type { ImageFile, Problem } from "./check-rules.ts";
import { MAX_PIXELS } from "./content-paths.ts";

/** The file in the cache folder (Astro's `cacheDir`) that keeps what decoding each image found. */
export const IMAGE_VERDICTS_FILE = "dateline-images.json";

/** An image an article names, with the article's file as messages name it. */
export interface NamedImage extends ImageFile {
  file: string;
}

/** What decoding an image found: nothing wrong, or the decoder's complaint. */
interface Verdict {
  stamp: string;
  problem?: string | undefined;
}

/**
 * What is judged: the decoder's library and how strictly it reads. A
 * verdict kept under another is not trusted.
 */
const VERSION = `${sharp.versions.vips} warning ${MAX_PIXELS}`;

/**
 * Images decoded at once: one. libvips spreads each over the cores already,
 * and its error messages are gathered in one buffer for the whole process,
 * so two failing at once could swap or merge their reasons.
 */
const AT_ONCE = 1;

/**
 * Images decoded whole before they are published: a header can be right
 * and the data damaged (a PNG published as a black picture, a JPEG cut off
 * in transfer), which only decoding every row shows. Each image is decoded
 * with sharp, as Astro's image service does, but strictly (`failOn:
 * "warning"`, sharp's own default, which Astro turns off). What decoding
 * found is kept by the file's stamp (src/lib/file-stamp.ts) in the cache
 * folder, so an archive's images are decoded once, not on every check or
 * build: a 48-megapixel JPEG takes a tenth of a second.
 */
export class ImageVerdicts {
  readonly #file: string | undefined;
  readonly #kept: Map<string, Verdict>;
  readonly #next = new Map<string, Verdict>();
  /** Images decoded by this object: for tests and figures. */
  decoded = 0;

  /** `file`: where verdicts are kept between runs; without it, in memory only. */
  constructor(file?: string) {
    this.#file = file;
    this.#kept = file ? readKept(file) : new Map();
  }

  /**
   * An error for every image that does not decode whole, naming the
   * article's file, the field's line and the image as written.
   */
  async problems(images: readonly NamedImage[]): Promise<Problem[]> {
    const byPath = new Map<string, NamedImage[]>();
    // An SVG is text, judged by the rules already (src/editor/content-paths.ts).
    for (const image of images.filter((image) => image.type !== "svg")) {
      byPath.set(image.path, [...(byPath.get(image.path) ?? []), image]);
    }
    const paths = [...byPath.keys()];
    const found: Problem[] = [];
    let next = 0;
    const worker = async () => {
      while (next < paths.length) {
        const path = paths[next++] as string;
        const problem = await this.#judge(path);
        if (!problem) continue;
        for (const image of byPath.get(path) ?? []) {
          found.push({
            file: image.file,
            line: image.line,
            field: image.field,
            message: `expected an image that decodes whole; found ${image.src}, which does not (${problem}: the file is damaged or cut short; export it again)`,
            severity: "error",
          });
        }
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, worker));
    this.#save();
    return found;
  }

  async #judge(path: string): Promise<string | undefined> {
    let stamp: string;
    try {
      stamp = fileStamp(path);
    } catch {
      return "it could not be read";
    }
    const kept = this.#kept.get(path);
    if (kept?.stamp === stamp) {
      this.#next.set(path, kept);
      return kept.problem;
    }
    this.decoded++;
    const problem = await decodeProblem(path);
    this.#next.set(path, { stamp, ...(problem ? { problem } : {}) });
    return problem;
  }

  #save(): void {
    if (!this.#file) return;
    const same =
      this.#next.size === this.#kept.size &&
      [...this.#next].every(([path, verdict]) => this.#kept.get(path) === verdict);
    if (same) return;
    try {
      writeWhole(this.#file, JSON.stringify({ version: VERSION, verdicts: [...this.#next] }));
    } catch {
      // A cache folder that cannot be written costs the next run its decoding, nothing more.
    }
  }
}

/**
 * Why a raster image does not decode whole, in the decoder's words;
 * undefined when it does. Every row is read (a shrink to a thumbnail reads
 * them all) and nothing large is kept.
 */
export async function decodeProblem(path: string): Promise<string | undefined> {
  try {
    await sharp(path, { failOn: "warning", limitInputPixels: MAX_PIXELS })
      .resize(64, 64, { fit: "fill" })
      .raw()
      .toBuffer();
    return undefined;
  } catch (error) {
    // The decoder's own words, without sharp's note that a warning counted as an error.
    const message = error instanceof Error ? error.message : String(error);
    const reasons = message
      .split("\n")
      .map((line) => line.replace(/^vips\w*: /i, "").trim())
      .filter((line) => line !== "" && !/treated as error due to failOn/i.test(line));
    return reasons[0] ?? "the decoder stopped on damaged data";
  }
}

function readKept(file: string): Map<string, Verdict> {
  try {
    const saved = JSON.parse(readFileSync(file, "utf8")) as {
      version: string;
      verdicts: [string, Verdict][];
    };
    return saved.version === VERSION ? new Map(saved.verdicts) : new Map();
  } catch {
    return new Map();
  }
}
