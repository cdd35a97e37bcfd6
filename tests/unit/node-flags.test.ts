import { spawnSync } from "node:child_process";
import { expect, test } from "vitest";
import { ASYNC_CONTEXT_FRAME, astroNodeFlags } from "../../scripts/publish/node-flags.ts";

test("AsyncLocalStorage without async_hooks where Node knows the flag, and not otherwise", () => {
  expect(astroNodeFlags(new Set([ASYNC_CONTEXT_FRAME]))).toContain(ASYNC_CONTEXT_FRAME);
  expect(astroNodeFlags(new Set())).not.toContain(ASYNC_CONTEXT_FRAME);
  expect(astroNodeFlags(new Set())).toEqual(["--expose-gc", "--heap-growing-percent=30"]);
});

test("the Node that runs the build accepts every flag, and its promises carry no async_hooks bookkeeping", () => {
  // The project's Node (node@22, package.json) knows the flag: the build uses it.
  expect(astroNodeFlags()).toContain(ASYNC_CONTEXT_FRAME);
  const probe = (flags: string[]) => {
    const run = spawnSync(
      process.execPath,
      [
        ...flags,
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
    return JSON.parse(run.stdout) as { store: string; gc: string; hooks: string[] };
  };
  expect(probe(astroNodeFlags())).toEqual({ store: "page", gc: "function", hooks: [] });
  // Without the flag, async_hooks mark every promise (what the flag saves).
  expect(probe([]).hooks).toContain("Symbol(async_id_symbol)");
});
