import { expect, test } from "@playwright/test";
import { distDir } from "../support/dist.ts";
import { checkLinks } from "../support/link-check.ts";

test("every internal link and asset in the built site resolves", () => {
  expect(checkLinks(distDir(), process.env["DATELINE_BASE"] ?? "/")).toEqual([]);
});
