#!/usr/bin/env node
/**
 * The build benchmark: writes a deterministic synthetic archive outside
 * content/, builds the full site from it twice (clean, then after editing one
 * article with the caches kept) and prints what each build cost; then
 * measures the preview an editor uses, `astro dev`, twice (first start, then
 * with a warm cache).
 *
 *   npm run bench -- [--articles 10000] [--json] [--keep] [--no-dev] [--only-dev]
 */
import { spawn, type ChildProcess } from "node:child_process";
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { writeCorpus } from "./corpus.ts";
import { readArticle } from "../src/editor/check-article.ts";
import { permalink, slugFromId } from "../src/lib/permalink.ts";
import { site } from "../src/site/site.ts";

const ROOT = resolve(import.meta.dirname, "..");

/** What one build cost. */
export interface BuildFigures {
  articles: number;
  pages: number;
  wallSeconds: number;
  /** Processor time of the build's whole process tree (user and system), sampled. */
  cpuSeconds: number;
  peakRssMB: number;
  phases: Record<string, number>;
  /** Pages, and pages rendered (not reused), per kind of page. */
  kinds: Record<string, { pages: number; rendered: number }>;
  distMB: number;
  heaviestArticle: { path: string; gzipKB: number };
}

/**
 * Resident memory of a process and all its descendants, in bytes, and each
 * one's processor time so far in clock ticks (Linux /proc), into `ticks`.
 */
function treeRss(pid: number, ticks?: Map<number, number>): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
      if (ticks) {
        // utime and stime: the 14th and 15th fields, after the command's ")".
        const stat = readFileSync(`/proc/${current}/stat`, "utf8");
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        ticks.set(current, Number(fields[11]) + Number(fields[12]));
      }
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, "utf8").trim();
        if (children) stack.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // The process ended between listing and reading: nothing to count.
    }
  }
  return total;
}

/**
 * Parses Astro's durations: "8.06s", "123ms", "1m 5s".
 *
 * @example seconds("1m 5s") // 65
 */
export function seconds(text: string): number {
  let total = 0;
  for (const [, value, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) {
    total += Number(value) * (unit === "ms" ? 0.001 : unit === "m" ? 60 : 1);
  }
  return Math.round(total * 100) / 100;
}

/**
 * Seconds per phase, from Astro's own timings in its log: content sync (with
 * type generation), page rendering, image optimisation, search indexing
 * (the `[search]` line of the build script), publishing (the swap and the
 * removal of the old site), and the rest of the wall time.
 */
export function phasesFromLog(log: string, wallSeconds: number): Record<string, number> {
  const lines = log.split("\n");
  /** The duration on the first "Completed in" line after the line matching `marker`. */
  const after = (marker: RegExp, done = /✓ Completed in (.+)$/) => {
    const start = lines.findIndex((line) => marker.test(line));
    if (start < 0) return 0;
    for (const line of lines.slice(start + 1)) {
      const match = done.exec(line);
      if (match) return seconds(match[1] ?? "");
    }
    return 0;
  };
  const stepSeconds = (step: string) =>
    seconds(new RegExp(`^\\[${step}\\].* in ([\\d.]+s)`, "m").exec(log)?.[1] ?? "");
  const phases = {
    // Linking runs while Astro starts: what it costs is the time rendering waited for it.
    stage: seconds(/^\[stage\] rendering waited ([\d.]+s)/m.exec(log)?.[1] ?? ""),
    contentSync: seconds(/\[types\] Generated (.+)$/m.exec(log)?.[1] ?? ""),
    vite: [...log.matchAll(/\[vite\] ✓ built in (.+)$/gm)].reduce(
      (sum, match) => sum + seconds(match[1] ?? ""),
      0,
    ),
    pageRendering: after(/generating static routes/),
    images: after(/generating optimized images/),
    headers: stepSeconds("headers"),
    searchIndexing: stepSeconds("search"),
    publish: stepSeconds("publish"),
  };
  const known = Object.values(phases).reduce((sum, value) => sum + value, 0);
  return { ...phases, other: Math.max(0, Math.round((wallSeconds - known) * 10) / 10) };
}

/** The kind of page an output path is, for the cost of each kind. */
export function pageKind(path: string): string {
  if (/^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\/[^/]+\/index\.html$/.test(path) && !path.includes("/page/"))
    return "article";
  if (/^\/\d{4}\/\d{2}\/\d{2}\/[^/]+\//.test(path)) return "archive: day+section";
  if (/^\/\d{4}\/\d{2}\/\d{2}\//.test(path)) return "archive: day";
  if (/^\/\d{4}\/\d{2}\//.test(path)) return "archive: month";
  if (/^\/\d{4}\//.test(path)) return "archive: year";
  if (/^\/tags\/[^/]+\//.test(path)) return "tag";
  if (/^\/people\/[^/]+\//.test(path)) return "person";
  if (/(feed\.xml|atom\.xml|feed\.json)\/?$/.test(path)) return "feed";
  if (/sitemap[^/]*\.xml$|robots\.txt$/.test(path)) return "sitemap";
  if (/^\/(index\.html|page\/\d+\/index\.html)$/.test(path)) return "front";
  if (/^\/[a-z-]+\/(index\.html|page\/\d+\/index\.html)$/.test(path)) return "section or other";
  return "other";
}

/**
 * Pages, and pages this build rendered, per kind of page, from the built
 * site: a page Astro reused is a link to its copy of the last build's, with
 * that file's time, so a page written since `since` (epoch ms) was rendered.
 */
export function pagesPerKind(
  out: string,
  since: number,
): Record<string, { pages: number; rendered: number }> {
  const kinds: Record<string, { pages: number; rendered: number }> = {};
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const page = `/${relative(out, path)}`;
    if (page.startsWith("/pagefind/") || page.startsWith("/_astro/") || page === "/_headers")
      continue;
    const kind = (kinds[pageKind(page)] ??= { pages: 0, rendered: 0 });
    kind.pages++;
    if (statSync(path).mtimeMs >= since) kind.rendered++;
  }
  return kinds;
}

/** Clock ticks per second of /proc's processor times (Linux's USER_HZ). */
const TICKS_PER_SECOND = 100;

/**
 * Collects a child's output and samples its process tree's peak memory and
 * processor time until `stop()` (a process's last 100 ms before it exits are
 * not counted).
 */
function observe(child: ChildProcess): {
  log: string;
  peakRss: number;
  cpuSeconds: () => number;
  stop: () => void;
} {
  const ticks = new Map<number, number>();
  const seen = {
    log: "",
    peakRss: 0,
    cpuSeconds: () => [...ticks.values()].reduce((a, b) => a + b, 0) / TICKS_PER_SECOND,
    stop: () => clearInterval(sampler),
  };
  child.stdout?.on("data", (chunk) => (seen.log += chunk));
  child.stderr?.on("data", (chunk) => (seen.log += chunk));
  const sampler = setInterval(() => {
    if (child.pid) seen.peakRss = Math.max(seen.peakRss, treeRss(child.pid, ticks));
  }, 100);
  return seen;
}

/** Resolves once no old site of `out` is waiting to be deleted (scripts/publish/atomic-output.ts). */
async function discarded(out: string): Promise<void> {
  const parent = resolve(out, "..");
  const prefix = `${relative(parent, out)}.discarded-`;
  const started = performance.now();
  while (readdirSync(parent).some((name) => name.startsWith(prefix))) {
    if (performance.now() - started > 120_000) return;
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** Runs `npm run build` against a content folder, sampling the tree's memory. */
async function build(
  content: string,
  out: string,
  cache: string,
): Promise<{
  wallSeconds: number;
  cpuSeconds: number;
  peakRss: number;
  log: string;
  startedAt: number;
}> {
  const started = performance.now();
  const startedAt = Date.now();
  const child = spawn("npm", ["run", "-s", "build"], {
    cwd: ROOT,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: "1",
      NO_COLOR: "1",
      FORCE_COLOR: "0",
      DATELINE_CONTENT: content,
      DATELINE_OUT: out,
      DATELINE_CACHE: cache,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const seen = observe(child);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  seen.stop();
  const { log, peakRss } = seen;
  if (code !== 0) throw new Error(`the build failed (exit ${code}):\n${log.slice(-4000)}`);
  return {
    wallSeconds: (performance.now() - started) / 1000,
    cpuSeconds: seen.cpuSeconds(),
    peakRss,
    log: log.replace(/\u001b\[[0-9;]*m/g, ""),
    startedAt,
  };
}

/**
 * Builds the same articles with stock Astro, the yardstick for the clean
 * build: a project of its own (in `folder`) with Astro's glob loader over
 * the articles, no schema, and one page per story rendered with Astro's own
 * Markdown processor in a bare document; no listings, feeds or search.
 */
async function stockBuild(
  content: string,
  folder: string,
): Promise<{ wallSeconds: number; cpuSeconds: number; peakRssMB: number; pages: number }> {
  rmSync(folder, { recursive: true, force: true });
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  };
  put("package.json", JSON.stringify({ name: "stock", private: true, type: "module" }));
  put("astro.config.mjs", `export default { build: { format: "directory" } };\n`);
  put(
    "src/content.config.ts",
    [
      `import { defineCollection } from "astro:content";`,
      `import { glob } from "astro/loaders";`,
      `export const collections = {`,
      `  articles: defineCollection({ loader: glob({ pattern: "**/*.md", base: ${JSON.stringify(content)} }) }),`,
      `};`,
    ].join("\n"),
  );
  put(
    "src/pages/[...slug].astro",
    [
      "---",
      `import { getCollection, render } from "astro:content";`,
      "export async function getStaticPaths() {",
      `  return (await getCollection("articles")).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));`,
      "}",
      "const { entry } = Astro.props;",
      "const { Content } = await render(entry);",
      "---",
      `<html lang="en"><head><meta charset="utf-8" /><title>{entry.data.headline}</title></head>`,
      "<body><article><h1>{entry.data.headline}</h1><Content /></article></body></html>",
    ].join("\n"),
  );
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, "node_modules/astro/bin/astro.mjs"), "build"], {
    cwd: folder,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const seen = observe(child);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  seen.stop();
  if (code !== 0)
    throw new Error(`stock Astro's build failed (exit ${code}):\n${seen.log.slice(-4000)}`);
  return {
    wallSeconds: round((performance.now() - started) / 1000),
    cpuSeconds: round(seen.cpuSeconds()),
    peakRssMB: Math.round(seen.peakRss / 1e6),
    pages: measureDist(join(folder, "dist")).pages,
  };
}

/** Counts, sizes and the heaviest article page of a built site. */
function measureDist(out: string): Pick<BuildFigures, "pages" | "distMB" | "heaviestArticle"> {
  let pages = 0;
  let bytes = 0;
  let heaviest = { path: "", gzipKB: 0 };
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    bytes += statSync(path).size;
    if (!entry.name.endsWith(".html")) continue;
    pages++;
    const rel = relative(out, path);
    if (/^\d{4}\/\d{2}\/\d{2}\/[^/]+\/[^/]+\/index\.html$/.test(rel)) {
      const gzipKB = gzipSync(readFileSync(path)).length / 1024;
      if (gzipKB > heaviest.gzipKB) heaviest = { path: rel, gzipKB: Math.round(gzipKB * 10) / 10 };
    }
  }
  return { pages, distMB: Math.round((bytes / 1e6) * 10) / 10, heaviestArticle: heaviest };
}

/** What `astro dev` cost an editor previewing the archive. */
export interface DevFigures {
  /** Seconds from starting `npm run dev` to its first answer to any request. */
  readySeconds: number;
  /**
   * Seconds from starting `npm run dev` until it said it had worked out the
   * archive and asked for its first pages (src/integrations/dev-warmup.ts).
   */
  warmSeconds: number;
  /** Seconds for the first article page, once the server answers. */
  firstPageSeconds: number;
  /** Seconds per page for the next article and front pages (median, slowest). */
  pageSeconds: { median: number; slowest: number };
  /** Seconds from saving an edit to an article until its page shows it: the median of `editRuns`. */
  editSeconds: number;
  /** Each edit's seconds, in order (NaN: not shown within a minute). */
  editRuns: number[];
  peakRssMB: number;
}

/** A free TCP port on this machine. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 4399));
    });
  });
}

/** Seconds a GET takes, with its status and body. */
async function timedGet(url: string): Promise<{ seconds: number; status: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.text();
  return { seconds: (performance.now() - started) / 1000, status: response.status, body };
}

/**
 * Starts `astro dev` on the corpus and measures what an editor waits for:
 * the server's first answer, the first article page, later pages, and an
 * edit showing in its page.
 */
async function measureDev(
  content: string,
  cache: string,
  pages: string[],
  edited: readonly { file: string; page: string }[],
  port: number,
): Promise<DevFigures> {
  const origin = `http://localhost:${port}`;
  const started = performance.now();
  const child = spawn(
    process.execPath,
    // As `npm run dev` starts it (package.json), on the port the warm start needs.
    [
      "--import",
      pathToFileURL(join(ROOT, "scripts/publish/allocator-preload.ts")).href,
      join(ROOT, "node_modules/astro/bin/astro.mjs"),
      "dev",
      "--port",
      String(port),
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: "1",
        NO_COLOR: "1",
        DATELINE_CONTENT: content,
        DATELINE_CACHE: cache,
      },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  const seen = observe(child);
  const since = () => (performance.now() - started) / 1000;
  let warmSeconds = Number.NaN;
  const warmed = (chunk: Buffer) => {
    if (!String(chunk).includes("Ready to preview")) return;
    warmSeconds = since();
    child.stdout?.off("data", warmed);
  };
  child.stdout?.on("data", warmed);
  try {
    let readySeconds = 0;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`astro dev stopped:\n${seen.log.slice(-2000)}`);
      if (since() > 600)
        throw new Error(`astro dev did not answer in 10 minutes:\n${seen.log.slice(-2000)}`);
      try {
        await fetch(`${origin}/favicon.svg`);
        readySeconds = since();
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const [first = "/", ...rest] = pages;
    const firstPage = await timedGet(`${origin}${first}`);
    if (firstPage.status !== 200)
      throw new Error(`astro dev answered ${first} with ${firstPage.status}`);
    const times: number[] = [];
    for (const page of rest) {
      const answer = await timedGet(`${origin}${page}`);
      if (answer.status !== 200)
        throw new Error(`astro dev answered ${page} with ${answer.status}`);
      times.push(answer.seconds);
    }
    times.sort((a, b) => a - b);
    // Each edit appends a sentence to a story and waits (a minute at most)
    // for its page to show it, then lets the server settle before the next.
    const editRuns: number[] = [];
    for (const story of edited) {
      const marker = `Dev edit ${Date.now()}.`;
      const editStarted = performance.now();
      appendFileSync(story.file, `\n${marker}\n`);
      let editSeconds = Number.NaN;
      while ((performance.now() - editStarted) / 1000 < 60) {
        const answer = await timedGet(`${origin}${story.page}`);
        if (answer.body.includes(marker)) {
          editSeconds = (performance.now() - editStarted) / 1000;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      editRuns.push(round(editSeconds));
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const byTime = [...editRuns].sort((a, b) =>
      Number.isNaN(a) ? 1 : Number.isNaN(b) ? -1 : a - b,
    );
    return {
      readySeconds: round(readySeconds),
      warmSeconds: round(warmSeconds),
      firstPageSeconds: round(firstPage.seconds),
      pageSeconds: {
        median: round(times[Math.floor(times.length / 2)] ?? 0),
        slowest: round(times.at(-1) ?? 0),
      },
      editSeconds: byTime[Math.floor((byTime.length - 1) / 2)] ?? Number.NaN,
      editRuns,
      peakRssMB: Math.round(seen.peakRss / 1e6),
    };
  } finally {
    seen.stop();
    await stopGroup(child);
  }
}

/**
 * Stops a child started in its own process group and waits until it has
 * exited: a dev server still shutting down writes into the cache folder the
 * next start uses (and the bench deletes at the end). SIGKILL after 10 s.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once("close", done));
  process.kill(-pid);
  const stubborn = setTimeout(() => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Gone already.
    }
  }, 10_000);
  await exited;
  clearTimeout(stubborn);
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;

function reportDev(label: string, figures: DevFigures): string {
  return [
    label,
    `  ready (first answer)   ${figures.readySeconds.toFixed(1)} s`,
    `  archive worked out     ${figures.warmSeconds.toFixed(1)} s (pages of each kind asked for)`,
    `  first article page     ${figures.firstPageSeconds.toFixed(2)} s`,
    `  later pages            ${figures.pageSeconds.median.toFixed(2)} s median, ${figures.pageSeconds.slowest.toFixed(2)} s slowest`,
    `  an edit shown          ${figures.editSeconds.toFixed(2)} s median (${figures.editRuns.map((run) => run.toFixed(2)).join(", ")} s)`,
    `  peak memory (tree)     ${figures.peakRssMB} MB`,
  ].join("\n");
}

function report(label: string, figures: BuildFigures): string {
  const phases = Object.entries(figures.phases)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
    .join(", ");
  return [
    `${label}`,
    `  articles            ${figures.articles}`,
    `  pages written       ${figures.pages}`,
    `  wall time           ${figures.wallSeconds.toFixed(1)} s (processor time ${figures.cpuSeconds.toFixed(1)} s)`,
    `  peak memory (tree)  ${figures.peakRssMB} MB`,
    `  phases              ${phases}`,
    `  per kind of page    pages, rendered`,
    ...Object.entries(figures.kinds)
      .sort(([, a], [, b]) => b.pages - a.pages)
      .map(
        ([kind, { pages, rendered }]) =>
          `    ${kind.padEnd(22)}${String(pages).padStart(7)}${String(rendered).padStart(8)}`,
      ),
    `  dist size           ${figures.distMB} MB`,
    `  heaviest article    ${figures.heaviestArticle.gzipKB} KB gzipped (${figures.heaviestArticle.path})`,
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    allowNegative: true,
    options: {
      articles: { type: "string", default: "10000" },
      json: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      dev: { type: "boolean", default: true },
      edits: { type: "string", default: "1" },
      stock: { type: "boolean", default: true },
      "only-dev": { type: "boolean", default: false },
      "dev-edits": { type: "string", default: "5" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(
      [
        "Usage: npm run bench -- [--articles N] [--edits N] [--json] [--keep] [--no-dev] [--only-dev]",
        "",
        "Writes N synthetic articles (default 10000) to the system's temporary folder, builds",
        "the full site from them into node_modules/.bench/N/, then edits one article and builds",
        "again with the caches kept. Prints articles, pages, wall time, peak memory of the whole",
        "build process tree, time per phase, dist size and the heaviest article page gzipped.",
        "Then starts astro dev on them twice (cold, then warm), with the articles outside the",
        "project and again with a copy inside it (.bench-content/), and prints when it answered,",
        "the first and later pages' times, how long each edit took to show, and its peak memory.",
        "  --json  print one JSON object instead",
        "  --keep  keep the corpus (in the system's temporary folder), builds and build logs",
        "          (clean.log, one-edit.log or one-edit-1.log… in node_modules/.bench/N/) afterwards",
        "  --edits N  edit and rebuild N times (each after the last one's old site is deleted)",
        "             and show the run of median wall time, with every run's time (default 1)",
        "  --no-dev  leave out the preview figures (astro dev: ready, first page, later pages, an edit)",
        "  --no-stock  leave out stock Astro's clean build of the same articles (the yardstick)",
        "  --only-dev  only the preview figures: no builds",
        "  --dev-edits N  edits timed per start of astro dev, on N stories (default 5)",
      ].join("\n"),
    );
    return;
  }
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--articles: expected a positive whole number, found "${values.articles}"`);
  const edits = Number(values.edits);
  if (!Number.isInteger(edits) || edits < 1)
    throw new Error(`--edits: expected a positive whole number, found "${values.edits}"`);
  const devEdits = Number(values["dev-edits"]);
  if (!Number.isInteger(devEdits) || devEdits < 1)
    throw new Error(
      `--dev-edits: expected a positive whole number, found "${values["dev-edits"]}"`,
    );
  // Inside the project: Astro shares one prerender folder among builds whose
  // output lies outside the working directory.
  const work = join(ROOT, "node_modules/.bench", String(count));
  // The articles outside the project: Vite's watcher ignores node_modules,
  // so `astro dev` would not see the benchmark's edit there.
  const content = join(tmpdir(), `dateline-bench-${count}`);
  const out = join(work, "dist");
  const cache = join(work, "cache");
  rmSync(work, { recursive: true, force: true });
  rmSync(content, { recursive: true, force: true });
  writeCorpus(count, content);

  if (!values.json) console.log(`Benchmark: ${count} synthetic articles in ${content}\n`);
  const builds = values["only-dev"] ? undefined : await measureBuilds();
  async function measureBuilds() {
    const measure = async (name: string): Promise<BuildFigures> => {
      const { wallSeconds, cpuSeconds, peakRss, log, startedAt } = await build(content, out, cache);
      if (values.keep) writeFileSync(join(work, `${name}.log`), log);
      return {
        articles: count,
        wallSeconds: Math.round(wallSeconds * 10) / 10,
        cpuSeconds: Math.round(cpuSeconds * 10) / 10,
        peakRssMB: Math.round(peakRss / 1e6),
        phases: phasesFromLog(log, wallSeconds),
        kinds: pagesPerKind(out, startedAt),
        ...measureDist(out),
      };
    };
    const clean = await measure("clean");
    if (!values.json) console.log(report("Clean build", clean));
    const stock = values.stock ? await stockBuild(content, join(work, "stock")) : undefined;
    if (stock && !values.json) {
      console.log(
        [
          "\nStock Astro, the same articles (glob loader, one bare page each, no listings or search)",
          `  pages written       ${stock.pages}`,
          `  wall time           ${stock.wallSeconds.toFixed(1)} s (processor time ${stock.cpuSeconds.toFixed(1)} s)`,
          `  peak memory (tree)  ${stock.peakRssMB} MB`,
          `  Dateline / stock    ${(clean.wallSeconds / stock.wallSeconds).toFixed(2)}x wall, ${(clean.cpuSeconds / stock.cpuSeconds).toFixed(2)}x processor time`,
        ].join("\n"),
      );
    }

    const edited = join(content, "politics", readdirSync(join(content, "politics"))[0] ?? "");
    if (!existsSync(edited)) throw new Error(`no article to edit in ${content}/politics`);
    const runs: BuildFigures[] = [];
    for (let run = 1; run <= edits; run++) {
      // Each run measures a publish on a quiet disk: not while the last one's
      // old site is still being deleted in the background.
      await discarded(out);
      appendFileSync(edited, `\nAn added paragraph: the benchmark's edit ${run}.\n`);
      runs.push(await measure(`one-edit${edits > 1 ? `-${run}` : ""}`));
    }
    const byTime = [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds);
    const incremental = byTime[Math.floor((byTime.length - 1) / 2)] as BuildFigures;
    if (!values.json) {
      const label = "Rebuild after editing one article (caches kept)";
      const times = runs.map((figures) => figures.wallSeconds.toFixed(1)).join(", ");
      console.log(
        `\n${report(edits > 1 ? `${label}: the median of ${edits} runs (${times} s)` : label, incremental)}`,
      );
    }

    return { clean, stock, incremental, edits: runs };
  }

  // Preview: `astro dev` twice (cold, then with the first one's cache),
  // with the articles outside the project and again inside it.
  const dev: Record<string, DevFigures> = {};
  if (values.dev || values["only-dev"]) {
    const stories = devStories(content, devEdits + 2);
    const pages = [...stories.map((story) => story.page).slice(0, 5), "/", "/politics/"];
    const inside = join(ROOT, ".bench-content");
    rmSync(inside, { recursive: true, force: true });
    try {
      for (const [place, folder] of [
        ["outside", content],
        ["inside", inside],
      ] as const) {
        if (place === "inside") cpSync(content, inside, { recursive: true });
        const edited = stories
          .slice(1, devEdits + 1)
          .map(({ page, file }) => ({ page, file: join(folder, relative(content, file)) }));
        // The same port both times: Astro's content store is kept only for the
        // same config, and the port is part of it (a new port clears the store).
        const port = await freePort();
        const cache = join(work, `dev-cache-${place}`);
        for (const start of ["cold", "warm"] as const) {
          const figures = await measureDev(folder, cache, pages, edited, port);
          dev[`${place}-${start}`] = figures;
          const label = `astro dev, articles ${place} the project, ${start === "cold" ? "first start" : "started again (warm cache)"}`;
          if (!values.json) console.log(`\n${reportDev(label, figures)}`);
        }
      }
    } finally {
      rmSync(inside, { recursive: true, force: true });
    }
  }
  if (values.json) {
    console.log(JSON.stringify({ ...builds, dev }, null, 2));
  }
  if (!values.keep) {
    rmSync(work, { recursive: true, force: true });
    rmSync(content, { recursive: true, force: true });
  }
}

/**
 * Stories of the corpus's politics section, in file order, with their pages
 * (worked out as the site does), for the preview's page times and edits.
 */
function devStories(content: string, count: number): { file: string; page: string }[] {
  const folder = join(content, "politics");
  return readdirSync(folder)
    .sort()
    .slice(0, count)
    .map((name) => {
      const file = join(folder, name);
      const id = `politics/${name.replace(/\.md$/, "")}`;
      const { article } = readArticle(readFileSync(file), { file, path: file, id });
      if (!article) throw new Error(`${file}: not a valid story`);
      return { file, page: permalink({ ...article.data, slug: slugFromId(id) }, site.timeZone) };
    });
}

// Run as a script, not when imported (for its parsers).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: Error) => {
    console.error(`bench: ${error.message}`);
    process.exit(1);
  });
}
