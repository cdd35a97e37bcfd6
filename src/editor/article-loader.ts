import { availableParallelism } from "node:os";
import { relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { AstroError } from "astro/errors";
import type { Loader, LoaderContext } from "astro/loaders";
import { buildNow } from "../site/build-time.ts";
import {
  articleFiles,
  checkContent,
  contentFolderProblem,
  contentChecks,
  decodeImages,
  type CheckedArticle,
  type ContentReport,
} from "./check-content.ts";
import { IMAGE_VERDICTS_FILE, ImageVerdicts } from "./image-decode.ts";
import { formatProblems, perReading, type Problem } from "./check-rules.ts";
import { pipelineDigest } from "../lib/pipeline-digest.ts";
import { READINGS_FILE, ReadingMemo } from "./reading-memo.ts";
import { REFUSED, REFUSED_PATH, refusalOf } from "../news/refusal.ts";
import { permalink, slugFromId } from "../lib/permalink.ts";
import { recordReport, refusalMessage } from "./build-report.ts";
import { noteBuild } from "./content-state.ts";
import { DERIVED_KEY, deriveFields, type DerivedFields } from "../news/derived-fields.ts";
import { ASIDE_KEY, isKeptAside, StoryHtmlWriter } from "../news/story-html.ts";
import { site } from "../site/site.ts";
import { RenderPool } from "../markdown/render-pool.ts";
import {
  isEditRefresh,
  keepLiveSync,
  liveSync,
  noteEditRefresh,
  requestRefresh,
} from "./dev-refresh.ts";
import { FileBytes } from "./file-bytes.ts";
import { realPath } from "./content-paths.ts";
import { pipelineFingerprint, siteOf, type SiteMarkdown } from "../markdown/site-markdown.ts";
import type { MarkdownSite } from "../markdown/plugins.ts";

/** The data store's asset registration, which the glob loader uses but the public type omits. */
type AssetStore = { addAssetImports(assets: string[], filePath: string): void };

/** The folder in the cache folder that keeps stories' HTML (src/news/story-html.ts). */
const STORY_HTML_FOLDER = "dateline-story-html";

/** The loader's name, by which `astro dev` is asked to run it again (src/editor/dev-refresh.ts). */
const LOADER_NAME = "dateline-articles";

/** How long after a dev run the rules' readings are written to the cache folder. */
const READINGS_WRITE_AFTER_MS = 3000;

/** How long the content folder must be quiet before `astro dev` checks it again. */
const SETTLE_MS = 150;

/** An article's Markdown rendered to HTML, with the images its body names. */
export type Rendered = {
  html: string;
  metadata: Record<string, unknown> & { imagePaths: string[] };
};

/**
 * Renders articles' Markdown with the site's pipeline: one promise per
 * article, in order, each settling with its HTML or its renderer's error.
 */
export type Renderer = (articles: readonly CheckedArticle[]) => Promise<Rendered>[];

/** A renderer that renders the articles one after the other, in this thread. */
export function oneByOne(render: (article: CheckedArticle) => Promise<Rendered>): Renderer {
  return (articles) => {
    let previous: Promise<unknown> = Promise.resolve();
    return articles.map((article) => {
      const next = previous.then(() => render(article));
      previous = next.catch(() => undefined);
      return next;
    });
  };
}

/**
 * From this many stories to render (a clean build, a first `astro dev`, a
 * new version of the pipeline), they are rendered on worker threads
 * (src/markdown/render-pool.ts), which take about a second to start; fewer,
 * as after an edit, are rendered in the sync's own thread.
 */
const POOL_FROM = 200;

/** How long the sync's thread works on stories before it lets the render threads' answers in. */
const PAUSE_EVERY_MS = 5;

/**
 * A pause for a loop of work on the sync's thread: a turn of the event loop
 * (the render threads' answers, which the pool waits for before it sends
 * them more stories) once PAUSE_EVERY_MS have passed since the last.
 */
function pauser(): () => Promise<void> | undefined {
  let last = performance.now();
  return () => {
    if (performance.now() - last <= PAUSE_EVERY_MS) return undefined;
    return new Promise((resume) =>
      setImmediate(() => {
        last = performance.now();
        resume();
      }),
    );
  };
}

/**
 * The articles collection's loader: every rule of `npm run check`
 * (src/editor/check-content.ts) runs over the whole folder before anything is
 * stored, so the build publishes exactly what the editor wrote or stops,
 * naming file, line, field, what was expected and what was found.
 *
 * - Frontmatter is read by the rules (timestamps as written), then given to
 *   the collection schema through `parseData` for Astro's image handling.
 * - Rendering is done here; a story whose Markdown fails to render (a stack
 *   overflow, a plugin error) fails the build instead of being published
 *   with an empty body, as the glob loader does.
 * - Scheduled stories (published after DATELINE_BUILD_TIME, else now) are not
 *   stored in a build, so no page, listing, feed, sitemap or search index
 *   can show them.
 * - In `astro dev` nothing throws: a refused file's entry is replaced by a
 *   refusal, which every page leaves out and its own page shows (status
 *   500, the problems as `npm run check` prints them) instead of the last
 *   good version.
 */
export function articleLoader(options: { base: string }): Loader {
  return {
    name: LOADER_NAME,
    load: async (context) => {
      // A run asked for after an edit reuses the last full load's sync (its
      // memo, kept HTML, renderer and files' bytes).
      const edit = isEditRefresh(context.refreshContextData);
      if (edit) noteEditRefresh();
      const live = edit ? liveSync() : undefined;
      if (live) {
        await live(context);
        return;
      }
      const { watcher, config, logger } = context;
      const cwd = fileURLToPath(config.root);
      const root = resolve(cwd, options.base);
      const dev = watcher !== undefined;
      const cacheDir = fileURLToPath(config.cacheDir);
      const renderer = await createRenderer(context);
      // Cached HTML is only reused while the code that rendered it is the same.
      const pipeline = pipelineDigest(cwd, { base: config.base });
      // Apart for `astro dev`, whose store (with drafts) is not the build's.
      const html = new StoryHtmlWriter(
        fileURLToPath(new URL(`${STORY_HTML_FOLDER}${dev ? "-dev" : ""}/`, config.cacheDir)),
      );
      // Files unchanged since the last check are not parsed again (kept for
      // the next build or `npm run check`, and in memory while dev runs).
      const memo = new ReadingMemo(
        fileURLToPath(new URL(READINGS_FILE, config.cacheDir)),
        pipelineDigest(cwd, {}),
        // In dev, written once edits pause, not while an edit waits for its page.
        dev ? READINGS_WRITE_AFTER_MS : undefined,
      );
      // In dev, files' bytes are kept between runs; the watcher names those to read again.
      const bytes = dev ? new FileBytes() : undefined;
      // Images are decoded once per file version, kept for the next build or check.
      const verdicts = new ImageVerdicts(
        fileURLToPath(new URL(IMAGE_VERDICTS_FILE, config.cacheDir)),
      );
      // Article files the last run found.
      let lastFiles: number | undefined;
      const check = async (context: LoaderContext) => {
        const now = buildNow("scheduled");
        const options = { now, cwd, memo, ...(bytes ? { read: bytes.read } : {}) };
        let report: ContentReport;
        if (renderer.warmed()) {
          // The threads render each new story as soon as the rules have read
          // it; this thread pauses now and then to let their answers in.
          const steps = contentChecks(root, options);
          const pause = pauser();
          for (let step = steps.next(); ; step = steps.next()) {
            if (step.done) {
              report = step.value;
              break;
            }
            const article = step.value;
            if (
              publishes(article, dev) &&
              !storedAsIs(context, article, storyDigest(context, article, pipeline), html)
            ) {
              renderer.early(article);
            }
            await pause();
          }
        } else {
          report = checkContent(root, options);
        }
        await decodeImages(report, verdicts);
        const problems = [...report.problems];
        // Where each refused story was before this run stores anything, for its page.
        const pages = dev ? lastPages(context, report.problems, { cwd, root }) : undefined;
        problems.push(
          ...(await storeArticles(context, report.articles, renderer.render, {
            dev,
            cwd,
            pipeline,
            html,
          })),
        );
        const errors = problems.filter((problem) => problem.severity === "error");
        if (errors.length > 0 && !dev) throw refusal(errors);
        if (dev) markRefused(context, errors, report.articles, pages ?? new Map(), { cwd, root });
        lastFiles = report.files;
        recordReport({
          files: report.files,
          problems,
          held: report.articles.filter((a) => a.scheduled && !dev).map((a) => a.checked),
          changed: memo.changed,
        });
        // When this build goes stale, for build.json (src/integrations/build-info.ts).
        if (!dev) noteBuild(root, report.articles, { cwd, cacheFolder: cacheDir, now });
        if (errors.length > 0) logger.error(formatProblems(errors));
      };
      const sync = async (context: LoaderContext) => {
        const unusable = contentFolderProblem(root, options.base);
        if (unusable) {
          throw userError(
            unusable,
            "DATELINE_CONTENT names the folder of articles (content/ unset).",
          );
        }
        // Many more files than stored stories (a clean build, a first `astro
        // dev`): the render threads start now and load while the rules run.
        // After a first run in dev, its count of files stands in for a walk.
        const files = lastFiles ?? articleFiles(realPath(root) ?? root).files.length;
        if (files - context.store.keys().length >= POOL_FROM) renderer.warm();
        try {
          await check(context);
        } finally {
          renderer.cool();
        }
      };
      if (!watcher) {
        await sync(context);
        releaseSyncMemory();
        return;
      }
      // In dev every change to the content folder re-runs the rules: a file's
      // problems can come from another (a duplicate permalink, a broken link).
      // A save can arrive as several events (truncate, then write): the
      // rules run once the folder has been quiet for a moment, so they never
      // read a file half-written and keep that as the story's state.
      // The folder is watched from before the first run: a story saved while
      // it reads and renders (20 s on a first start at 10,000 stories) is
      // read again once it is done, where it used to keep the version read.
      const first = sync(context);
      let pending: Promise<void> = first.catch(() => undefined);
      let quiet: ReturnType<typeof setTimeout> | undefined;
      // The run goes through Astro's content layer when the dev server offers
      // it (src/editor/dev-refresh.ts): Astro then writes the data store at
      // once instead of after its half-second debounce.
      const onChange = (path: string) => {
        if (!path.startsWith(root)) return;
        bytes?.forget(path);
        clearTimeout(quiet);
        quiet = setTimeout(() => {
          pending = pending
            .then(async () => {
              // Astro's refresh, else (no dev server to ask, or it never ran) the loader's own.
              if ((await requestRefresh(LOADER_NAME)) !== true) await sync(context);
            })
            .catch((error: unknown) => {
              logger.error(error instanceof Error ? error.message : String(error));
            });
        }, SETTLE_MS);
      };
      const events = ["change", "add", "unlink"] as const;
      watcher.add(root);
      for (const event of events) watcher.on(event, onChange);
      try {
        await first;
      } catch (error) {
        // As before the folder was watched this early: a first run that
        // failed leaves nothing watching (Astro shows its error).
        clearTimeout(quiet);
        for (const event of events) watcher.off(event, onChange);
        throw error;
      }
      keepLiveSync(sync);
    },
  };
}

/**
 * Astro's user error, printed as its message and hint. Astro prints an
 * error's stack too whenever it has one (formatErrorMessage in
 * astro/dist/core/messages/runtime.js), and the loader's place in the code
 * is nothing an editor can act on: a refusal is no crash, so it goes
 * without one.
 */
export function userError(message: string, hint: string): AstroError {
  const error = new AstroError(message, hint);
  error.stack = "";
  return error;
}

/** The build's refusal: every error the rules found, as `file:line  field  message`. */
export function refusal(errors: readonly Problem[]): AstroError {
  return userError(
    `${errors.length} ${errors.length === 1 ? "problem stops" : "problems stop"} the build; nothing was published:\n${formatProblems(errors)}`,
    "Each line is file:line  field  what was expected; what was found. npm run check lists the same.",
  );
}

/**
 * After a build's content sync: a full garbage collection, when the process
 * allows one (scripts/build.ts starts Astro with --expose-gc). The sync leaves
 * hundreds of megabytes of garbage behind (every file read, parsed and
 * rendered), and Vite's bundling comes next, the build's most memory-hungry
 * moment, which then starts from a smaller heap. With the heap growing factor
 * scripts/build.ts also sets, the clean build's peak at 10,000 stories went
 * from 1.54–1.56 GB to 1.23–1.29 GB (README, Benchmark). Costs about 0.2 s.
 */
function releaseSyncMemory(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** The site's renderer, whose threads can start before the stories to render are known. */
interface SiteRenderer {
  render: Renderer;
  /** Starts the render threads now, for many stories to come: they load while the rules run. */
  warm(): void;
  /** Whether threads were started by `warm` for this sync. */
  warmed(): boolean;
  /**
   * Starts rendering a story on the warmed threads as soon as the rules have
   * read it; `render` then hands over that rendering instead of starting one.
   */
  early(article: CheckedArticle): void;
  /** Stops this sync's threads, once every story given to them has settled. */
  cool(): void;
}

/**
 * Astro's Markdown renderer with the site's pipeline, as the glob loader
 * makes it; many stories at once go to a pool of threads that build the same
 * pipeline (src/markdown/site-markdown.ts).
 */
async function createRenderer(context: LoaderContext): Promise<SiteRenderer> {
  const { markdown, image } = context.config;
  // The options exactly as Astro's markdown entry type passes them.
  const shared = {
    image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  };
  const processor = await markdown.processor.createRenderer(
    shared as Parameters<typeof markdown.processor.createRenderer>[0],
  );
  const fileURL = (article: CheckedArticle) => pathToFileURL(article.checked.path);
  const inThread = oneByOne(async (article) => {
    const result = await processor.render(article.checked.body.trim(), {
      frontmatter: article.raw,
      fileURL: fileURL(article),
    });
    return asRendered({
      html: result.code,
      ...(result.metadata as { localImagePaths: string[]; remoteImagePaths: string[] }),
    });
  });
  // What the configured processor was made from (astro.config.ts), for the
  // threads to make it too, and its print, which theirs must match.
  const made = siteOf(markdown.processor);
  const print = made && pipelineFingerprint(markdown.processor as SiteMarkdown);
  const threads = renderThreads(process.env["DATELINE_RENDER_THREADS"]);
  const pooled: { site: MarkdownSite; print: string } | undefined =
    made && print && threads > 0 && cloneable(shared) ? { site: made, print } : undefined;
  // This sync's pool, or why there is none (its stories are then rendered
  // here), with when it started and how many stories it was given.
  let pool: { ready: Promise<RenderPool | string>; since: number; sent: number } | undefined;
  const poolOf = (settings: { site: MarkdownSite; print: string }) =>
    (pool ??= {
      ready: RenderPool.start(
        { site: settings.site, shared: shared as Record<string, unknown> },
        settings.print,
        threads,
      ),
      since: performance.now(),
      sent: 0,
    });
  let warned = false;
  /** Renders a story on the pool's threads, or here if the pool did not start. */
  const onPool = (started: NonNullable<typeof pool>, article: CheckedArticle) => {
    started.sent++;
    return started.ready.then((ready) => {
      if (typeof ready !== "string") {
        return ready
          .render({
            body: article.checked.body.trim(),
            frontmatter: article.raw,
            fileURL: fileURL(article).href,
          })
          .then(asRendered);
      }
      if (!warned) context.logger.warn(`Rendering the stories in one thread: ${ready}.`);
      warned = true;
      return inThread([article])[0] as Promise<Rendered>;
    });
  };
  // Stories whose rendering `early` started, until `render` takes them.
  const started = new Map<CheckedArticle, Promise<Rendered>>();
  const render: Renderer = (articles) => {
    const fresh = articles.filter((article) => !started.has(article));
    const target = fresh.length >= POOL_FROM && pooled ? poolOf(pooled) : undefined;
    const rendered = target ? fresh.map((article) => onPool(target, article)) : inThread(fresh);
    let next = 0;
    const all = articles.map(
      (article) => started.get(article) ?? (rendered[next++] as Promise<Rendered>),
    );
    started.clear();
    return all;
  };
  return {
    render,
    warm: () => {
      if (pooled) poolOf(pooled);
    },
    warmed: () => pool !== undefined,
    early: (article) => {
      if (!pool || started.has(article)) return;
      const rendering = onPool(pool, article);
      // A failure is the store step's to report, if it takes the story.
      rendering.catch(() => undefined);
      started.set(article, rendering);
    },
    cool: () => {
      const used = pool;
      pool = undefined;
      started.clear();
      void used?.ready.then(async (ready) => {
        if (typeof ready === "string") return;
        await ready.close();
        if (used.sent === 0) return;
        const seconds = ((performance.now() - used.since) / 1000).toFixed(1);
        context.logger.info(`Rendered ${used.sent} stories on ${threads} threads in ${seconds}s`);
      });
    },
  };
}

/**
 * Render threads at most by default: each holds its own copy of the
 * pipeline and its garbage, and a machine with many cores would otherwise
 * spend on threads the memory the build's peak is measured by.
 */
const MOST_THREADS = 4;

/** A story's HTML and its body's images, local and remote, as the loader stores them. */
function asRendered(result: {
  html: string;
  localImagePaths: string[];
  remoteImagePaths: string[];
}): Rendered {
  return {
    html: result.html,
    metadata: { imagePaths: result.localImagePaths.concat(result.remoteImagePaths) },
  };
}

/**
 * How many threads render many stories at once: DATELINE_RENDER_THREADS,
 * else one per core up to MOST_THREADS; 0 renders them in the sync's own thread.
 */
export function renderThreads(value: string | undefined): number {
  if (value === undefined || value === "") return Math.min(availableParallelism(), MOST_THREADS);
  if (!/^\d+$/.test(value)) {
    throw userError(
      `DATELINE_RENDER_THREADS: expected a whole number of threads (0 renders in the build's own thread); found "${value}"`,
      "Unset, it starts one thread per core.",
    );
  }
  return Number(value);
}

/** Whether a value can be sent to another thread. */
function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** A story's digest: its file's text and the rendering code's (pipeline-digest.ts). */
function storyDigest(
  context: Pick<LoaderContext, "generateDigest">,
  article: CheckedArticle,
  pipeline: string | undefined,
): string {
  // Every run works out every story's digest (which ones changed?): kept
  // with the file's reading while its bytes stay the same.
  return perReading(article, `story digest ${pipeline ?? ""}`, () =>
    context.generateDigest(`${pipeline ?? ""}\n${article.text}`),
  );
}

/** Whether the store step stores a story: a scheduled one only in `astro dev`. */
function publishes(article: CheckedArticle, dev: boolean): boolean {
  return !article.scheduled || dev;
}

/**
 * Whether a story is stored as its text and the rendering code (`digest`)
 * make it, with its HTML, when kept aside, still there (and now kept).
 */
function storedAsIs(
  context: Pick<LoaderContext, "store">,
  article: CheckedArticle,
  digest: string,
  html: StoryHtmlWriter | undefined,
): boolean {
  const { id } = article.checked;
  const existing = context.store.get(id);
  return (
    existing?.digest === digest &&
    existing.rendered !== undefined &&
    (!isKeptAside(existing) || html?.keep(id, digest) === true)
  );
}

/**
 * Stores every article that is to be published (rendering what changed) and
 * removes the rest; returns a problem for each story whose rendering failed,
 * and stores nothing of it.
 */
export async function storeArticles(
  context: Pick<LoaderContext, "store" | "parseData" | "generateDigest">,
  articles: readonly CheckedArticle[],
  render: Renderer,
  options: {
    dev: boolean;
    cwd: string;
    /** The rendering code's digest (pipeline-digest.ts); part of each story's. */
    pipeline?: string;
    /** Where stories' HTML is kept, out of the data store (src/news/story-html.ts); else in it. */
    html?: StoryHtmlWriter;
  },
): Promise<Problem[]> {
  const { store, parseData } = context;
  const problems: Problem[] = [];
  const keep = new Set<string>();
  // The stories to render, with their digests.
  const changed: { article: CheckedArticle; digest: string }[] = [];
  for (const article of articles) {
    if (!publishes(article, options.dev)) continue;
    const { id, path } = article.checked;
    keep.add(id);
    const digest = storyDigest(context, article, options.pipeline);
    const existing = store.get(id);
    if (existing && storedAsIs(context, article, digest, options.html)) {
      // Unchanged and rendered before: keep it, and re-register its images
      // as the glob loader does (the data store is rebuilt every build).
      if (existing.assetImports?.length) {
        (store as unknown as AssetStore).addAssetImports(
          existing.assetImports,
          existing.filePath ?? path,
        );
      }
      continue;
    }
    changed.push({ article, digest });
  }
  // Every story to render is handed over at once (a pool renders many on
  // other threads while this one does the rest); each settles on its own.
  const renders = render(changed.map(({ article }) => article)).map((promise) =>
    promise.then(
      (rendered) => ({ rendered }),
      (error: unknown) => ({ error }),
    ),
  );
  // What this thread works out of each story meanwhile. It stops now and
  // then for the threads' answers, which the pool waits for before it sends
  // them more stories: without the pauses they sat idle until the loop ended.
  const prepared: { data: Record<string, unknown>; derived: DerivedFields }[] = [];
  const pause = pauser();
  for (const { article } of changed) {
    await pause();
    const { id, path } = article.checked;
    const data = await parseData({ id, data: article.raw, filePath: path });
    // From the schema's data, as pages read it (e.g. the summary as the schema cleans it).
    const derived = deriveFields(
      article.checked.body.trim(),
      data as Parameters<typeof deriveFields>[1],
      site.timeZone,
    );
    prepared.push({ data, derived });
  }
  for (const [index, { article, digest }] of changed.entries()) {
    const { id, path, file } = article.checked;
    const filePath = relativePosix(options.cwd, path);
    const { data, derived } = prepared[index] as (typeof prepared)[number];
    const body = article.checked.body.trim();
    const outcome = await (renders[index] as (typeof renders)[number]);
    if ("error" in outcome) {
      problems.push({
        file,
        line: article.checked.bodyLine,
        field: "body",
        message: `expected Markdown the site can render; found text the renderer failed on (${describeError(outcome.error)}), so the story is not published`,
        severity: "error",
      });
      store.delete(id);
      continue;
    }
    const { rendered } = outcome;
    // What pages need is stored, and no more: the store is bundled into the
    // build as one module, so its size is Vite's time and the build's memory.
    // The body stays only for a story with live updates (its structured data
    // quotes each update's text); the frontmatter is `data` already.
    // The HTML goes beside the store, unless body images need Astro's pipeline.
    const { imagePaths } = rendered.metadata;
    const keepAside = options.html !== undefined && imagePaths.length === 0;
    if (keepAside) options.html?.set(id, digest, rendered.html);
    store.set({
      id,
      data,
      ...(derived.updates.length > 0 ? { body } : {}),
      filePath,
      digest,
      rendered: {
        html: keepAside ? "" : rendered.html,
        metadata: {
          imagePaths,
          [DERIVED_KEY]: derived,
          ...(keepAside ? { [ASIDE_KEY]: options.html?.fileOf(id) } : {}),
        },
      },
      assetImports: imagePaths,
    });
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  options.html?.save();
  return problems;
}

/** The store's id of an article file the rules name (`file`: relative to `cwd`). */
function idOfFile(file: string, where: { cwd: string; root: string }): string | undefined {
  if (!file.endsWith(".md")) return undefined;
  const root = realPath(where.root) ?? where.root;
  const id = relativePosix(root, resolve(where.cwd, file)).replace(/\.md$/, "");
  return id.startsWith("../") ? undefined : id;
}

/** A stored entry's page: its permalink, or, for a refusal, the page it kept. */
function pageOf(entry: { id: string; data: Record<string, unknown> }): string | undefined {
  const refused = refusalOf(entry);
  if (refused) return refused.path;
  const { published, section } = entry.data;
  if (!(published instanceof Date) || typeof section !== "string") return undefined;
  return permalink({ published, section, slug: slugFromId(entry.id) }, site.timeZone);
}

/**
 * The pages, before this run, of the files the rules refuse, by file: a
 * refused story's page then shows its problems, where it showed the story.
 */
function lastPages(
  context: Pick<LoaderContext, "store">,
  problems: readonly Problem[],
  where: { cwd: string; root: string },
): Map<string, string> {
  const pages = new Map<string, string>();
  for (const { file, severity } of problems) {
    const id = severity === "error" ? idOfFile(file, where) : undefined;
    const entry = id === undefined ? undefined : context.store.get(id);
    const page = entry && pageOf(entry);
    if (page) pages.set(file, page);
  }
  return pages;
}

/**
 * In dev, a refused file's entry becomes a refusal carrying its problems and
 * its page (the last good version's, else the one its own frontmatter
 * gives), so that page shows them (src/news/articles.ts) instead of serving
 * the last good version, and every other page leaves the story out.
 */
function markRefused(
  context: LoaderContext,
  errors: readonly Problem[],
  articles: readonly CheckedArticle[],
  pages: ReadonlyMap<string, string>,
  where: { cwd: string; root: string },
): void {
  const byFile = new Map<string, Problem[]>();
  for (const error of errors) byFile.set(error.file, [...(byFile.get(error.file) ?? []), error]);
  const byId = new Map(articles.map((article) => [article.checked.file, article]));
  for (const [file, problems] of byFile) {
    const article = byId.get(file);
    const id = article?.checked.id ?? idOfFile(file, where) ?? file;
    const page =
      pages.get(file) ??
      (article &&
        permalink({ ...article.data, slug: slugFromId(article.checked.id) }, site.timeZone));
    const message = refusalMessage(problems);
    context.store.set({
      id,
      data: { [REFUSED]: message, ...(page ? { [REFUSED_PATH]: page } : {}) },
      digest: context.generateDigest(`${REFUSED}${message}${page ?? ""}`),
    });
  }
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : "";
  return `${message}${cause && !message.includes(cause) ? `: ${cause}` : ""}`.split("\n")[0] ?? "";
}

/** A path relative to the project, with forward slashes, as the data store keeps them (`../` allowed, as the glob loader writes). */
function relativePosix(from: string, to: string): string {
  return relative(from, to).split(sep).join("/");
}
