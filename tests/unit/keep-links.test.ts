import { spawnSync } from "node:child_process";
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "vitest";

const PRELOAD = pathToFileURL(
  resolve(import.meta.dirname, "../../scripts/publish/keep-links.ts"),
).href;

/** Runs `code` in a Node process with the build's preload, as scripts/build.ts runs Astro. */
function withPreload(code: string, env: Record<string, string>): void {
  const run = spawnSync(
    process.execPath,
    ["--import", PRELOAD, "--input-type=module", "-e", code],
    {
      env: { ...process.env, ...env },
      encoding: "utf8",
    },
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
}

test("a page rendered again replaces its link: the published file keeps its bytes", () => {
  const root = mkdtempSync(join(tmpdir(), "keep-links-"));
  const published = join(root, "dist");
  const staging = join(root, "dist.staging");
  mkdirSync(published);
  mkdirSync(staging);
  writeFileSync(join(published, "page.html"), "old");
  linkSync(join(published, "page.html"), join(staging, "page.html"));
  withPreload(
    `import { writeFile } from "node:fs/promises"; await writeFile(${JSON.stringify(join(staging, "page.html"))}, "new");`,
    { DATELINE_LINKED_ROOTS: staging },
  );
  expect(readFileSync(join(published, "page.html"), "utf8")).toBe("old");
  expect(readFileSync(join(staging, "page.html"), "utf8")).toBe("new");
});

test("Astro's second write of a page, into its copies folder, is skipped", () => {
  const root = mkdtempSync(join(tmpdir(), "keep-links-"));
  const staging = join(root, "dist.staging");
  const copies = join(root, "cache", "dist");
  mkdirSync(join(staging, "a"), { recursive: true });
  mkdirSync(join(root, "cache"));
  symlinkSync(staging, copies, "dir");
  withPreload(
    `import { mkdir, writeFile } from "node:fs/promises";
     await writeFile(${JSON.stringify(join(staging, "a/index.html"))}, "page");
     await mkdir(${JSON.stringify(join(copies, "b"))}, { recursive: true });
     await writeFile(${JSON.stringify(join(copies, "a/index.html"))}, "second write");
     await writeFile(${JSON.stringify(join(root, "elsewhere.txt"))}, "written");`,
    { DATELINE_LINKED_ROOTS: staging, DATELINE_PAGE_COPIES: copies },
  );
  // Had the write gone through, the page would read "second write" and b/ would exist.
  expect(readFileSync(join(staging, "a/index.html"), "utf8")).toBe("page");
  expect(() => readFileSync(join(staging, "b"))).toThrow(/ENOENT/);
  expect(readFileSync(join(root, "elsewhere.txt"), "utf8")).toBe("written");
});

test("every file written into the staging folder is listed for the steps after Astro", () => {
  const root = mkdtempSync(join(tmpdir(), "keep-links-"));
  const staging = join(root, "dist.staging");
  const list = join(root, "written.txt");
  mkdirSync(join(staging, "a"), { recursive: true });
  writeFileSync(join(root, "source.html"), "restored");
  withPreload(
    `import { writeFile, copyFile } from "node:fs/promises";
     import { writeFileSync } from "node:fs";
     await writeFile(new URL(${JSON.stringify(pathToFileURL(join(staging, "a/index.html")).href)}), "page");
     await copyFile(${JSON.stringify(join(root, "source.html"))}, ${JSON.stringify(join(staging, "b.html"))});
     writeFileSync(${JSON.stringify(join(root, "elsewhere.txt"))}, "not the site");`,
    { DATELINE_LINKED_ROOTS: staging, DATELINE_WRITTEN: list },
  );
  expect(readFileSync(list, "utf8").split("\n").sort()).toEqual([
    join(staging, "a/index.html"),
    join(staging, "b.html"),
  ]);
});
