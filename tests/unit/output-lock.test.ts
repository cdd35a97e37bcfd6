import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { lockBuild } from "../../scripts/publish/output-lock.ts";

const folder = () => mkdtempSync(join(tmpdir(), "output-lock-"));

test("a second build waits for the first, says so once, and goes on when it is done", async () => {
  const lock = join(folder(), "dist.lock");
  const release = await lockBuild([lock], () => {});
  expect(JSON.parse(readFileSync(lock, "utf8"))).toMatchObject({ pid: process.pid });
  const said: string[] = [];
  let second = false;
  const waiting = lockBuild([lock], (message) => said.push(message)).then((done) => {
    second = true;
    return done;
  });
  await new Promise((done) => setTimeout(done, 600));
  expect(second).toBe(false);
  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(
    /another build \(process \d+, started .+\) is writing the same site; waiting/,
  );
  release();
  const releaseSecond = await waiting;
  expect(second).toBe(true);
  releaseSecond();
  expect(existsSync(lock)).toBe(false);
});

test("a lock whose build has gone (killed) is taken over at once", async () => {
  const lock = join(folder(), "dist.lock");
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((done) => child.on("exit", done));
  writeFileSync(lock, JSON.stringify({ pid: child.pid, started: "2026-12-07T09:00:00Z" }));
  const said: string[] = [];
  const release = await lockBuild([lock], (message) => said.push(message));
  expect(said).toEqual([]);
  expect(JSON.parse(readFileSync(lock, "utf8"))).toMatchObject({ pid: process.pid });
  release();
});

test("a build that waited too long gives up naming the other build and the lock file", async () => {
  const lock = join(folder(), "dist.lock");
  const release = await lockBuild([lock], () => {});
  await expect(lockBuild([lock], () => {}, 300)).rejects.toThrow(
    new RegExp(
      `another build \\(process ${process.pid}, .*\\) has held ${lock}.*If no build is running, remove that file`,
    ),
  );
  release();
});
