import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The time of test builds that set none: after every fixture story, as "now" is. */
export const BUILD_TIME = "2026-01-01T12:00:00Z";

/** Scratch space for test builds, ignored by git. */
const TMP = join(ROOT, "node_modules/.dateline-test-builds");

/**
 * The environment without what Vitest adds to it (BASE_URL, MODE, NODE_ENV=test…):
 * a build inherits those otherwise, and Vite then takes BASE_URL over Astro's `base`.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (
      /^(VITEST|VITE_)/.test(key) ||
      ["BASE_URL", "MODE", "DEV", "PROD", "SSR", "NODE_ENV", "TEST"].includes(key)
    ) {
      delete env[key];
    }
  }
  return env;
}

export interface BuildResult {
  /** The process's exit status: 0 when the build succeeded. */
  status: number | null;
  /** Standard output and error together, as an editor would see them. */
  output: string;
  /** Where the site was written. */
  outDir: string;
}

interface BuildOptions {
  content?: string;
  env?: Record<string, string>;
  reuse?: BuildResult;
}

/** `npm run build`'s command, folders and environment for a test build. */
function buildCommand(options: BuildOptions): {
  args: string[];
  env: NodeJS.ProcessEnv;
  outDir: string;
} {
  mkdirSync(TMP, { recursive: true });
  // `reuse`: build again into an earlier build's folders, caches kept.
  const work = options.reuse ? dirname(options.reuse.outDir) : mkdtempSync(join(TMP, "build-"));
  const outDir = join(work, "dist");
  return {
    // The running Node (22, from the node package) rather than whatever `node` the PATH has.
    args: [join(ROOT, "scripts/build.ts")],
    env: {
      ...buildEnvironment(),
      ASTRO_TELEMETRY_DISABLED: "1",
      // Messages as an editor reads them in a log: no colour codes.
      NO_COLOR: "1",
      FORCE_COLOR: "0",
      DATELINE_OUT: outDir,
      DATELINE_CACHE: join(work, "cache"),
      // One time for every test build unless a test sets its own: build.json
      // records the build's time, and builds of the same content compared
      // byte for byte (incremental against clean, one time zone against
      // another) must be made at one.
      DATELINE_BUILD_TIME: BUILD_TIME,
      ...(options.content ? { DATELINE_CONTENT: options.content } : {}),
      ...options.env,
    },
    outDir,
  };
}

/**
 * Builds the site (`npm run build`) into a fresh temporary folder, optionally
 * from another content folder and with extra environment, leaving dist/ alone.
 */
export function buildSite(options: BuildOptions = {}): BuildResult {
  const { args, env, outDir } = buildCommand(options);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", env });
  // Colour codes stripped in case a terminal setting forces them anyway.
  const output = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, "");
  return { status: result.status, output, outDir };
}

/**
 * Starts a build like buildSite without waiting for it, in a process group
 * of its own so that a test can kill it with everything it started.
 */
export function startBuild(options: BuildOptions = {}): {
  child: ChildProcess;
  done: Promise<number | null>;
  /** Standard output and error together, once the build has ended. */
  output: Promise<string>;
  outDir: string;
} {
  const { args, env, outDir } = buildCommand(options);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const done = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, done, output: done.then(() => output), outDir };
}
