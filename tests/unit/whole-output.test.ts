import { spawn } from "node:child_process";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { expect, test } from "vitest";
import { ROOT } from "../support/build.ts";

const PRELOAD = pathToFileURL(join(ROOT, "scripts/publish/whole-output.ts")).href;
const LINES = 20_000;

/**
 * As scripts/build.ts runs Astro: a parent that starts a child sharing its
 * output, then writes a line of its own; the child writes a megabyte and
 * exits at once, as astro/bin/astro.mjs does. The reader is slow to start.
 */
async function output(preload: boolean): Promise<string> {
  const imports = preload ? ["--import", PRELOAD] : [];
  const child = `for (let i = 0; i < ${LINES}; i++) process.stdout.write("line " + i + " ${"x".repeat(50)}\\n"); process.exit(0);`;
  const parent = `
    const { spawn } = require("node:child_process");
    const child = spawn(process.execPath, ${JSON.stringify([...imports, "-e", child])}, { stdio: "inherit" });
    console.log("parent line");
    child.on("close", () => process.exit(0));`;
  const run = spawn(process.execPath, [...imports, "-e", parent], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise((done) => run.on("exit", done));
  const ended = new Promise((done) => run.stdout.on("end", done));
  run.stdout.pause();
  let text = "";
  await new Promise((done) => setTimeout(done, 1500));
  run.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
  run.stdout.resume();
  await exited;
  // The output ends with the processes; a lost tail never comes.
  await Promise.race([ended, new Promise((done) => setTimeout(done, 3000))]);
  return text;
}

test("every line of a process that exits at once reaches a slow pipe, though its parent writes too", async () => {
  const text = await output(true);
  expect(text).toContain("parent line");
  expect(text).toContain(`line ${LINES - 1} `);
  expect(text.split("\n").filter((line) => line.startsWith("line "))).toHaveLength(LINES);
  // Without it, what the child had not written when it exited is lost.
  expect((await output(false)).split("\n").length).toBeLessThan(LINES);
}, 30_000);
