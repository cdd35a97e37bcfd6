import { join } from "node:path";
import { expect, test } from "vitest";
import { writeCorpus } from "../../scripts/corpus.ts";
import { buildSite } from "../support/build.ts";
import { copyFixtureSite, readTree } from "../support/tree.ts";

test("stories rendered on worker threads make the site the build's own thread makes", () => {
  // Enough stories for the loader to start its render threads (POOL_FROM),
  // with the fixture site's (the seed, links between stories, live updates).
  const content = copyFixtureSite();
  writeCorpus(240, join(content, "corpus"));
  const threaded = buildSite({ content, env: { DATELINE_RENDER_THREADS: "2" } });
  expect(threaded.status, threaded.output).toBe(0);
  expect(threaded.output).toMatch(/Rendered 26\d stories on 2 threads/);
  const single = buildSite({ content, env: { DATELINE_RENDER_THREADS: "0" } });
  expect(single.status, single.output).toBe(0);
  expect(single.output).not.toMatch(/stories on \d+ threads/);
  expect(readTree(threaded.outDir)).toEqual(readTree(single.outDir));
});

test("a thread count that is not a number stops the build, naming the variable", () => {
  const content = copyFixtureSite();
  const result = buildSite({ content, env: { DATELINE_RENDER_THREADS: "two" } });
  expect(result.status).not.toBe(0);
  expect(result.output).toContain(
    'DATELINE_RENDER_THREADS: expected a whole number of threads (0 renders in the build\'s own thread); found "two"',
  );
});
