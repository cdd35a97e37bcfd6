#!/usr/bin/env node
/**
 * A sample newsroom for newcomers: writes a few hundred generated stories
 * (sections, tags, people, some with pictures, two developing with live
 * updates) outside content/, builds the site from them and serves it.
 *
 *   npm run demo -- [--articles 300] [--port 4321] [--no-serve]
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { CliError, run } from "./cli.ts";
import { site } from "../src/site.config.ts";
import { writeCorpus } from "./corpus.ts";

const ROOT = resolve(import.meta.dirname, "..");
// Inside the project, like the benchmark's: Astro shares one prerender
// folder among builds whose output lies outside the working directory.
const WORK = join(ROOT, "node_modules/.demo");
const PALETTES = [
  ["#1f4e79", "#f2c14e", "#e8e1d3"],
  ["#7a1f2b", "#f4d35e", "#efe6dd"],
  ["#23483a", "#f28f3b", "#e9efe4"],
  ["#3d2c5e", "#6cc3d5", "#eeeaf4"],
  ["#5b3a1a", "#9ad1a4", "#f3ece2"],
  ["#243447", "#ff6f59", "#e4ebf2"],
];

const IMAGES = PALETTES.map((_, i) => `_images/photo-${i + 1}.jpg`);

/** Flat-colour stand-ins for news photographs, 1200 × 800, drawn with sharp. */
async function writeImages(content: string): Promise<void> {
  mkdirSync(join(content, "_images"), { recursive: true });
  await Promise.all(
    PALETTES.map(async ([sky, sun, ground], i) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
        <rect width="1200" height="800" fill="${sky}"/>
        <circle cx="${300 + i * 130}" cy="${220 + (i % 3) * 40}" r="${90 + i * 10}" fill="${sun}"/>
        <path d="M0 560 L${250 + i * 60} ${420 - i * 10} L${600 + i * 40} 600 L900 470 L1200 560 V800 H0Z" fill="${ground}"/>
      </svg>`;
      await sharp(Buffer.from(svg))
        .jpeg({ quality: 80 })
        .toFile(join(content, IMAGES[i] ?? ""));
    }),
  );
}

/** Runs a command in the project with extra environment; rejects when it fails. */
function exec(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, ...env },
    });
    child.on("exit", (code) =>
      code === 0 ? done() : fail(new CliError(`${command} ${args.join(" ")} failed (${code})`)),
    );
  });
}

await run("demo", async () => {
  const { values } = parseArgs({
    options: {
      articles: { type: "string", default: "300" },
      port: { type: "string", default: "4321" },
      "no-serve": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(
      "Usage: npm run demo -- [--articles N] [--port N] [--no-serve]\n" +
        `Builds a sample newsroom of generated stories in ${WORK} (never content/) and serves it.`,
    );
    return;
  }
  const count = Number(values.articles);
  if (!Number.isInteger(count) || count < 50) {
    throw new CliError(
      `--articles: expected a whole number of at least 50; found "${values.articles}"`,
    );
  }
  const content = join(WORK, "content");
  const now = new Date();
  rmSync(WORK, { recursive: true, force: true });
  // About five stories a day, the newest ten minutes old.
  writeCorpus(count, content, 20200526, {
    end: new Date(now.getTime() - 10 * 60_000),
    days: Math.ceil(count / 5),
    images: IMAGES,
    sections: site.sections.map((section) => section.slug),
  });
  await writeImages(content);
  console.log(`demo: ${count} stories in ${content}`);
  const env = {
    DATELINE_CONTENT: content,
    DATELINE_OUT: join(WORK, "dist"),
    DATELINE_CACHE: join(WORK, "cache"),
    DATELINE_BUILD_TIME: now.toISOString(),
  };
  await exec("npm", ["run", "build"], env);
  if (values["no-serve"]) {
    console.log(`demo: built into ${env.DATELINE_OUT}`);
    return;
  }
  await exec("npx", ["astro", "preview", "--port", values.port], env);
});
