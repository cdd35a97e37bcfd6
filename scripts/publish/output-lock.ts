import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";

/** What a lock file says of the build holding it. */
interface Holder {
  pid: number;
  started: string;
}

/** How long a build waits for another to finish before it gives up. */
export const LOCK_PATIENCE_MS = 30 * 60_000;
const POLL_MS = 250;
/** A lock file still empty after this long was left by a build killed while taking it. */
const EMPTY_GRACE_MS = 5_000;

/** Whether a process is running (and not a zombie): signal 0 tests without sending anything. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

/** The holder a lock file names, or undefined when the file is gone, unreadable or half-written. */
function holderOf(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as Partial<Holder>;
    return typeof holder.pid === "number"
      ? { pid: holder.pid, started: String(holder.started) }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Takes `file` if nobody holds it; removes a lock whose build has gone. */
function tryTake(file: string): Holder | "taken" {
  try {
    const fd = openSync(file, "wx");
    writeSync(fd, JSON.stringify({ pid: process.pid, started: new Date().toISOString() }));
    closeSync(fd);
    return "taken";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const holder = holderOf(file);
  if (holder === undefined) {
    // Empty or unreadable: a build killed between creating and writing it, or one writing it now.
    let age = 0;
    try {
      age = Date.now() - statSync(file).mtimeMs;
    } catch {
      return tryTake(file);
    }
    if (age > EMPTY_GRACE_MS) rmSync(file, { force: true });
    return { pid: 0, started: "just now" };
  }
  if (!running(holder.pid)) {
    rmSync(file, { force: true });
    return tryTake(file);
  }
  return holder;
}

/**
 * One build at a time: takes the lock files `files` (beside the output
 * folder, and in the cache folder that builds into other outputs share),
 * waiting while another running build holds one, and releases them when this
 * process exits, however it exits short of SIGKILL (a lock left by a killed
 * build names a process that is gone, and the next build takes it over).
 *
 * @param say how the wait is reported, once
 * @throws when another build still holds a lock after `patienceMs`
 */
export async function lockBuild(
  files: readonly string[],
  say: (message: string) => void,
  patienceMs = LOCK_PATIENCE_MS,
): Promise<() => void> {
  const held: string[] = [];
  const release = () => {
    for (const file of held.splice(0)) rmSync(file, { force: true });
  };
  process.on("exit", release);
  const started = performance.now();
  let told = false;
  try {
    for (const file of files) {
      for (;;) {
        const result = tryTake(file);
        if (result === "taken") break;
        if (performance.now() - started > patienceMs) {
          throw new Error(
            `another build (process ${result.pid}, started ${result.started}) has held ${file} for ${Math.round(patienceMs / 60_000)} minutes; nothing was built. If no build is running, remove that file.`,
          );
        }
        if (!told) {
          say(
            `another build (process ${result.pid}, started ${result.started}) is writing the same site; waiting for it to finish`,
          );
          told = true;
        }
        await new Promise((done) => setTimeout(done, POLL_MS));
      }
      held.push(file);
    }
  } catch (error) {
    release();
    throw error;
  }
  return release;
}
