import { expect, test } from "vitest";
import { imageWidths } from "../../src/lib/image-widths.ts";

test.each([
  [1600, [400, 800, 1200]],
  [1200, [400, 800, 1200]],
  [1000, [400, 800]],
  [400, [400]],
  // Narrower than every width offered: its own, never an empty srcset.
  [300, [300]],
  [1, [1]],
])("an image %i pixels wide is offered at %j", (width, widths) => {
  expect(imageWidths(width)).toEqual(widths);
});
