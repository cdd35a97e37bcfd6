import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";
import { astroNodeFlags } from "../../scripts/publish/node-flags.ts";

test("the Node that runs the build accepts every flag, and its promises carry no async_hooks bookkeeping", () => {
  const run = spawnSync(
    process.execPath,
    [
      ...astroNodeFlags(),
      "-e",
      `const { AsyncLocalStorage } = require("node:async_hooks");
       const store = new AsyncLocalStorage();
       store.run("page", async () => {
         const made = Promise.resolve();
         await made;
         console.log(JSON.stringify({
           store: store.getStore(),
           gc: typeof gc,
           hooks: Object.getOwnPropertySymbols(made).map(String),
         }));
       });`,
    ],
    { encoding: "utf8" },
  );
  expect(run.stderr).toBe("");
  // Node 24 (the project's own, package.json) builds AsyncLocalStorage on
  // AsyncContextFrame: Node 22 marked every promise of the build for async_hooks.
  expect(JSON.parse(run.stdout)).toEqual({ store: "page", gc: "function", hooks: [] });
});
