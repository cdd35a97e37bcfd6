import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { buildSite, ROOT, startBuild, type BuildResult } from "../support/build.ts";
import { copyFixtureSite, hiddenPaths, readTree } from "../support/tree.ts";

// Faults while publishing: whatever goes wrong, a build that did not publish
// exits non-zero and says why, and the published site stays whole.
let content: string;
let first: BuildResult;

beforeAll(() => {
  content = copyFixtureSite();
  first = buildSite({ content });
  expect(first.status, first.output).toBe(0);
}, 300_000);

/** Edits the business story, so that a build has something to publish. */
function edit(text: string): void {
  const story = join(content, "business/markets-fixture.md");
  writeFileSync(
    story,
    readFileSync(story, "utf8").replace(/An? [a-z ]*fictional business story/, text),
  );
}

test("two builds into the same site at once: the second waits for the first, and both publish whole", async () => {
  edit("A concurrent fictional business story");
  const one = startBuild({ content, reuse: first });
  await new Promise((done) => setTimeout(done, 300));
  const two = startBuild({ content, reuse: first });
  const [codeOne, codeTwo] = await Promise.all([one.done, two.done]);
  const [outputOne, outputTwo] = await Promise.all([one.output, two.output]);
  expect(codeOne, outputOne).toBe(0);
  expect(codeTwo, outputTwo).toBe(0);
  expect(`${outputOne}${outputTwo}`).toMatch(
    /\[lock\] another build \(process \d+, started .+\) is writing the same site; waiting for it to finish/,
  );
  expect(hiddenPaths(first.outDir)).toEqual([]);
  expect(readFileSync(join(first.outDir, "business/feed.xml"), "utf8")).toContain(
    "A concurrent fictional business story",
  );
}, 300_000);

test("a build whose script is killed (as the out-of-memory killer would) takes Astro with it", async () => {
  edit("An orphaned fictional business story");
  const build = startBuild({ content, reuse: first });
  const script = build.child.pid as number;
  // Until Astro runs: a child of the build script.
  const astro = async (): Promise<number | undefined> => {
    for (let i = 0; i < 600; i++) {
      let children = "";
      try {
        children = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(script)], {
          encoding: "utf8",
        });
      } catch {
        // No child yet: ps exits 1.
      }
      const line = children.split("\n").find((row) => row.includes("astro-build.ts"));
      if (line) return Number(line.trim().split(/\s+/)[0]);
      await new Promise((done) => setTimeout(done, 100));
    }
    return undefined;
  };
  const child = await astro();
  expect(child).toBeDefined();
  process.kill(script, "SIGKILL");
  await build.done;
  const gone = async () => {
    for (let i = 0; i < 100; i++) {
      try {
        process.kill(child as number, 0);
      } catch {
        return true;
      }
      await new Promise((done) => setTimeout(done, 100));
    }
    return false;
  };
  expect(await gone()).toBe(true);
  // The next build goes ahead as usual.
  const next = buildSite({ content, reuse: first });
  expect(next.status, next.output).toBe(0);
}, 300_000);

test("a search indexer that dies without a word fails the build, and the site stays as it was", () => {
  const published = readTree(first.outDir);
  edit("A fictional business story the indexer never saw");
  const fake = join(mkdtempSync(join(tmpdir(), "pagefind-")), "pagefind");
  // Takes the first request, then dies, as Pagefind did on a full disk.
  writeFileSync(
    fake,
    "#!/bin/sh\nhead -c 1 >/dev/null\necho \"thread 'main' panicked: No space left on device\" >&2\nexit 101\n",
  );
  chmodSync(fake, 0o755);
  const failed = buildSite({ content, reuse: first, env: { PAGEFIND_BINARY_PATH: fake } });
  expect(failed.output).toMatch(/\[search\]|search index step/);
  expect(failed.status, failed.output).not.toBe(0);
  expect(failed.output).toContain(
    `build: the search index step stopped without finishing (a tool it waited for ended without a word); ${first.outDir} was left as it was.`,
  );
  expect(readTree(first.outDir)).toEqual(published);
}, 300_000);

test("an output folder that cannot be written is named, with the reason", () => {
  const failed = buildSite({ content, env: { DATELINE_OUT: "/sys/dateline-test/dist" } });
  expect(failed.status).toBe(1);
  expect(failed.output).toMatch(
    /build: cannot write beside the output folder in \/sys\/dateline-test: permission denied/,
  );
  expect(failed.output).not.toMatch(/\n\s+at /);
});

/** A tmpfs, another file system than the project's on most Linux machines. */
const shm = statSync("/dev/shm", { throwIfNoEntry: false });

test.skipIf(!shm || shm.dev === statSync(ROOT).dev)(
  "an output folder on another disk than the project is built and published",
  () => {
    const out = join(mkdtempSync("/dev/shm/dateline-"), "dist");
    const built = buildSite({ content, env: { DATELINE_OUT: out } });
    expect(built.status, built.output).toBe(0);
    expect(readTree(out)["index.html"]).toBeDefined();
    expect(hiddenPaths(out)).toEqual([]);
  },
  300_000,
);
