import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { recoverInterruptedPublish } from "../../scripts/publish/atomic-output.ts";
import { buildSite, startBuild, type BuildResult } from "../support/build.ts";
import { copyFixtureSite, hiddenPaths, readTree } from "../support/tree.ts";

// `npm run build` publishes the new site whole or not at all: whatever
// happens to a build, the output folder holds the last good site or the new
// complete one, and never the build's internals.
let content: string;
let first: BuildResult;
let published: Record<string, string>;
let seconds: number;

beforeAll(() => {
  content = copyFixtureSite();
  const started = performance.now();
  first = buildSite({ content });
  seconds = (performance.now() - started) / 1000;
  expect(first.status, first.output).toBe(0);
  published = readTree(first.outDir);
});

test("a build leaves no build internals in the output", () => {
  expect(Object.keys(published).length).toBeGreaterThan(50);
  expect(hiddenPaths(first.outDir)).toEqual([]);
  expect(existsSync(`${first.outDir}.staging`)).toBe(false);
});

test("a build that fails while rendering leaves the published site byte for byte", () => {
  // A body image that is not an image: found only when the page is rendered.
  const story = join(content, "world/harbour-reopens-fixture.md");
  const original = readFileSync(story, "utf8");
  writeFileSync(join(content, "world/not-an-image.jpg"), "this is text, not a JPEG\n");
  writeFileSync(story, `${original}\n![A broken picture](./not-an-image.jpg)\n`);
  try {
    const failed = buildSite({ content, reuse: first });
    expect(failed.status, failed.output).not.toBe(0);
    expect(failed.output).toContain(first.outDir);
    expect(readTree(first.outDir)).toEqual(published);
    expect(hiddenPaths(first.outDir)).toEqual([]);
  } finally {
    writeFileSync(story, original);
  }
});

test("a build killed at random moments leaves the last good site or the new one, whole", async () => {
  const story = join(content, "business/markets-fixture.md");
  writeFileSync(
    story,
    readFileSync(story, "utf8").replace(
      "A short fictional business story",
      "A killed build's story",
    ),
  );
  const outcomes: { moment: number; killed: boolean; tree: string }[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    // Anywhere from the start to the end of a build like the first one.
    const moment = Math.round((0.1 + Math.random() * 0.9) * seconds * 1000);
    const build = startBuild({ content, reuse: first });
    const exited = new Promise((resolve) => build.child.on("exit", (_code, sig) => resolve(sig)));
    await new Promise((resolve) => setTimeout(resolve, moment));
    if (build.child.exitCode === null) process.kill(-(build.child.pid as number), "SIGKILL");
    const killed = (await exited) === "SIGKILL";
    await build.done;
    // What the next build does first (a kill between publishing's two
    // renames leaves the last good site aside, and this puts it back).
    recoverInterruptedPublish(first.outDir);
    outcomes.push({ moment, killed, tree: JSON.stringify(readTree(first.outDir)) });
    expect(hiddenPaths(first.outDir), `killed after ${moment} ms`).toEqual([]);
  }
  expect(outcomes.filter((outcome) => outcome.killed).length).toBeGreaterThan(0);
  const finished = buildSite({ content, reuse: first });
  expect(finished.status, finished.output).toBe(0);
  const complete = JSON.stringify(readTree(first.outDir));
  const old = JSON.stringify(published);
  expect(complete).not.toBe(old);
  for (const { moment, tree } of outcomes) {
    const which = tree === old ? "old" : tree === complete ? "new" : "mixed";
    expect(which, `killed after ${moment} ms`).not.toBe("mixed");
  }
}, 300_000);
