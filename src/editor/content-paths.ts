import { openSync, readFileSync, readSync, closeSync, realpathSync, statSync } from "node:fs";
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
 * The most pixels an image may have: a 100-megapixel camera's frame. An
 * image is decoded whole to be resized, so a header that claims more (a
 * damaged file, or one made to exhaust the build's memory) is refused
 * before anything decodes it.
 */
export const MAX_PIXELS = 100_000_000;

/** How an image is used: the lead image is resized into a picture and shared as a JPEG. */
export type ImageUse = "lead" | "body";

/**
 * What is wrong with an image path written in an article (lead image or
 * Markdown image), relative to the article's file: missing, outside the
 * content folder (by `../`, an absolute path or a symlink), not an image
 * Astro can use, larger than MAX_PIXELS, an SVG as the lead image (it is
 * resized into photographs' sizes and shared as a JPEG, which Astro does not
 * do with drawings), or an SVG that could run code on the site's origin.
 * `undefined` when it is a usable image file; `path` is where it is.
 */
export function imageProblem(
  articlePath: string,
  src: string,
  contentRoot: string,
  use: ImageUse = "body",
):
  | { problem: string; path?: undefined; type?: undefined }
  | { problem?: undefined; path: string; type: string } {
  const path = isAbsolute(src) ? src : join(dirname(articlePath), src);
  const real = realPath(path);
  if (!real || !statSync(real).isFile()) return { problem: `found no file ${src}` };
  if (!isInside(contentRoot, real)) {
    return {
      problem: `found ${src}, which is outside the content folder (put the image beside the article)`,
    };
  }
  if (isAbsolute(src)) {
    return {
      problem: `found ${src}, an absolute path (write it from the article's folder, e.g. ./${relative(dirname(articlePath), real).split(sep).join("/")})`,
    };
  }
  let size: { type?: string | undefined; width?: number | undefined; height?: number | undefined };
  try {
    size = imageSize(readHead(real));
  } catch {
    size = {};
  }
  const { type, width = 0, height = 0 } = size;
  if (!type || !IMAGE_FORMATS.has(type)) {
    return {
      problem: `found ${src}, which is not an image file (${type ? `a ${type} file; ` : ""}expected JPEG, PNG, WebP, AVIF, GIF, TIFF or SVG)`,
    };
  }
  if (type === "svg") {
    if (use === "lead") {
      return {
        problem: `found ${src}, an SVG drawing; a lead image must be a JPEG, PNG, WebP, AVIF, GIF or TIFF (it is resized for every screen and shared as a JPEG: export the drawing as PNG)`,
      };
    }
    const active = activeSvgContent(readFileSync(real, "utf8"));
    if (active) {
      return {
        problem: `found ${src}, an SVG with ${active}, which would run on the site's own address when the image is opened (remove it, or export the drawing as PNG)`,
      };
    }
  } else if (width * height > MAX_PIXELS) {
    return {
      problem: `found ${src}, whose header says ${width.toLocaleString("en-US")}×${height.toLocaleString("en-US")} pixels, more than the ${MAX_PIXELS / 1_000_000} megapixels an image may have (resize it; a damaged file can say this too)`,
    };
  }
  return { path: real, type };
}

/**
 * What in an SVG could run script: a `<script>` element, an event handler
 * attribute (`onload=`), a `javascript:` URL, a `<foreignObject>` (HTML
 * inside the drawing) or an entity declaration (which can hide the others).
 * Numeric character references are read first, so `&#106;avascript:` is
 * found too. A drawing has no need of any of them; undefined when it has none.
 */
export function activeSvgContent(svg: string): string | undefined {
  const text = svg.replace(/&#(?:x([0-9a-f]+)|(\d+));?/gi, (_, hex?: string, dec?: string) =>
    String.fromCodePoint(Math.min(0x10ffff, hex ? Number.parseInt(hex, 16) : Number(dec))),
  );
  const checks: [RegExp, string][] = [
    [/<(?:[\w-]+:)?script\b/i, "a <script> element"],
    [/\son[a-z]+\s*=/i, "an event handler attribute (on…=)"],
    [/javascript\s*:/i, "a javascript: URL"],
    [/<(?:[\w-]+:)?foreignObject\b/i, "a <foreignObject> element"],
    [/<!ENTITY/i, "an entity declaration (<!ENTITY)"],
  ];
  return checks.find(([pattern]) => pattern.test(text))?.[1];
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
