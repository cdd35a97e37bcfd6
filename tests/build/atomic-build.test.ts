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
let rebuildSeconds: number;

beforeAll(() => {
  content = copyFixtureSite();
  first = buildSite({ content });
  expect(first.status, first.output).toBe(0);
  published = readTree(first.outDir);
  // How long a build with the caches kept takes: the killed builds below are
  // such builds, and much shorter than a clean one, so their kill moments are
  // drawn from this one's span (a rebuild without changes, a little shorter
  // than theirs, which also render the edited story's pages).
  const started = performance.now();
  const again = buildSite({ content, reuse: first });
  rebuildSeconds = (performance.now() - started) / 1000;
  expect(again.status, again.output).toBe(0);
  expect(readTree(first.outDir)).toEqual(published);
}, 300_000);

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
  const attempts = 3;
  for (let attempt = 0; attempt < attempts; attempt++) {
    // A random moment in each third of such a build's span, so that the
    // kills cover its start, its middle and its end (publishing included).
    const moment = Math.round(((attempt + Math.random()) / attempts) * rebuildSeconds * 1000);
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
  expect(
    outcomes.filter((outcome) => outcome.killed).length,
    `kills at ${outcomes.map((o) => `${o.moment} ms${o.killed ? "" : " (after the end)"}`).join(", ")} of a ${rebuildSeconds.toFixed(1)} s rebuild`,
  ).toBeGreaterThan(0);
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
