import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../support/build.ts";

const preloads = (batched: boolean) =>
  ["whole-output.ts", ...(batched ? ["batched-output.ts"] : [])].flatMap((file) => [
    "--import",
    pathToFileURL(join(ROOT, "scripts/publish", file)).href,
  ]);

const LINES = 2_000;

/**
 * As Astro runs under scripts/build.ts: many short lines, an error among
 * them, and `process.exit` at once. Standard error joins standard output
 * (`2>&1`), so the order they arrive in is the order they were written.
 * The child reports its own write system calls (Linux's /proc/self/io).
 */
function run(batched: boolean): { lines: string[]; writes: number } {
  const child = `
    const { readFileSync } = require("node:fs");
    const calls = () => Number(/syscw: (\\d+)/.exec(readFileSync("/proc/self/io", "utf8"))[1]);
    const before = calls();
    for (let i = 0; i < ${LINES}; i++) {
      console.log("line " + i);
      if (i === 1000) console.error("error after 1000");
    }
    const writes = calls() - before;
    console.log("writes " + writes);
    process.exit(0);`;
  const result = spawnSync(
    "sh",
    ["-c", `"$0" "$@" 2>&1`, process.execPath, ...preloads(batched), "-e", child],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  const lines = result.stdout.split("\n").filter(Boolean);
  const writes = Number(/^writes (\d+)$/.exec(lines.at(-1) ?? "")?.[1] ?? NaN);
  return { lines: lines.slice(0, -1), writes };
}

test.skipIf(!existsSync("/proc/self/io"))(
  "Astro's lines leave in batches, every one of them, in order, errors in place",
  () => {
    const batched = run(true);
    const expected = Array.from({ length: LINES }, (_, i) => `line ${i}`);
    expected.splice(1001, 0, "error after 1000");
    expect(batched.lines).toEqual(expected);
    // One system call a line without batching; a few with it (the error's among them).
    expect(batched.writes).toBeLessThan(20);
    const plain = run(false);
    expect(plain.lines).toEqual(expected);
    expect(plain.writes).toBeGreaterThanOrEqual(LINES);
  },
);
