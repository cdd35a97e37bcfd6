#!/usr/bin/env node
/**
 * The build benchmark: writes a deterministic synthetic archive outside
 * content/, builds the full site from it twice (clean, then after editing one
 * article with the caches kept) and prints what each build cost.
 *
 *   npm run bench -- [--articles 10000] [--json] [--keep]
 */
import { spawn } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { writeCorpus } from "./corpus.ts";

const ROOT = resolve(import.meta.dirname, "..");

/** What one build cost. */
export interface BuildFigures {
  articles: number;
  pages: number;
  wallSeconds: number;
  peakRssMB: number;
  phases: Record<string, number>;
  /** Pages, pages rendered (not reused) and summed render milliseconds per kind of page. */
  kinds: Record<string, { pages: number; rendered: number; ms: number }>;
  distMB: number;
  heaviestArticle: { path: string; gzipKB: number };
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(pid: number): number {
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
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
 * (the `[search]` lines of the build script), and the rest of the wall time.
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
    stage: stepSeconds("stage"),
    contentSync: seconds(/\[types\] Generated (.+)$/m.exec(log)?.[1] ?? ""),
    vite: [...log.matchAll(/\[vite\] ✓ built in (.+)$/gm)].reduce(
      (sum, match) => sum + seconds(match[1] ?? ""),
      0,
    ),
    pageRendering: after(/generating static routes/),
    images: after(/generating optimized images/),
    headers: stepSeconds("headers"),
    searchIndexing: stepSeconds("search"),
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
 * Pages and summed render time per kind of page, from Astro's log of a build
 * (`├─ /path (+12ms)`; reused pages are counted, not timed). With
 * build.concurrency above 1 the times overlap: compare kinds, not totals.
 */
export function costPerKind(
  log: string,
): Record<string, { pages: number; rendered: number; ms: number }> {
  const kinds: Record<string, { pages: number; rendered: number; ms: number }> = {};
  for (const match of log.matchAll(
    /├─ (\/\S*?)(?=\d\d:\d\d:\d\d|\s)(?:\s*\(\+([\d.]+)(ms|s)\))?/g,
  )) {
    const kind = pageKind(match[1] ?? "");
    const entry = (kinds[kind] ??= { pages: 0, rendered: 0, ms: 0 });
    entry.pages++;
    if (match[2]) {
      entry.rendered++;
      entry.ms += Number(match[2]) * (match[3] === "s" ? 1000 : 1);
    }
  }
  return kinds;
}

/** Runs `npm run build` against a content folder, sampling the tree's memory. */
async function build(
  content: string,
  out: string,
  cache: string,
): Promise<{ wallSeconds: number; peakRss: number; log: string }> {
  const started = performance.now();
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
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  let peakRss = 0;
  const sampler = setInterval(() => {
    if (child.pid) peakRss = Math.max(peakRss, treeRss(child.pid));
  }, 100);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`the build failed (exit ${code}):\n${log.slice(-4000)}`);
  return {
    wallSeconds: (performance.now() - started) / 1000,
    peakRss,
    log: log.replace(/\u001b\[[0-9;]*m/g, ""),
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

function report(label: string, figures: BuildFigures): string {
  const phases = Object.entries(figures.phases)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
    .join(", ");
  return [
    `${label}`,
    `  articles            ${figures.articles}`,
    `  pages written       ${figures.pages}`,
    `  wall time           ${figures.wallSeconds.toFixed(1)} s`,
    `  peak memory (tree)  ${figures.peakRssMB} MB`,
    `  phases              ${phases}`,
    `  per kind of page    pages, rendered, summed render time (overlapping: 4 at a time)`,
    ...Object.entries(figures.kinds)
      .sort(([, a], [, b]) => b.ms - a.ms)
      .map(
        ([kind, { pages, rendered, ms }]) =>
          `    ${kind.padEnd(22)}${String(pages).padStart(7)}${String(rendered).padStart(8)}${(ms / 1000).toFixed(1).padStart(9)} s`,
      ),
    `  dist size           ${figures.distMB} MB`,
    `  heaviest article    ${figures.heaviestArticle.gzipKB} KB gzipped (${figures.heaviestArticle.path})`,
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "10000" },
      json: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(
      [
        "Usage: npm run bench -- [--articles N] [--json] [--keep]",
        "",
        "Writes N synthetic articles (default 10000) to node_modules/.bench/, builds the full",
        "site from them, then edits one article and builds again with the caches kept.",
        "Prints articles, pages, wall time, peak memory of the whole build process tree,",
        "time per phase, dist size and the heaviest article page gzipped.",
        "  --json  print one JSON object instead",
        "  --keep  keep the corpus, builds and build logs (clean.log, one-edit.log) afterwards",
      ].join("\n"),
    );
    return;
  }
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--articles: expected a positive whole number, found "${values.articles}"`);
  // Inside the project: Astro shares one prerender folder among builds whose
  // output lies outside the working directory.
  const work = join(ROOT, "node_modules/.bench", String(count));
  const content = join(work, "content");
  const out = join(work, "dist");
  const cache = join(work, "cache");
  rmSync(work, { recursive: true, force: true });
  writeCorpus(count, content);

  const run = async (name: string): Promise<BuildFigures> => {
    const { wallSeconds, peakRss, log } = await build(content, out, cache);
    if (values.keep) writeFileSync(join(work, `${name}.log`), log);
    return {
      articles: count,
      wallSeconds: Math.round(wallSeconds * 10) / 10,
      peakRssMB: Math.round(peakRss / 1e6),
      phases: phasesFromLog(log, wallSeconds),
      kinds: costPerKind(log),
      ...measureDist(out),
    };
  };
  if (!values.json)
    console.log(`Benchmark: ${count} synthetic articles in ${relative(ROOT, content)}\n`);
  const clean = await run("clean");
  if (!values.json) console.log(report("Clean build", clean));

  const edited = join(content, "politics", readdirSync(join(content, "politics"))[0] ?? "");
  if (!existsSync(edited)) throw new Error(`no article to edit in ${content}/politics`);
  appendFileSync(edited, "\nAn added paragraph: the benchmark's one edit.\n");
  const incremental = await run("one-edit");
  if (values.json) console.log(JSON.stringify({ clean, incremental }, null, 2));
  else console.log(`\n${report("Rebuild after editing one article (caches kept)", incremental)}`);
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}

// Run as a script, not when imported (for its parsers).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: Error) => {
    console.error(`bench: ${error.message}`);
    process.exit(1);
  });
}
