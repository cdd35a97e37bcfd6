import { openSync, readSync, closeSync, realpathSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import { imageSize } from "image-size";

/** Image formats Astro's image pipeline takes (astro/dist/assets/consts.js). */
const IMAGE_FORMATS = new Set(["jpg", "jpeg", "png", "tiff", "webp", "gif", "svg", "avif"]);

/** Enough of a file's start for image-size to tell its format and size. */
const HEAD_BYTES = 64 * 1024;

/** Whether `path` is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** The real path of a file, following symlinks; undefined when it does not exist. */
export function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with an image path written in an article (lead image or
 * Markdown image), relative to the article's file: missing, outside the
 * content folder (by `../` or through a symlink), or not an image Astro can
 * use. `undefined` when it is a usable image file.
 */
export function imageProblem(
  articlePath: string,
  src: string,
  contentRoot: string,
): string | undefined {
  const path = join(dirname(articlePath), src);
  const real = realPath(path);
  if (!real || !statSync(real).isFile()) return `found no file ${src}`;
  if (!isInside(contentRoot, real)) {
    return `found ${src}, which is outside the content folder (put the image beside the article)`;
  }
  let type: string | undefined;
  try {
    type = imageSize(readHead(real)).type;
  } catch {
    type = undefined;
  }
  if (!type || !IMAGE_FORMATS.has(type)) {
    return `found ${src}, which is not an image file (${type ? `a ${type} file; ` : ""}expected JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG)`;
  }
  return undefined;
}

function readHead(path: string): Uint8Array {
  const fd = openSync(path, "r");
  try {
    const buffer = new Uint8Array(HEAD_BYTES);
    const read = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}
