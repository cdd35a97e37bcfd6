import sharp from "sharp";
import { expect, test } from "vitest";
import { SHARE_IMAGE_SIZE, shareImageSvg } from "../../src/distribution/share-image.ts";
import { site } from "../../src/site.config.ts";

test("the shipped default share image is the size the site config says", async () => {
  const file = new URL(`../../public${site.shareImage.path}`, import.meta.url);
  const meta = await sharp(file.pathname).metadata();
  expect([meta.format, meta.width, meta.height]).toEqual([
    "png",
    site.shareImage.width,
    site.shareImage.height,
  ]);
  expect(SHARE_IMAGE_SIZE).toEqual({ width: 1200, height: 630 });
  expect(site.shareImage.alt.trim()).not.toBe("");
});

test("the share image's SVG escapes the publication's words", () => {
  const svg = shareImageSvg({ name: "Smith & <Sons>", description: "A & B", host: "x.example" });
  expect(svg).toContain("Smith &amp; &lt;Sons&gt;");
  expect(svg).toContain("A &amp; B");
  expect(svg).toContain("X.EXAMPLE");
  expect(svg).not.toContain("<Sons>");
});

test("a long name is set smaller so it fits the width", () => {
  const size = (name: string) =>
    Number(
      /font-size="(\d+)" font-weight="700" letter-spacing="-2"/.exec(
        shareImageSvg({ name, description: "", host: "x" }),
      )?.[1],
    );
  expect(size("Dateline")).toBe(168);
  const long = "The Springfield Evening Chronicle and Courier";
  expect(size(long)).toBeLessThan(60);
  // Roughly: the name's estimated width stays inside the margins.
  expect(size(long) * 0.56 * long.length).toBeLessThanOrEqual(1200 - 2 * 96 + 1);
});
