#!/usr/bin/env node
/**
 * npm run share-image [-- --force]
 *
 * Draws the site's default share image (site.config.ts `shareImage`, shown
 * when a story has no lead photo) from the publication's name, description
 * and host, as a 1200×630 PNG in public/. Never replaces an existing image
 * without --force: a newsroom may have put its own artwork there.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { SHARE_IMAGE_SIZE, shareImageSvg } from "../src/distribution/share-image.ts";
import { site } from "../src/site.config.ts";
import { CliError, run } from "./cli.ts";

const HELP = `Usage: npm run share-image [-- --force]

Writes public${site.shareImage.path}, the image shared with stories that have no lead photo,
from the site's name and description. --force replaces an existing file.`;

await run("share-image", async () => {
  const { values } = parseArgs({
    options: {
      force: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const out = join("public", site.shareImage.path);
  if (existsSync(out) && !values.force) {
    throw new CliError(`${out} already exists; run with --force to replace it`);
  }
  const { width, height } = site.shareImage;
  if (width !== SHARE_IMAGE_SIZE.width || height !== SHARE_IMAGE_SIZE.height) {
    throw new CliError(
      `site.config.ts shareImage: expected 1200×630, the size this tool draws; found ${width}×${height}`,
    );
  }
  const svg = shareImageSvg({
    name: site.name,
    description: site.description,
    host: new URL(site.url).host,
  });
  const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true }).toBuffer();
  writeFileSync(out, png);
  console.log(`share-image: wrote ${out} (${png.length} bytes)`);
});
