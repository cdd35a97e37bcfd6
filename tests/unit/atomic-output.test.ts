import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect, test } from "vitest";
import {
  previousFolder,
  publish,
  recoverInterruptedPublish,
  stagingFolder,
} from "../../scripts/publish/atomic-output.ts";

function site(folder: string, text: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, "index.html"), text);
}

const setup = () => join(mkdtempSync(join(tmpdir(), "dateline-publish-")), "dist");

test("publishing puts the staged site in place and leaves nothing aside", () => {
  const out = setup();
  site(out, "old");
  site(stagingFolder(out), "new");
  publish(out, stagingFolder(out));
  expect(readFileSync(join(out, "index.html"), "utf8")).toBe("new");
  expect(existsSync(previousFolder(out))).toBe(false);
  expect(existsSync(stagingFolder(out))).toBe(false);
});

/** The folders beside the output folder, until only `out` is left or time runs out. */
async function besideOnceSettled(out: string): Promise<string[]> {
  for (let tries = 0; tries < 100; tries++) {
    if (readdirSync(dirname(out)).length === 1) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return readdirSync(dirname(out));
}

test("the old site is removed in the background, after the new one is in place", async () => {
  const out = setup();
  site(out, "old");
  site(stagingFolder(out), "new");
  publish(out, stagingFolder(out));
  expect(readFileSync(join(out, "index.html"), "utf8")).toBe("new");
  expect(await besideOnceSettled(out)).toEqual(["dist"]);
});

test("an old site a background removal left behind is removed by the next build", async () => {
  const out = setup();
  site(out, "new");
  site(`${out}.discarded-1-2`, "old");
  recoverInterruptedPublish(out);
  expect(await besideOnceSettled(out)).toEqual(["dist"]);
});

test("a build killed between the two renames gets the last good site back", () => {
  const out = setup();
  site(out, "old");
  site(stagingFolder(out), "new");
  // The first rename of publish(), then the kill.
  renameSync(out, previousFolder(out));
  expect(existsSync(out)).toBe(false);
  expect(recoverInterruptedPublish(out)).toMatch(/put the last published site back/);
  expect(readFileSync(join(out, "index.html"), "utf8")).toBe("old");
  expect(existsSync(stagingFolder(out))).toBe(false);
});

test("a build killed after publishing keeps the new site and clears the old one", () => {
  const out = setup();
  site(previousFolder(out), "old");
  site(out, "new");
  expect(recoverInterruptedPublish(out)).toBeUndefined();
  expect(readFileSync(join(out, "index.html"), "utf8")).toBe("new");
  expect(existsSync(previousFolder(out))).toBe(false);
});
