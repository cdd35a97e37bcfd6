import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The headers a `_headers` file (Netlify and Cloudflare Pages syntax) gives a
 * path: every block whose pattern matches, a trailing `*` matching any rest.
 */
export function headersFor(file: string, pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let applies = false;
  for (const line of file.split("\n")) {
    if (line.trim() === "" || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = line.trim();
      applies = pattern.endsWith("*")
        ? pathname.startsWith(pattern.slice(0, -1))
        : pathname === pattern;
      continue;
    }
    // `! Name` detaches a header a broader block gave (Cloudflare Pages).
    const detach = /^\s*!\s*(\S+)\s*$/.exec(line);
    if (applies && detach) delete headers[detach[1]!];
    const colon = line.indexOf(":");
    if (applies && !detach && colon > 0) {
      headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    }
  }
  return headers;
}

/**
 * Serves a built site the way a plain static host does (directory index,
 * 404.html for misses, the headers of its `_headers` file), under an optional
 * base path, on a free loopback port.
 * Tests use this instead of `astro preview` to check exactly what deploys.
 */
export async function serveStatic(
  root: string,
  base = "/",
): Promise<{ url: string; close: () => Promise<void> }> {
  const headersFile = await readFile(join(root, "_headers"), "utf8").catch(() => "");
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    for (const [name, value] of Object.entries(headersFor(headersFile, pathname))) {
      // Plain http on loopback: HSTS and upgrades would only get in the way.
      if (name === "Strict-Transport-Security") continue;
      res.setHeader(
        name,
        name === "Content-Security-Policy"
          ? value.replace(/; upgrade-insecure-requests/, "")
          : value,
      );
    }
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end("outside base");
      return;
    }
    const relative = normalize(pathname.slice(base.length - 1)).replace(/^(\.\.[/\\])+/, "");
    let file = join(root, relative);
    const info = await stat(file).catch(() => undefined);
    if (info?.isDirectory()) file = join(file, "index.html");
    const found = await stat(file).catch(() => undefined);
    if (!found?.isFile()) {
      const notFound = join(root, "404.html");
      const has404 = await stat(notFound).catch(() => undefined);
      res.writeHead(404, { "content-type": TYPES[".html"] });
      if (has404) createReadStream(notFound).pipe(res);
      else res.end("Not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
