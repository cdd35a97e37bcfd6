import { relative, sep } from "node:path";
import { isoDateTime } from "../lib/dates.ts";
import { nextChange, type RuleSite } from "../news/time-rules.ts";
import type { TimeRuleName } from "../site/build-time.ts";
import type { ContentSnapshot } from "./content-snapshot.ts";

/** The file at the root of the built site that says when it goes stale. */
export const BUILD_INFO_FILE = "build.json";

/**
 * build.json: what a build says of itself, public and small (no path of the
 * build machine). `npm run due -- --last <its URL>` compares it with the
 * content and the clock; a deploy job can read `next` alone.
 */
export interface BuildInfo {
  /** The format's version: 1. */
  dateline: 1;
  /** The build's time (DATELINE_BUILD_TIME, else when it ran), ISO 8601 in the newsroom's zone. */
  builtAt: string;
  /**
   * The earliest later moment at which a build would publish something
   * different with the same content, and why; null when none ever will.
   */
  next: {
    at: string;
    rule: TimeRuleName;
    /** In a reader's words: "a scheduled story goes out". */
    reason: string;
    /** The story's file, relative to the project (or the content folder, when outside it). */
    file?: string;
  } | null;
  /** The digest of the content the build published (src/editor/content-snapshot.ts). */
  content: string;
  /** The digest of the site's code it was built with (src/lib/pipeline-digest.ts). */
  code: string;
}

/**
 * A story's file as build.json and `due` name it: relative to `cwd` (the
 * project) when inside it, else relative to the content folder.
 */
export function shownFile(root: string, file: string, cwd: string): string {
  const path = relative(cwd, `${root}${sep}${file.split("/").join(sep)}`);
  return path.startsWith("..") || path.startsWith(sep) ? file : path.split(sep).join("/");
}

/** build.json for a build made at `now` of the content in `snapshot`. */
export function buildInfo(
  snapshot: ContentSnapshot,
  now: Date,
  options: RuleSite & { cwd: string },
): BuildInfo {
  const next = nextChange(snapshot.stories, now, options);
  return {
    dateline: 1,
    builtAt: isoDateTime(now, options.timeZone),
    next: next
      ? {
          at: isoDateTime(next.at, options.timeZone),
          rule: next.rule,
          reason: next.reason,
          // build.json is public: a scheduled story's file name could give its
          // news away before the embargo ends, so only `npm run due`, on the
          // newsroom's own machine, names that one.
          ...(next.file && next.rule !== "scheduled"
            ? { file: shownFile(snapshot.root, next.file, options.cwd) }
            : {}),
        }
      : null,
    content: snapshot.digest,
    code: snapshot.code,
  };
}

/** ISO 8601 with an offset (or Z), to the second or finer. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A time as written with its offset, or undefined when it is not one. */
export function timeWithOffset(text: string): Date | undefined {
  if (!ISO_WITH_OFFSET.test(text.trim())) return undefined;
  const time = new Date(text.trim());
  return Number.isNaN(time.getTime()) ? undefined : time;
}

/** A build.json that is not one, named by where it came from. */
export class BuildInfoError extends Error {}

/**
 * Reads a build.json (`source` names it in messages): the build's time and
 * digests, or a BuildInfoError saying which field was expected and what was
 * found.
 */
export function parseBuildInfo(text: string, source: string): BuildInfo & { built: Date } {
  const wrong = (what: string) =>
    new BuildInfoError(`${source}: expected ${what}; this is not a build.json of Dateline's build`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw wrong(`JSON; found ${JSON.stringify(text.trim().slice(0, 40))}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw wrong(`a JSON object; found ${JSON.stringify(value)?.slice(0, 40)}`);
  }
  const info = value as Partial<Record<keyof BuildInfo, unknown>>;
  const field = (name: keyof BuildInfo, expected: string) =>
    wrong(`"${name}", ${expected}; found ${JSON.stringify(info[name]) ?? "nothing"}`);
  if (info.dateline !== 1) throw field("dateline", "the format's version 1");
  const built = typeof info.builtAt === "string" ? timeWithOffset(info.builtAt) : undefined;
  if (!built) throw field("builtAt", "the build's time, ISO 8601 with its offset");
  if (typeof info.content !== "string" || !/^sha256:[0-9a-f]{64}$/.test(info.content)) {
    throw field("content", "the content's digest (sha256:…)");
  }
  if (typeof info.code !== "string" || !/^[0-9a-f]{40}$/.test(info.code)) {
    throw field("code", "the code's digest (40 hex digits)");
  }
  return { ...(info as BuildInfo), built };
}

// The content loader works build.json out during the content sync and an
// integration writes it once the site is built: one process, two module
// graphs, so it is handed over on globalThis (as src/editor/build-report.ts).
const KEY = Symbol.for("dateline.build-info");

/** Keeps this build's build.json for src/integrations/build-info.ts to write. */
export function recordBuildInfo(info: BuildInfo): void {
  (globalThis as Record<symbol, unknown>)[KEY] = info;
}

/** This process's build.json, if its content sync worked it out. */
export function lastBuildInfo(): BuildInfo | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as BuildInfo | undefined;
}
