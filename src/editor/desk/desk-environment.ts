import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { relative, resolve } from "node:path";

/**
 * Where the desk works, from the environment: the content folder as a path
 * in the repository, and the GitHub repository and sign-in worker a newsroom
 * deploys it with (README, "Editing in the browser").
 */
export interface DeskEnvironment {
  contentFolder: string;
  /** The folders at the top of the content folder (years of the archive, say). */
  folders: string[];
  repo: string;
  branch: string | undefined;
  authUrl: string | undefined;
}

/**
 * Reads `DATELINE_CONTENT`, `DATELINE_DESK_REPO` (else GitHub Actions'
 * `GITHUB_REPOSITORY`, else the `origin` remote's GitHub name),
 * `DATELINE_DESK_BRANCH` and `DATELINE_DESK_AUTH_URL`.
 */
export function deskEnvironment(env: NodeJS.ProcessEnv = process.env): DeskEnvironment {
  const root = process.cwd();
  const contentFolder =
    relative(root, resolve(root, env["DATELINE_CONTENT"] || "content"))
      .split("\\")
      .join("/") || ".";
  const folders = readdirSync(resolve(root, contentFolder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !/^[._]/.test(entry.name))
    .map((entry) => entry.name)
    // Years newest first, then other folders by name.
    .sort((a, b) =>
      /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(b) - Number(a) : a.localeCompare(b),
    );
  return {
    contentFolder,
    folders,
    repo:
      env["DATELINE_DESK_REPO"] || env["GITHUB_REPOSITORY"] || originRepo() || "newsroom/dateline",
    branch: env["DATELINE_DESK_BRANCH"] || undefined,
    authUrl: env["DATELINE_DESK_AUTH_URL"] || undefined,
  };
}

/** `owner/name` of the `origin` remote when it is on GitHub. */
function originRepo(): string | undefined {
  try {
    const url = execFileSync("git", ["remote", "get-url", "origin"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    return /github\.com[/:]([^/]+\/[^/]+?)(?:\.git)?$/.exec(url)?.[1];
  } catch {
    return undefined;
  }
}
