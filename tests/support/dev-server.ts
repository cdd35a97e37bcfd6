import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { buildEnvironment, ROOT } from "./build.ts";

/** A free TCP port on this machine. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 4399));
    });
  });
}

/** `astro dev` started by a test, with what it has printed so far. */
export interface DevServer {
  origin: string;
  /** Its output so far, stdout and stderr together. */
  log(): string;
  /** Resolves once its output includes `text`; rejects after `seconds`. */
  printed(text: string, seconds?: number): Promise<void>;
  stop(): void;
}

/**
 * Starts `astro dev` on a free port with the site's environment and `env`
 * (DATELINE_CONTENT, DATELINE_CACHE…); it goes on in the background.
 */
export async function startDevServer(env: NodeJS.ProcessEnv): Promise<DevServer> {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    [join(ROOT, "node_modules/astro/bin/astro.mjs"), "dev", "--port", String(port)],
    {
      cwd: ROOT,
      env: { ...buildEnvironment(), ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", ...env },
    },
  );
  let log = "";
  server.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  return {
    origin: `http://localhost:${port}`,
    log: () => log,
    async printed(text, seconds = 90) {
      for (const end = Date.now() + seconds * 1000; !log.includes(text);) {
        if (Date.now() > end) throw new Error(`astro dev did not print "${text}":\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    stop: () => server.kill(),
  };
}
