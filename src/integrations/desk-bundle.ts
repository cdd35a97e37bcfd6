import { createReadStream, existsSync, readFileSync } from "node:fs";
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { build } from "vite";

/**
 * Serves the editors' desk's manager, Sveltia CMS, from the site itself at
 * `/admin/sveltia/`: its npm package bundled by Vite, as the package is meant
 * to be used, with everything it loads at run time (its fonts, the icon font
 * among them, code highlighting, image and Markdown helpers) as files of the
 * bundle rather than fetches from CDNs.
 *
 * The bundle depends on the package's version alone, so it is made once per
 * version (16 s: 2 MB of app and 11 MB of grammars for code highlighting)
 * into node_modules/.dateline-desk/, and each build links it in; built
 * with the site's pages it added those 16 s to every build, a one-story
 * rebuild included. `npm run dev` serves the same files.
 */
export function deskBundle(): AstroIntegration {
  let root = process.cwd();
  let prefix = "/admin/sveltia/";
  return {
    name: "dateline:desk-bundle",
    hooks: {
      "astro:config:done": ({ config }) => {
        root = fileURLToPath(config.root);
        prefix = `${config.base.replace(/\/?$/, "/")}admin/sveltia/`;
      },
      "astro:server:setup": ({ server, logger }) => {
        let folder: Promise<string> | undefined;
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
          if (!path.startsWith(prefix)) return next();
          folder ??= deskBundleFolder(root, (message) => logger.info(message));
          folder
            .then(async (dir) => {
              const file = join(
                dir,
                normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, ""),
              );
              if (!(await stat(file).catch(() => undefined))?.isFile()) return next();
              res.setHeader("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
              createReadStream(file).pipe(res);
            })
            .catch(next);
        });
      },
      "astro:build:done": async ({ dir, logger }) => {
        const folder = await deskBundleFolder(root, (message) => logger.info(message));
        await linkTree(folder, join(fileURLToPath(dir), "admin/sveltia"));
      },
    },
  };
}

/**
 * Puts the bundle's files into the site as hard links (copies across disks):
 * 300 files, 17 MB, which a copy took up to a second to write on a busy
 * machine, at the end of Astro's run, where the build's search indexing
 * waits for it.
 */
async function linkTree(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      await linkTree(source, target);
      continue;
    }
    await rm(target, { force: true });
    await link(source, target).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "EXDEV") throw error;
      await copyFile(source, target);
    });
  }
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
};

/** The entry of the desk's bundle: the package's own module, which sets `window.CMS`. */
const ENTRY = "src/editor/desk/sveltia-entry.ts";

/**
 * The folder of the bundle for the installed version, made if missing. A
 * build made elsewhere and renamed into place, so builds started together
 * never see half a bundle.
 */
export async function deskBundleFolder(
  root: string,
  say: (message: string) => void,
): Promise<string> {
  const version = (
    JSON.parse(readFileSync(join(root, "node_modules/@sveltia/cms/package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  const entry = await readFile(join(root, ENTRY), "utf8");
  const key = `${version}-${Buffer.from(entry).toString("base64url").slice(-12)}`;
  const folder = join(root, "node_modules/.dateline-desk", key);
  if (existsSync(join(folder, "sveltia.js"))) return folder;
  const started = Date.now();
  const scratch = `${folder}.${process.pid}.${Date.now()}`;
  await mkdir(scratch, { recursive: true });
  await build({
    configFile: false,
    root,
    logLevel: "warn",
    base: "./",
    publicDir: false,
    build: {
      outDir: scratch,
      emptyOutDir: true,
      modulePreload: false,
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        input: join(root, ENTRY),
        output: {
          entryFileNames: "sveltia.js",
          chunkFileNames: "chunks/[name]-[hash].js",
          assetFileNames: "assets/[name]-[hash][extname]",
        },
      },
    },
  });
  await rename(scratch, folder).catch(async (error: NodeJS.ErrnoException) => {
    // Another build got there first: keep its bundle.
    await rm(scratch, { recursive: true, force: true });
    if (!existsSync(join(folder, "sveltia.js"))) throw error;
  });
  say(
    `desk: Sveltia CMS ${version} bundled into ${folder} in ${((Date.now() - started) / 1000).toFixed(1)}s`,
  );
  return folder;
}
