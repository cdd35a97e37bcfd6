import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { decodeProblem, ImageVerdicts, type NamedImage } from "../../src/editor/image-decode.ts";

const dir = mkdtempSync(join(tmpdir(), "image-decode-"));
const PHOTO = new URL("../fixtures/site/world/harbour.jpg", import.meta.url);
copyFileSync(PHOTO, join(dir, "photo.jpg"));
// The same photo cut short, as a transfer that stopped would leave it.
const bytes = readFileSync(PHOTO);
writeFileSync(join(dir, "cut.jpg"), bytes.subarray(0, Math.floor(bytes.length * 0.6)));
// A PNG with a right header and damaged data.
copyFileSync(
  new URL("../fixtures/bad/damaged-images/damaged.png", import.meta.url),
  join(dir, "damaged.png"),
);

const named = (name: string): NamedImage => ({
  file: "content/a.md",
  line: 6,
  field: "image.src",
  src: `./${name}`,
  path: join(dir, name),
  type: name.split(".").at(-1) ?? "",
});

test("a whole image decodes; a damaged or cut one says why", async () => {
  expect(await decodeProblem(join(dir, "photo.jpg"))).toBeUndefined();
  expect(await decodeProblem(join(dir, "cut.jpg"))).toMatch(/premature end of JPEG/);
  expect(await decodeProblem(join(dir, "damaged.png"))).toMatch(/libpng|png/i);
});

test("images that do not decode are refused naming the article, the field and the file", async () => {
  const verdicts = new ImageVerdicts();
  const problems = await verdicts.problems(["photo.jpg", "cut.jpg"].map(named));
  expect(problems).toEqual([
    {
      file: "content/a.md",
      line: 6,
      field: "image.src",
      message:
        "expected an image that decodes whole; found ./cut.jpg, which does not (premature end of JPEG image: the file is damaged or cut short; export it again)",
      severity: "error",
    },
  ]);
});

test("each file is decoded once while it is unchanged, across runs; a new version again", async () => {
  const file = join(dir, "verdicts.json");
  const first = new ImageVerdicts(file);
  await first.problems([named("photo.jpg"), named("cut.jpg")]);
  expect(first.decoded).toBe(2);
  const second = new ImageVerdicts(file);
  expect(await second.problems([named("photo.jpg"), named("cut.jpg")])).toHaveLength(1);
  expect(second.decoded).toBe(0);
  // Repaired: the file's stamp changed, so it is decoded again, and passes.
  copyFileSync(PHOTO, join(dir, "cut.jpg"));
  const third = new ImageVerdicts(file);
  expect(await third.problems([named("photo.jpg"), named("cut.jpg")])).toEqual([]);
  expect(third.decoded).toBe(1);
});

test("a drawing is not decoded: the rules read it as text", async () => {
  writeFileSync(join(dir, "chart.svg"), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const verdicts = new ImageVerdicts();
  expect(await verdicts.problems([named("chart.svg")])).toEqual([]);
  expect(verdicts.decoded).toBe(0);
});
