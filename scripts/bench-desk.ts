#!/usr/bin/env node
/**
 * npm run bench:desk [-- --articles 1000,10000] [--layout flat,archived] [--runs 3] [--site DIR] [--keep]
 *
 * Times the editors' desk in local mode, as an editor meets it: from opening
 * /admin/ to the story list showing headlines, with a synthetic archive
 * (`npm run corpus`) in the folder the desk opens. The folder is a folder of
 * Chromium's origin private file system, handed to Sveltia CMS through
 * `showDirectoryPicker` as the end-to-end test does; the desk is the built
 * site's, served with its `_headers`. Prints each run, the median, and the
 * manager's own timings of its start (scanning, reading, parsing), for the
 * stories laid flat in content/ and kept as an archive (see `corpus`).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { fillFolder, pickFolderFromOpfs, type FolderFile } from "../tests/support/desk-folder.ts";
import { serveStatic } from "../tests/support/static-server.ts";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "1000,10000" },
    layout: { type: "string", default: "flat,archived" },
    runs: { type: "string", default: "3" },
    site: { type: "string" },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(readFileSync(new URL(import.meta.url), "utf8").split("*/")[0]);
  process.exit(0);
}

const ROOT = join(import.meta.dirname, "..");
const node = process.execPath;
const scratch = mkdtempSync(join(tmpdir(), "dateline-bench-desk-"));
const sizes = values.articles.split(",").map((size) => Number(size.replace(/_/g, "")));
const runs = Math.max(1, Number(values.runs));

/** The built site to serve: the given one, or the project's built once into the scratch folder (its desk opens content/). */
function builtSite(): string {
  if (values.site) return values.site;
  const out = join(scratch, "site");
  console.log("Building the site for its desk…");
  const result = spawnSync(node, ["scripts/build.ts"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATELINE_OUT: out,
      DATELINE_CACHE: join(scratch, "cache"),
    },
  });
  if (result.status !== 0) throw new Error("The site did not build");
  return out;
}

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * A repository folder for the desk: the corpus as content/, and a .git
 * folder. `flat`: every story at the top of content/, as `npm run new` and
 * the desk write them; `archived`: the newest year's stories there, the
 * others in a folder per year (README, "Editing in the browser").
 */
function corpus(articles: number, layout: string): FolderFile[] {
  const out = join(scratch, `corpus-${articles}`);
  if (!existsSync(out)) {
    const made = spawnSync(
      node,
      ["scripts/corpus.ts", "--articles", String(articles), "--out", out],
      { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] },
    );
    if (made.status !== 0) throw new Error("npm run corpus failed");
  }
  const stories = files(out).map((path) => {
    const bytes = readFileSync(path);
    const year = /\npublished: (\d{4})/.exec(bytes.toString("utf8"))?.[1] ?? "";
    return { name: basename(path), year, bytes };
  });
  const newest = stories.reduce((max, { year }) => (year > max ? year : max), "");
  return [
    ...stories.map(({ name, year, bytes }) => ({
      path: layout === "flat" || year === newest ? `content/${name}` : `content/${year}/${name}`,
      bytes,
    })),
    { path: ".git/HEAD", bytes: Buffer.from("ref: refs/heads/main\n") },
    { path: ".git/config", bytes: Buffer.from("[core]\n\trepositoryformatversion = 0\n") },
  ];
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

const site = builtSite();
const server = await serveStatic(site);
const browser = await chromium.launch({
  ...(existsSync("/usr/bin/chromium") ? { executablePath: "/usr/bin/chromium" } : {}),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  for (const articles of sizes)
    for (const layout of values.layout.split(",")) {
      const folder = corpus(articles, layout);
      const atTop = folder.filter(({ path }) => /^content\/[^/]+$/.test(path)).length;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      // The desk's GitHub status check, off the machine: answered here.
      await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      await pickFolderFromOpfs(page);
      await page.goto(`${server.url}admin/`);
      const filling = Date.now();
      await fillFolder(page, folder);
      console.log(
        `\n${articles.toLocaleString("en-US")} stories, ${layout} (${atTop.toLocaleString("en-US")} at the top of content/, which the main desk reads): folder filled in ${((Date.now() - filling) / 1000).toFixed(1)}s`,
      );
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const phases: string[] = [];
        const listen = (message: { text(): string }) => {
          if (message.text().startsWith("[Loading site data]")) phases.push(message.text());
        };
        page.on("console", listen);
        const start = Date.now();
        await page.goto(`${server.url}admin/`);
        const local = page.getByRole("button", { name: "Work with Local Repository" });
        const row = page.getByRole("row").filter({ hasText: /\w/ }).first();
        await Promise.race([local.waitFor(), row.waitFor()]);
        if (await local.isVisible()) await local.click();
        await row.waitFor({ timeout: 120_000 });
        const seconds = (Date.now() - start) / 1000;
        page.off("console", listen);
        times.push(seconds);
        console.log(`  run ${run + 1}: story list after ${seconds.toFixed(2)}s`);
        for (const phase of phases) console.log(`    ${phase.replace("[Loading site data] ", "")}`);
      }
      console.log(
        `  median: ${median(times).toFixed(2)}s (${times.map((t) => t.toFixed(2)).join(", ")})`,
      );
      await context.close();
    }
} finally {
  await browser.close();
  await server.close();
  if (!values.keep) rmSync(scratch, { recursive: true, force: true });
  else console.log(`Kept ${scratch}`);
}
