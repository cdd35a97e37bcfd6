import { Worker } from "node:worker_threads";

import type { MarkdownSite } from "./plugins.ts";

/** What a thread needs to build the site's pipeline (site-markdown.ts). */
export interface PoolSettings {
  /** The settings the configured processor was made from. */
  site: MarkdownSite;
  /** The options Astro passes every Markdown renderer (images, highlighting…); cloneable. */
  shared: Record<string, unknown>;
}

/** A story to render: its Markdown body, frontmatter and file, as a file: URL. */
export interface RenderTask {
  id: number;
  body: string;
  frontmatter: Record<string, unknown>;
  fileURL: string;
}

/** A story rendered: its HTML and the images its body names. */
export interface PoolRendered {
  html: string;
  localImagePaths: string[];
  remoteImagePaths: string[];
}

/** A thread's message: ready (with its pipeline's print), or a task's answer. */
export type WorkerMessage =
  | { ready: string }
  | ({ id: number } & PoolRendered)
  | { id: number; error: { message: string; cause?: string } };

/**
 * Tasks sent to a thread before its answers come back: enough to keep it
 * busy (a story takes 1 to 3 ms) while the sending thread works between
 * reading answers (the loader pauses for them every 5 ms).
 */
const IN_FLIGHT = 8;

interface Thread {
  worker: Worker;
  /** The tasks it was sent and has not answered, by id. */
  busy: Map<number, RenderTask>;
}

/** A thread to start: the worker module and the data it starts with. */
export interface ThreadSource {
  worker: URL;
  data: unknown;
}

/**
 * Renders stories' Markdown on worker threads: the content sync of a clean
 * build renders every story (about 3 ms each, most of the sync on one
 * thread), while the sync's own thread has the rest of each story to do
 * (the schema, derived fields, the store).
 *
 * `start` resolves once every thread has built its pipeline and each
 * pipeline prints as `fingerprint` (the configured processor's, see
 * site-markdown.ts); otherwise with why not, and the caller renders in its
 * own thread. A story whose rendering throws rejects with the renderer's
 * message and cause. A thread that dies (out of memory, say) is replaced;
 * the stories it had are tried again one at a time, so that only the story
 * that kills a thread fails.
 */
export class RenderPool {
  readonly #source: ThreadSource;
  readonly #threads: Thread[] = [];
  readonly #queue: RenderTask[] = [];
  readonly #waiting = new Map<
    number,
    { resolve: (value: PoolRendered) => void; reject: (error: Error) => void }
  >();
  /** Tasks that were in flight on a thread that died: each now runs alone. */
  readonly #suspects = new Set<number>();
  #next = 0;
  #closed = false;

  private constructor(source: ThreadSource) {
    this.#source = source;
  }

  /**
   * Starts `size` threads of the site's pipeline (render-worker.ts), or of
   * `source` (tests).
   */
  static async start(
    settings: PoolSettings,
    fingerprint: string,
    size: number,
    source: ThreadSource = {
      worker: new URL("./render-worker.ts", import.meta.url),
      data: settings,
    },
  ): Promise<RenderPool | string> {
    const pool = new RenderPool(source);
    try {
      const prints = await Promise.all(Array.from({ length: size }, () => pool.#spawn()));
      if (prints.some((print) => print !== fingerprint)) {
        await pool.close();
        return "the configured Markdown pipeline is not the site's (src/markdown/site-markdown.ts)";
      }
      return pool;
    } catch (error) {
      await pool.close();
      return `a render thread did not start (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  /** Renders a story's body; settles with its HTML or the renderer's error. */
  render(task: Omit<RenderTask, "id">): Promise<PoolRendered> {
    if (this.#closed) return Promise.reject(new Error("the render pool is closed"));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#queue.push({ ...task, id });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    const threads = this.#threads.splice(0);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
  }

  #settle(id: number, outcome: { value: PoolRendered } | { error: Error }): void {
    const waiting = this.#waiting.get(id);
    this.#waiting.delete(id);
    this.#suspects.delete(id);
    if ("error" in outcome) waiting?.reject(outcome.error);
    else waiting?.resolve(outcome.value);
  }

  #dispatch(): void {
    for (const thread of this.#threads) {
      while (this.#queue.length > 0) {
        const task = this.#queue[0] as RenderTask;
        const alone =
          this.#suspects.size > 0 && [...thread.busy.keys()].some((id) => this.#suspects.has(id));
        const limit = this.#suspects.has(task.id) ? 1 : IN_FLIGHT;
        if (alone || thread.busy.size >= limit) break;
        this.#queue.shift();
        thread.busy.set(task.id, task);
        thread.worker.postMessage(task);
      }
    }
  }

  /** Starts a thread; resolves with its pipeline's print once it is ready. */
  #spawn(): Promise<string> {
    const worker = new Worker(this.#source.worker, { workerData: this.#source.data });
    const thread: Thread = { worker, busy: new Map() };
    return new Promise((ready, failed) => {
      let started = false;
      let failure: Error | undefined;
      worker.on("message", (message: WorkerMessage) => {
        if ("ready" in message) {
          started = true;
          this.#threads.push(thread);
          ready(message.ready);
          this.#dispatch();
          return;
        }
        thread.busy.delete(message.id);
        if ("error" in message) {
          const error = new Error(message.error.message);
          if (message.error.cause) error.cause = new Error(message.error.cause);
          this.#settle(message.id, { error });
        } else {
          this.#settle(message.id, { value: message });
        }
        this.#dispatch();
      });
      worker.on("error", (error) => {
        failure = error;
      });
      worker.on("exit", (code) => {
        const error = failure ?? new Error(`the render thread stopped (exit code ${code})`);
        if (!started) return failed(error);
        if (this.#closed) return;
        this.#threads.splice(this.#threads.indexOf(thread), 1);
        const lost = [...thread.busy.values()];
        if (lost.length === 1) {
          // It had one story: that story killed it.
          this.#settle((lost[0] as RenderTask).id, { error });
        } else {
          // Which of them killed it is not known: each is tried again alone.
          for (const task of lost) this.#suspects.add(task.id);
          this.#queue.unshift(...lost);
        }
        this.#spawn().catch((spawnError: unknown) => {
          if (this.#threads.length > 0) return;
          for (const task of this.#queue.splice(0)) {
            this.#settle(task.id, { error: spawnError as Error });
          }
        });
      });
    });
  }
}
