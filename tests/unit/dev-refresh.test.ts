import { afterEach, expect, test } from "vitest";
import { noteEditRefresh, offerRefresh, requestRefresh } from "../../src/editor/dev-refresh.ts";

afterEach(() => offerRefresh(undefined));

test("without a dev server there is nothing to ask", () => {
  expect(requestRefresh("dateline-articles")).toBeUndefined();
});

test("a refresh Astro skipped (its content config reloading) is asked for again", async () => {
  let asked = 0;
  offerRefresh(async () => {
    asked++;
    // Astro runs the loader from the third request on.
    if (asked >= 3) noteEditRefresh();
  });
  expect(await requestRefresh("dateline-articles")).toBe(true);
  expect(asked).toBe(3);
});
